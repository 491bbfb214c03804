import fs from 'node:fs';
import type { Command } from '../command';
import { emit, fmt } from '../io';
import { oneOf, optionalNumber, requireString } from '../args';
import { LeError } from '../../shared/errors';
import { parseLabelsCsv, parseMatrixCsv } from '../../shared/matrixCsv';

/** The pipeline's matrix methods; each maps to its algorithm the same way as in a run. */
const METHODS = ['kmeans-rows', 'spectral', 'kernel-kmeans', 'kernel-kmeans-authors'] as const;

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new LeError('bad_file', `${file}: cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file);
  }
}

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'clusters a similarity matrix; JSON: assignments, and with labels accuracy, hungarianAccuracy, ari, nmi',
  usage: 'cluster --matrix S.csv --method kmeans-rows|spectral|kernel-kmeans|kernel-kmeans-authors [--k 2] [--labels L.csv] [--seed s] [--seeds S]',
  options: {
    matrix: { type: 'string' },
    method: { type: 'string' },
    k: { type: 'string' },
    labels: { type: 'string' },
    seed: { type: 'string' },
    seeds: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    const method = oneOf(values, 'method', METHODS);
    const k = optionalNumber(values, 'k', (v) => Number.isInteger(v) && v >= 1, 'a positive integer') ?? 2;
    const seed = optionalNumber(values, 'seed', (v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32, 'an integer in [0, 2^32)') ?? 0;
    const seeds = optionalNumber(values, 'seeds', (v) => Number.isInteger(v) && v >= 1 && v <= 1000, 'an integer in 1..1000') ?? 1;
    const file = requireString(values, 'matrix');
    const matrix = parseMatrixCsv(readText(file, 'matrix'), file);
    const nanAt = matrix.data.findIndex((v) => !Number.isFinite(v));
    if (nanAt >= 0)
      throw new LeError('bad_file', `${file}: entry (${Math.floor(nanAt / matrix.cols)}, ${nanAt % matrix.cols}) is ${matrix.data[nanAt]}; a similarity matrix must be finite`, file);
    if (k > matrix.rows) throw new LeError('invalid_input', `--k ${k} is larger than the ${matrix.rows} rows of ${file}`, 'k');
    let labels: number[] | undefined;
    if (typeof values.labels === 'string') {
      labels = parseLabelsCsv(readText(values.labels, 'labels'), values.labels);
      if (labels.length !== matrix.rows)
        throw new LeError('invalid_input', `${values.labels} has ${labels.length} labels but ${file} has ${matrix.rows} rows`, 'labels');
    }
    const [{ repeatClustering }, { METHOD_PLANS }, { scoreClustering }] = await Promise.all([
      import('../../engine/cluster'),
      import('../../engine/experiment/clusterStep'),
      import('../../engine/metrics'),
    ]);
    const algorithm = METHOD_PLANS[method].algorithm;
    const params: Record<string, unknown> = { k, seed };
    const rep = await repeatClustering(algorithm, matrix, params, seeds, labels);
    const assignments = Array.from(rep.assignments[0]);
    const result = {
      method,
      n: matrix.rows,
      k,
      assignments,
      objective: rep.objectives[0],
      ...(labels ? scoreClustering(rep.assignments[0], labels) : {}),
      ...(seeds > 1 ? { repeats: { seeds: rep.seeds, objectives: rep.objectives, mean: rep.mean, sd: rep.sd } } : {}),
    };
    emit(ctx, result, (r) => {
      const sizes = Array.from({ length: k }, (_, c) => r.assignments.filter((a) => a === c).length);
      const lines = [`${r.method}: ${r.n} rows into ${k} clusters of sizes ${sizes.join(', ')}; objective ${fmt(r.objective, 6)}`];
      if ('accuracy' in r) lines.push(`accuracy ${fmt(r.accuracy)}  hungarian ${fmt(r.hungarianAccuracy)}  ARI ${fmt(r.ari)}  NMI ${fmt(r.nmi)}`);
      if (r.repeats?.mean) lines.push(`over ${seeds} seeds: accuracy ${fmt(r.repeats.mean.accuracy)} ± ${fmt(r.repeats.sd?.accuracy)}`);
      return lines.join('\n');
    });
  },
};
