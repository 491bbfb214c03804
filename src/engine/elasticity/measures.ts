// From the exact step T (T_ij = Δz_j / (−η g_i)) to the two similarity measures in f-space,
// and the post-processing every engine shares: symmetrize, optional cosine normalization.
import type { Forward } from './twoLayer';
import { sigmoid } from './twoLayer';
import { phi } from './sigmoidHidden';

/**
 * S_ker(i, j) = Δf_j / (−η ∂L/∂f_i) and S_rel(i, j) = |Δf_j| / |Δf_i| (unsymmetrized).
 * Without an output sigmoid f = z, so S_ker = T. With one, Δp_j = σ(z_j + Δz_j) σ(−z_j) φ(Δz_j) Δz_j
 * (no cancellation) and ∂L/∂p_i = g_i / (p_i(1 − p_i)), which gives
 * S_ker = σ(z_j + Δz_j) σ(−z_j) φ(Δz_j) T_ij p_i (1 − p_i); the −η g_i cancels in S_rel.
 */
export function stepMeasures(T: Float64Array, fwd: Forward, m: number, eta: number, sigmoidOut: boolean): { kernelized: Float64Array; relative: Float64Array } {
  const Q = new Float64Array(m * m);
  const kernelized = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const gi = fwd.g[i];
    const pq = sigmoidOut ? sigmoid(fwd.z[i]) * sigmoid(-fwd.z[i]) : 1;
    for (let j = 0; j < m; j++) {
      const t = T[i * m + j];
      let q = t;
      if (sigmoidOut) {
        const dz = -eta * gi * t;
        q = sigmoid(fwd.z[j] + dz) * sigmoid(-fwd.z[j]) * phi(dz) * t;
      }
      Q[i * m + j] = q;
      kernelized[i * m + j] = q * pq;
    }
  }
  const relative = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const self = Math.abs(Q[i * m + i]);
    for (let j = 0; j < m; j++) relative[i * m + j] = Math.abs(Q[i * m + j]) / self;
  }
  return { kernelized, relative };
}

/** NTK of f from the NTK of z: with an output sigmoid, K_p = p_i(1−p_i) p_j(1−p_j) K_z. */
export function ntkOfOutput(ntkZ: Float64Array, fwd: Forward, m: number, sigmoidOut: boolean): Float64Array {
  if (!sigmoidOut) return ntkZ;
  const s = Float64Array.from(fwd.z, (z) => sigmoid(z) * sigmoid(-z));
  const K = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) K[i * m + j] = s[i] * s[j] * ntkZ[i * m + j];
  return K;
}

/** S ← (S + Sᵀ)/2 in place. */
export function symmetrize(S: Float64Array, m: number): Float64Array {
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      const v = (S[i * m + j] + S[j * m + i]) / 2;
      S[i * m + j] = v;
      S[j * m + i] = v;
    }
  return S;
}

/** S_ij / √(S_ii S_jj) (NaN where a diagonal product is not positive). */
export function cosineNormalize(S: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const dd = S[i * m + i] * S[j * m + j];
      out[i * m + j] = dd > 0 ? S[i * m + j] / Math.sqrt(dd) : NaN;
    }
  return out;
}
