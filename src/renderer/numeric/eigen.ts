// Top eigenvalues of a symmetric matrix, computed in the renderer for the eigen-spectrum plot:
// Lanczos with full re-orthogonalization builds a small tridiagonal T whose extreme
// eigenvalues converge to those of S; T's eigenvalues come from the cyclic Jacobi method.

/** All eigenvalues of a small dense symmetric matrix (row-major m×m), descending. */
export function jacobiEigenvalues(a: ArrayLike<number>, m: number, maxSweeps = 100): number[] {
  if (!Number.isInteger(m) || m < 0 || a.length !== m * m) throw new Error(`jacobiEigenvalues: expected ${m}×${m} values, got ${a.length}`);
  const s = Float64Array.from(a);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += s[p * m + q] ** 2;
    if (off < 1e-26) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = s[p * m + q];
        if (apq === 0) continue;
        const theta = (s[q * m + q] - s[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < m; k++) {
          const akp = s[k * m + p];
          const akq = s[k * m + q];
          s[k * m + p] = c * akp - sn * akq;
          s[k * m + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = s[p * m + k];
          const aqk = s[q * m + k];
          s[p * m + k] = c * apk - sn * aqk;
          s[q * m + k] = sn * apk + c * aqk;
        }
      }
    }
  }
  const out: number[] = [];
  for (let i = 0; i < m; i++) out.push(s[i * m + i]);
  return out.sort((x, y) => y - x);
}

export interface SpectrumOptions {
  /** how many of the largest eigenvalues to return */
  k?: number;
  /** Lanczos steps (default min(n, max(2k + 20, 40))) */
  steps?: number;
  /** seed of the start vector, for reproducible results */
  seed?: number;
}

/**
 * The k largest (algebraic) eigenvalues of the symmetric n×n matrix `data` (row-major).
 * Non-finite entries are rejected; an empty matrix gives [].
 */
export function topEigenvalues(data: ArrayLike<number>, n: number, opts: SpectrumOptions = {}): number[] {
  const k = opts.k ?? 20;
  if (!Number.isInteger(n) || n < 0 || data.length !== n * n) throw new Error(`topEigenvalues: expected ${n}×${n} values, got ${data.length}`);
  if (!Number.isInteger(k) || k < 1) throw new Error('topEigenvalues: k must be a positive integer');
  if (n === 0) return [];
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) throw new Error('topEigenvalues: the matrix has non-finite entries');
  const m = Math.min(n, opts.steps ?? Math.max(2 * k + 20, 40));
  if (m === n && n <= 60) return jacobiEigenvalues(data, n).slice(0, k);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = new Float64Array(n);
  let state = (opts.seed ?? 1) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    v[i] = state / 4294967296 - 0.5;
  }
  normalize(v);
  for (let j = 0; j < m; j++) {
    basis.push(v);
    const w = matVec(data, n, v);
    const a = dot(w, v);
    alpha.push(a);
    for (const b of basis) axpy(w, b, -dot(w, b)); // full re-orthogonalization, twice
    for (const b of basis) axpy(w, b, -dot(w, b));
    const nb = Math.sqrt(dot(w, w));
    if (j === m - 1 || nb < 1e-12 * (Math.abs(a) + 1)) break;
    beta.push(nb);
    v = w.map((x) => x / nb);
  }
  const size = alpha.length;
  const t = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    t[i * size + i] = alpha[i];
    if (i + 1 < size) t[i * size + i + 1] = t[(i + 1) * size + i] = beta[i];
  }
  return jacobiEigenvalues(t, size).slice(0, k);
}

function matVec(a: ArrayLike<number>, n: number, v: Float64Array): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += a[row + j] * v[j];
    out[i] = s;
  }
  return out;
}
const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
function axpy(y: Float64Array, x: Float64Array, c: number): void {
  for (let i = 0; i < y.length; i++) y[i] += c * x[i];
}
function normalize(v: Float64Array): void {
  const s = Math.sqrt(dot(v, v)) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= s;
}
