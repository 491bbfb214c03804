// Exact corrections for ReLU units whose pre-activation changes sign in a step (exactStep.ts).
// For the pair (i, j), unit r flips when h_jr and h_jr + δ_ijr (δ_ijr = −η g_i c_ij a_r P_ir)
// lie on different sides of 0, which needs |h_jr| ≤ |δ_ijr| ≤ η·max_i|g_i c_ij|·|a_r|. So each
// j keeps the few candidate units passing that bound, and only those (i, j, r) are checked.
// A flipped unit's linearized term σ_ir σ_jr + c_ij U_ir P_jr is replaced by its exact change
// [(a_r − η g_i σ_ir) relu(h_jr + δ) − a_r relu(h_jr)] / (−η g_i), written without cancellation.
import type { TwoLayer, Forward } from './twoLayer';

/** Adds the corrections into T (m×m) in place; returns how many (i, j, r) were corrected. */
export function reluFlipCorrections(net: TwoLayer, fwd: Forward, c: Float64Array, m: number, eta: number, T: Float64Array): number {
  const w = net.width;
  const { H, S, P, g } = fwd;
  const a = net.a;
  let count = 0;
  const cand: number[] = [];
  for (let j = 0; j < m; j++) {
    let bound = 0;
    for (let i = 0; i < m; i++) bound = Math.max(bound, Math.abs(g[i] * c[i * m + j]));
    bound *= eta * (1 + 1e-9);
    cand.length = 0;
    for (let r = 0; r < w; r++) if (Math.abs(H[j * w + r]) <= bound * Math.abs(a[r])) cand.push(r);
    if (cand.length === 0) continue;
    for (let i = 0; i < m; i++) {
      const gi = g[i];
      if (gi === 0) continue;
      const cij = c[i * m + j];
      for (const r of cand) {
        const qi = i * w + r;
        if (P[qi] === 0) continue;
        const h = H[j * w + r];
        const delta = -eta * gi * cij * a[r];
        if (h > 0 === h + delta > 0) continue;
        const aNew = a[r] - eta * gi * S[qi];
        let exact: number, linear: number;
        if (h > 0) {
          exact = (a[r] * h) / (eta * gi); // the unit switched off
          linear = S[qi] * h + cij * a[r] * aNew;
        } else {
          exact = aNew * (h / (-eta * gi) + cij * a[r]); // the unit switched on: relu(h + δ)/(−η g_i)
          linear = 0;
        }
        T[i * m + j] += exact - linear;
        count++;
      }
    }
  }
  return count;
}
