// The paper's table from a grid of runs: rows are methods (baselines once, then each model's
// relative and kernelized clustering), columns are class pairs, cells mean ± sd over seeds.
import type { ClusterMethod } from '../../shared/types';
import type { ExperimentSummary } from '../../shared/results';

export interface GridCell {
  pair: string;
  model: string;
  seed: number;
  summary: ExperimentSummary;
}

export interface ReplicateTable {
  columns: string[];
  rows: { method: string; cells: ({ mean: number; sd: number; n: number } | null)[] }[];
}

const LE_ROWS: { method: ClusterMethod; label: string }[] = [
  { method: 'kmeans-rows', label: 'relative (K-means on rows)' },
  { method: 'spectral', label: 'relative (spectral)' },
  { method: 'kernel-kmeans', label: 'kernelized (kernel K-means)' },
];
const BASELINES: { method: ClusterMethod; label: string }[] = [
  { method: 'kmeans-raw', label: 'K-means (raw pixels)' },
  { method: 'pca-kmeans', label: 'PCA(100) + K-means' },
  { method: 'autoencoder-kmeans', label: 'autoencoder + K-means' },
];

function meanSd(values: number[]): { mean: number; sd: number; n: number } | null {
  if (!values.length) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { mean, sd, n: values.length };
}

export function replicateTable(cells: GridCell[], models: string[]): ReplicateTable {
  const columns = [...new Set(cells.map((c) => c.pair))];
  const accuracy = (filter: (c: GridCell) => boolean, method: ClusterMethod, pair: string): ReturnType<typeof meanSd> =>
    meanSd(
      cells
        .filter((c) => c.pair === pair && filter(c))
        .map((c) => c.summary.metrics.clustering[method]?.accuracy)
        .filter((v): v is number => v !== undefined),
    );
  const rows: ReplicateTable['rows'] = [];
  const firstModel = models[0];
  for (const b of BASELINES)
    rows.push({ method: b.label, cells: columns.map((p) => accuracy((c) => c.model === firstModel, b.method, p)) });
  for (const model of models)
    for (const r of LE_ROWS) rows.push({ method: `${model}: ${r.label}`, cells: columns.map((p) => accuracy((c) => c.model === model, r.method, p)) });
  return { columns, rows: rows.filter((r) => r.cells.some((c) => c !== null)) };
}

export function formatReplicateTable(t: ReplicateTable): string {
  const cell = (c: { mean: number; sd: number; n: number } | null): string =>
    c === null ? '—' : c.n > 1 ? `${c.mean.toFixed(3)} ± ${c.sd.toFixed(3)}` : c.mean.toFixed(3);
  const head = `| method | ${t.columns.join(' | ')} |`;
  const rule = `|---|${t.columns.map(() => '---').join('|')}|`;
  return [head, rule, ...t.rows.map((r) => `| ${r.method} | ${r.cells.map(cell).join(' | ')} |`)].join('\n');
}
