import { describe, expect, it } from 'vitest';
import { formatReplicateTable, replicateTable, type GridCell } from '../../../../src/engine/experiment/replicateTable';
import type { ExperimentSummary } from '../../../../src/shared/results';

function cell(pair: string, model: string, seed: number, acc: Record<string, number>): GridCell {
  const clustering = Object.fromEntries(Object.entries(acc).map(([method, accuracy]) => [method, { method, accuracy, assignments: [], hungarianAccuracy: accuracy, ari: 0, nmi: 0 }]));
  return { pair, model, seed, summary: { metrics: { trainAccuracy: 1, clustering } } as unknown as ExperimentSummary };
}

describe('replicateTable', () => {
  it('rows are baselines (from the first model) then each model × LE method; cells are mean ± population sd over seeds', () => {
    const cells = [
      cell('5 vs 8', 'relu2 MSE', 1, { 'kmeans-raw': 0.6, 'kernel-kmeans': 0.9 }),
      cell('5 vs 8', 'relu2 MSE', 2, { 'kmeans-raw': 0.6, 'kernel-kmeans': 0.8 }),
      cell('5 vs 8', 'linear2 MSE', 1, { 'kmeans-raw': 0.7, 'kernel-kmeans': 0.55 }),
      cell('4 vs 9', 'relu2 MSE', 1, { 'kmeans-raw': 0.5, 'kernel-kmeans': 0.75 }),
    ];
    const t = replicateTable(cells, ['relu2 MSE', 'linear2 MSE']);
    expect(t.columns).toEqual(['5 vs 8', '4 vs 9']);
    expect(t.rows.map((r) => r.method)).toEqual(['K-means (raw pixels)', 'relu2 MSE: kernelized (kernel K-means)', 'linear2 MSE: kernelized (kernel K-means)']);
    const ker = t.rows[1].cells[0]!;
    expect(ker.mean).toBeCloseTo(0.85, 12);
    expect(ker.sd).toBeCloseTo(0.05, 12);
    expect(t.rows[2].cells[1]).toBeNull();
    const md = formatReplicateTable(t);
    expect(md.split('\n')[0]).toBe('| method | 5 vs 8 | 4 vs 9 |');
    expect(md).toContain('| relu2 MSE: kernelized (kernel K-means) | 0.850 ± 0.050 | 0.750 |');
    expect(md).toContain('| linear2 MSE: kernelized (kernel K-means) | 0.550 | — |');
  });
});
