import { describe, it, expect } from 'vitest';
import { fitSpectral, symmetricEigen } from '../../../../src/engine/cluster';
import { adjustedRandIndex } from '../../../../src/engine/metrics';
import { blobs, catchError, rbf } from './helpers';

describe('fitSpectral', () => {
  it('eigenvalues match the dense solver on the explicit D^-1/2 A D^-1/2 (zero diagonal); rows have unit norm', () => {
    const { x, labels } = blobs(2, 40, [[0, 0], [4, 0], [0, 4]], 0.5);
    const A = rbf(x, 1);
    const n = A.rows;
    const r = fitSpectral(A, { k: 3, seed: 4 });
    const M = Float64Array.from(A.data);
    for (let i = 0; i < n; i++) M[i * n + i] = 0;
    const deg = Array.from({ length: n }, (_, i) => M.slice(i * n, i * n + n).reduce((s, v) => s + v, 0));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[i * n + j] /= Math.sqrt(deg[i] * deg[j]);
    const ref = symmetricEigen(M, n);
    for (let j = 0; j < 3; j++) expect(r.eigenvalues[j]).toBeCloseTo(ref.values[j], 9);
    for (let i = 0; i < n; i++) expect(Math.hypot(...r.embedding.slice(i * 3, i * 3 + 3))).toBeCloseTo(1, 12);
    expect(adjustedRandIndex(r.assignments, labels)).toBe(1);
    expect(r.warnings).toEqual([]);
  });
  it('separates disconnected components (repeated eigenvalue 1)', () => {
    const n = 90;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i % 3 === j % 3) data[i * n + j] = 0.5 + ((i * j) % 7) / 14;
    const r = fitSpectral({ rows: n, cols: n, data }, { k: 3 });
    expect(adjustedRandIndex(r.assignments, Array.from({ length: n }, (_, i) => i % 3))).toBe(1);
    for (let j = 0; j < 3; j++) expect(r.eigenvalues[j]).toBeCloseTo(1, 9);
  });
  it('negative affinities are clipped by default (shift and abs on request), with a warning', () => {
    const { x, labels } = blobs(6, 30, [[0, 0], [3, 0]], 0.4);
    const A = rbf(x, 0.5);
    const signed = { ...A, data: A.data.map((v) => v - 0.05) };
    const clip = fitSpectral(signed, { k: 2 });
    expect(clip.warnings[0]).toMatch(/negative entries.*'clip'/);
    expect(adjustedRandIndex(clip.assignments, labels)).toBe(1);
    expect(fitSpectral(signed, { k: 2, negative: 'shift' }).warnings[0]).toMatch(/'shift'/);
    expect(fitSpectral(signed, { k: 2, negative: 'abs' }).assignments.length).toBe(60);
  });
  it('degenerate inputs: isolated points, all-zero and constant matrices, k > n, bad shapes', () => {
    const n = 6;
    const data = new Float64Array(n * n);
    for (const [i, j] of [[0, 1], [1, 2], [3, 4]]) data[i * n + j] = data[j * n + i] = 1;
    const r = fitSpectral({ rows: n, cols: n, data }, { k: 2 });
    expect(r.warnings.some((w) => /1 point\(s\) have zero degree/.test(w))).toBe(true);
    expect(Array.from(r.embedding.slice(10, 12))).toEqual([0, 0]); // point 5 is isolated
    expect(fitSpectral({ rows: 4, cols: 4, data: new Float64Array(16) }).assignments.length).toBe(4);
    expect(fitSpectral({ rows: 4, cols: 4, data: new Float64Array(16).fill(0.3) }).assignments.length).toBe(4);
    expect(catchError(() => fitSpectral({ rows: 2, cols: 2, data: new Float64Array(4) }, { k: 3 })).field).toBe('k');
    expect(catchError(() => fitSpectral({ rows: 1, cols: 2, data: new Float64Array(2) })).field).toBe('affinity');
  });
});
