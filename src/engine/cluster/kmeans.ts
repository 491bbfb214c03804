// K-means (Lloyd) with greedy k-means++ seeding and nInit restarts; the lowest inertia wins.
// Convergence as scikit-learn: stop when the summed squared centre shift is ≤ tol · (mean
// per-feature variance of the data), or when no label changes, or after maxIter iterations.
// An empty cluster is re-seeded with the point farthest from its centre. With fewer distinct
// points than k, centres coincide and ties go to the lowest index, so some clusters end
// empty (scikit-learn warns the same way).
import type { Matrix } from '../../shared/types';
import { createRng, type Rng } from '../rng';
import { checkK, checkMatrix } from './matrix';
import { resolveParams, SEED_FIELD, type ParamSpec } from './params';

export interface KMeansParams {
  k: number;
  nInit: number;
  maxIter: number;
  tol: number;
  seed: number;
}

export const KMEANS_PARAMS: ParamSpec<KMeansParams> = {
  k: { kind: 'int', default: 2, min: 1, max: 10000 },
  nInit: { kind: 'int', default: 10, min: 1, max: 1000 },
  maxIter: { kind: 'int', default: 300, min: 1, max: 100000 },
  tol: { kind: 'number', default: 1e-4, min: 0, max: 1 },
  seed: SEED_FIELD,
};

export interface KMeansResult {
  assignments: Int32Array;
  /** k × d row-major. */
  centers: Float64Array;
  /** Sum of squared distances to the assigned centre (the objective). */
  objective: number;
  iterations: number;
  converged: boolean;
  params: KMeansParams;
}

function sqDist(x: Float64Array, i: number, c: Float64Array, j: number, d: number): number {
  let s = 0;
  const a = i * d, b = j * d;
  for (let t = 0; t < d; t++) {
    const u = x[a + t] - c[b + t];
    s += u * u;
  }
  return s;
}

/** Greedy k-means++ (2 + ⌊ln k⌋ candidates per step, as scikit-learn). */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centers = new Float64Array(k * d);
  const first = rng.int(n);
  centers.set(x.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = sqDist(x, i, centers, 0, d);
  const trials = 2 + Math.floor(Math.log(k));
  const cand = new Float64Array(n);
  const best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += closest[i];
    let bestPot = Infinity, bestIdx = 0;
    for (let t = 0; t < trials; t++) {
      let idx = rng.int(n); // all distances zero: any point
      if (total > 0) {
        let r = rng.next() * total;
        for (idx = 0; idx < n - 1; idx++) if ((r -= closest[idx]) < 0) break;
      }
      let pot = 0;
      for (let i = 0; i < n; i++) {
        cand[i] = Math.min(closest[i], sqDist(x, i, x, idx, d));
        pot += cand[i];
      }
      if (pot < bestPot) {
        bestPot = pot;
        bestIdx = idx;
        best.set(cand);
      }
    }
    centers.set(x.subarray(bestIdx * d, bestIdx * d + d), c * d);
    closest.set(best);
  }
  return centers;
}

/** Assigns each point to its nearest centre; returns the inertia. */
function assign(x: Float64Array, n: number, d: number, centers: Float64Array, k: number, labels: Int32Array, dist: Float64Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let bj = 0, bd = Infinity;
    for (let j = 0; j < k; j++) {
      const s = sqDist(x, i, centers, j, d);
      if (s < bd) {
        bd = s;
        bj = j;
      }
    }
    labels[i] = bj;
    dist[i] = bd;
    inertia += bd;
  }
  return inertia;
}

function lloyd(x: Float64Array, n: number, d: number, p: KMeansParams, tolAbs: number, rng: Rng) {
  const { k, maxIter } = p;
  let centers = kmeansPlusPlus(x, n, d, k, rng);
  const labels = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n);
  const dist = new Float64Array(n);
  let converged = false, iterations = 0;
  for (; iterations < maxIter && !converged; iterations++) {
    prev.set(labels);
    assign(x, n, d, centers, k, labels, dist);
    const next = new Float64Array(k * d);
    const count = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      count[labels[i]]++;
      const o = labels[i] * d;
      for (let t = 0; t < d; t++) next[o + t] += x[i * d + t];
    }
    for (let j = 0; j < k; j++) {
      if (count[j] === 0) {
        let far = 0; // re-seed with the farthest point that is not alone in its cluster
        for (let i = 0; i < n; i++) if (count[labels[i]] > 1 && (dist[i] > dist[far] || count[labels[far]] <= 1)) far = i;
        count[labels[far]]--;
        for (let t = 0; t < d; t++) next[labels[far] * d + t] -= x[far * d + t];
        labels[far] = j;
        dist[far] = 0;
        count[j] = 1;
        next.set(x.subarray(far * d, far * d + d), j * d);
      }
    }
    for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) next[j * d + t] /= count[j];
    let shift = 0;
    for (let t = 0; t < k * d; t++) shift += (next[t] - centers[t]) ** 2;
    converged = shift <= tolAbs || labels.every((v, i) => v === prev[i]);
    centers = next;
  }
  const objective = assign(x, n, d, centers, k, labels, dist);
  return { assignments: labels, centers, objective, iterations, converged };
}

/** K-means on the rows of `x` (n × d). */
export function fitKmeans(x: Matrix, params: Partial<KMeansParams> = {}): KMeansResult {
  const p = resolveParams<KMeansParams>(params, KMEANS_PARAMS, 'kmeans');
  checkMatrix(x, 'x');
  const { rows: n, cols: d, data } = x;
  checkK(p.k, n);
  let varSum = 0;
  for (let t = 0; t < d; t++) {
    let m = 0, m2 = 0;
    for (let i = 0; i < n; i++) m += data[i * d + t];
    m /= n;
    for (let i = 0; i < n; i++) m2 += (data[i * d + t] - m) ** 2;
    varSum += m2 / n;
  }
  const tolAbs = (p.tol * varSum) / d;
  const rng = createRng(p.seed);
  let best: ReturnType<typeof lloyd> | undefined;
  for (let r = 0; r < p.nInit; r++) {
    const run = lloyd(data, n, d, p, tolAbs, rng);
    if (!best || run.objective < best.objective) best = run;
  }
  const b = best as ReturnType<typeof lloyd>;
  return { ...b, params: p };
}
