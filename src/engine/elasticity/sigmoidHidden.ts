// The exact step for sigmoid hidden units (exactStep.ts): no sign structure, so every
// (i, j, r) term is evaluated exactly, in delta form without cancellation:
//   [a_r(σ(h+δ) − σ(h)) − η g_i σ_ir σ(h+δ)] / (−η g_i)
//     = c_ij a_r² σ′_ir · σ(h+δ) σ(−h) φ(δ) + σ_ir σ(h+δ),   φ(δ) = −expm1(−δ)/δ (φ(0) = 1),
// using σ(h+δ) − σ(h) = σ(h+δ) σ(−h) (1 − e^{−δ}). Cost O(m²·width) with two exps per term
// (about 10-20 ns each): fine for synthetic sets, slow at m = 1000 × width 40960.
import type { TwoLayer, Forward } from './twoLayer';
import { sigmoid } from './twoLayer';

export const phi = (x: number): number => (x === 0 ? 1 : -Math.expm1(-x) / x);

export function sigmoidHiddenStep(net: TwoLayer, fwd: Forward, c: Float64Array, m: number, eta: number, check?: () => void): Float64Array {
  const w = net.width;
  const { H, S, P, g } = fwd;
  const a = net.a;
  const sNeg = new Float64Array(m * w);
  for (let q = 0; q < sNeg.length; q++) sNeg[q] = sigmoid(-H[q]);
  const T = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    check?.();
    const gi = g[i];
    for (let j = 0; j < m; j++) {
      const cij = c[i * m + j];
      let acc = 0;
      for (let r = 0; r < w; r++) {
        const qi = i * w + r;
        const qj = j * w + r;
        const coef = cij * a[r] * P[qi];
        const delta = -eta * gi * coef;
        const sNew = sigmoid(H[qj] + delta);
        acc += coef * a[r] * sNew * sNeg[qj] * phi(delta) + S[qi] * sNew;
      }
      T[i * m + j] = acc + 1;
    }
  }
  return T;
}
