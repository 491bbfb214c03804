// Seed robustness: run one method over several seeds (seed, seed + 1, …) and summarize the
// scores (mean ± population sd) and the objective values.
import type { ClusterScores } from '../../shared/results';
import type { Matrix } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { scoreClustering } from '../metrics';
import { CLUSTER_ALGORITHMS, type ClusterAlgorithmName } from './registry';

export interface RepeatResult {
  method: ClusterAlgorithmName;
  seeds: number[];
  objectives: number[];
  assignments: Int32Array[];
  /** Present when labels were given. */
  scores?: ClusterScores[];
  mean?: ClusterScores;
  sd?: ClusterScores;
  objectiveMean: number;
  objectiveSd: number;
}

const KEYS = ['accuracy', 'hungarianAccuracy', 'ari', 'nmi'] as const;

function meanSd(values: number[]): [number, number] {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return [m, Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length)];
}

export async function repeatClustering(
  method: ClusterAlgorithmName,
  input: Matrix,
  params: Record<string, unknown>,
  seeds: number,
  labels?: ArrayLike<number>,
): Promise<RepeatResult> {
  const algo = CLUSTER_ALGORITHMS[method];
  if (!algo) throw new LeError('invalid_input', `unknown clustering method "${String(method)}"`, 'method');
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 1000)
    throw new LeError('invalid_input', `seeds must be an integer in [1, 1000], got ${seeds}`, 'seeds');
  if (labels && labels.length !== input.rows)
    throw new LeError('invalid_input', `labels has length ${labels.length} but the input has ${input.rows} rows`, 'labels');
  const base = typeof params.seed === 'number' ? params.seed : 0;
  const out: RepeatResult = { method, seeds: [], objectives: [], assignments: [], objectiveMean: 0, objectiveSd: 0 };
  for (let s = 0; s < seeds; s++) {
    const seed = (base + s) % 2 ** 32;
    const fit = await algo.fit(input, { ...params, seed });
    out.seeds.push(seed);
    out.objectives.push(fit.objective);
    out.assignments.push(fit.assignments);
  }
  [out.objectiveMean, out.objectiveSd] = meanSd(out.objectives);
  if (labels) {
    const scores = out.assignments.map((a) => scoreClustering(a, labels));
    const mean = {} as ClusterScores, sd = {} as ClusterScores;
    for (const key of KEYS) [mean[key], sd[key]] = meanSd(scores.map((x) => x[key]));
    Object.assign(out, { scores, mean, sd });
  }
  return out;
}
