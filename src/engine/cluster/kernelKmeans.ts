// Kernel K-means on a Gram matrix K (n × n, symmetric). Distance of point i to cluster c in
// feature space: K_ii − 2/|c| Σ_{j∈c} K_ij + 1/|c|² Σ_{j,l∈c} K_jl; objective: the sum over
// points of the distance to their own cluster. One iteration costs one pass over K.
//
// Two variants:
// - 'authors' (method.md §4.5, the authors' code): random initial labels, at most maxIter
//   (100) iterations, stop when fewer than tol (0.1 %) of the labels change. An empty cluster
//   stays empty (its distance is +∞) where the authors' code raises; nInit defaults to 1.
// - 'robust': kernel k-means++ seeding (D² sampling with feature-space distances
//   K_ii + K_jj − 2K_ij, clipped at 0 for non-PSD input), nInit restarts keeping the lowest
//   objective, empty clusters re-seeded with the point farthest from its centre, iterate
//   until no label changes (tol 0) or maxIter.
import type { Matrix } from '../../shared/types';
import { createRng, type Rng } from '../rng';
import { checkK, checkSymmetric } from './matrix';
import { resolveParams, SEED_FIELD, type ParamSpec } from './params';

export interface KernelKmeansParams {
  variant: 'robust' | 'authors';
  k: number;
  nInit: number;
  maxIter: number;
  /** Stop when the fraction of labels that changed in an iteration is below tol. */
  tol: number;
  seed: number;
}

const common = { k: { kind: 'int', default: 2, min: 1, max: 10000 }, seed: SEED_FIELD } as const;
export const KERNEL_KMEANS_PARAMS: Record<KernelKmeansParams['variant'], ParamSpec<KernelKmeansParams>> = {
  robust: {
    variant: { kind: 'enum', default: 'robust', values: ['robust', 'authors'] },
    ...common,
    nInit: { kind: 'int', default: 10, min: 1, max: 1000 },
    maxIter: { kind: 'int', default: 300, min: 1, max: 100000 },
    tol: { kind: 'number', default: 0, min: 0, max: 1 },
  },
  authors: {
    variant: { kind: 'enum', default: 'authors', values: ['robust', 'authors'] },
    ...common,
    nInit: { kind: 'int', default: 1, min: 1, max: 1000 },
    maxIter: { kind: 'int', default: 100, min: 1, max: 100000 },
    tol: { kind: 'number', default: 1e-3, min: 0, max: 1 },
  },
};

export interface KernelKmeansResult {
  assignments: Int32Array;
  objective: number;
  iterations: number;
  converged: boolean;
  /** Clusters left empty (authors variant only). */
  emptyClusters: number;
  params: KernelKmeansParams;
}

/** dist[i·k + c] for the current labels (+∞ for an empty cluster). */
function distances(K: Float64Array, n: number, k: number, labels: Int32Array, dist: Float64Array): void {
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[labels[i]]++;
  dist.fill(0);
  if (k === 2) {
    // The common case, without the indirect accumulate: Σ_{j∈1} K_ij and the row total.
    const one = Float64Array.from(labels);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let total = 0, s1 = 0;
      for (let j = 0; j < n; j++) {
        const v = K[row + j];
        total += v;
        s1 += v * one[j];
      }
      dist[2 * i] = total - s1;
      dist[2 * i + 1] = s1;
    }
  } else
    for (let i = 0; i < n; i++) {
      const row = i * n, o = i * k;
      for (let j = 0; j < n; j++) dist[o + labels[j]] += K[row + j]; // Σ_{j∈c} K_ij
    }
  const within = new Float64Array(k);
  for (let i = 0; i < n; i++) within[labels[i]] += dist[i * k + labels[i]];
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++)
      dist[i * k + c] = size[c] === 0 ? Infinity : K[i * n + i] - (2 * dist[i * k + c]) / size[c] + within[c] / (size[c] * size[c]);
}

function argmin(dist: Float64Array, i: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (dist[i * k + c] < dist[i * k + best]) best = c;
  return best;
}

function seedLabels(K: Float64Array, n: number, k: number, rng: Rng): Int32Array {
  const centres = [rng.int(n)];
  const d2 = new Float64Array(n).fill(Infinity);
  const fd = (i: number, s: number): number => Math.max(0, K[i * n + i] + K[s * n + s] - 2 * K[i * n + s]);
  while (centres.length < k) {
    const last = centres[centres.length - 1];
    let total = 0;
    for (let i = 0; i < n; i++) total += d2[i] = Math.min(d2[i], fd(i, last));
    let idx = -1;
    if (total > 0) {
      let r = rng.next() * total;
      for (idx = 0; idx < n - 1; idx++) if ((r -= d2[idx]) < 0 && d2[idx] > 0) break;
    }
    if (idx < 0 || centres.includes(idx)) {
      const free = Array.from({ length: n }, (_, i) => i).filter((i) => !centres.includes(i));
      idx = free[rng.int(free.length)];
    }
    centres.push(idx);
  }
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (fd(i, centres[c]) < fd(i, centres[best])) best = c;
    labels[i] = best;
  }
  centres.forEach((s, c) => (labels[s] = c));
  return labels;
}

function reseedEmpty(labels: Int32Array, dist: Float64Array, n: number, k: number): void {
  const size = new Int32Array(k);
  for (let i = 0; i < n; i++) size[labels[i]]++;
  for (let c = 0; c < k; c++) {
    if (size[c] > 0) continue;
    let far = -1;
    for (let i = 0; i < n; i++)
      if (size[labels[i]] > 1 && (far < 0 || dist[i * k + labels[i]] > dist[far * k + labels[far]])) far = i;
    size[labels[far]]--;
    labels[far] = c;
    size[c] = 1;
  }
}

function run(K: Float64Array, n: number, p: KernelKmeansParams, rng: Rng) {
  const { k } = p;
  const robust = p.variant === 'robust';
  const labels = robust ? seedLabels(K, n, k, rng) : Int32Array.from({ length: n }, () => rng.int(k));
  const dist = new Float64Array(n * k);
  let iterations = 0, converged = false;
  while (iterations < p.maxIter && !converged) {
    iterations++;
    distances(K, n, k, labels, dist);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = argmin(dist, i, k);
      if (c !== labels[i]) changed++;
      labels[i] = c;
    }
    if (robust) reseedEmpty(labels, dist, n, k);
    converged = robust && p.tol === 0 ? changed === 0 : changed / n < p.tol;
  }
  distances(K, n, k, labels, dist);
  let objective = 0;
  for (let i = 0; i < n; i++) objective += dist[i * k + labels[i]];
  const used = new Set(labels).size;
  return { assignments: labels, objective, iterations, converged, emptyClusters: k - used };
}

/** Kernel K-means on `gram`; params.variant picks the defaults of the other fields. */
export function fitKernelKmeans(gram: Matrix, params: Partial<KernelKmeansParams> = {}): KernelKmeansResult {
  const variant = params.variant === 'authors' ? 'authors' : 'robust';
  const p = resolveParams<KernelKmeansParams>(params, KERNEL_KMEANS_PARAMS[variant], 'kernel-kmeans');
  const K = checkSymmetric(gram, 'gram');
  const n = gram.rows;
  checkK(p.k, n);
  const rng = createRng(p.seed);
  let best: ReturnType<typeof run> | undefined;
  for (let r = 0; r < p.nInit; r++) {
    const res = run(K, n, p, rng);
    if (!best || res.objective < best.objective) best = res;
  }
  return { ...(best as ReturnType<typeof run>), params: p };
}
