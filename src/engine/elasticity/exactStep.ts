// The exact finite SGD step for two-layer nets, float64, without re-running the network per
// probe (method.md §2). Returns T with T_ij = Δz_j / (−η g_i): the change of the pre-sigmoid
// output at probe j after one SGD step at probe i, divided by −η·∂L/∂z_i. Never formed as
// z⁺ − z, so there is no cancellation.
//
// The step at i: W_r −= η g_i a_r P_ir x̃_i, a_r −= η g_i σ_ir, c0 −= η g_i; so
// h_jr⁺ = h_jr + δ_ijr, δ_ijr = −η g_i c_ij a_r P_ir with c_ij = x̃_iᵀx̃_j (Gram + 1), and
//   T_ij = Σ_r [ (a_r − η g_i σ_ir) σ(h_jr + δ_ijr) − a_r σ(h_jr) ] / (−η g_i) + 1.
// ReLU without sign flips:  T = σσᵀ + c ⊙ (U Pᵀ) + 1,  U_ir = P_ir a_r (a_r − η g_i σ_ir);
// units whose pre-activation crosses 0 are corrected pair by pair (reluFlips.ts).
// Linear: T_ij = (HHᵀ)_ij + c_ij (‖a‖² − η g_i (Ha)_i) + 1.  Sigmoid: sigmoidHidden.ts.
import type { TwoLayer, Forward } from './twoLayer';
import { gemmABt, sharedFloat64 } from './gemm';
import { reluFlipCorrections } from './reluFlips';
import { sigmoidHiddenStep } from './sigmoidHidden';
import { throwIfAborted } from './validate';

export interface ExactStep {
  /** m×m, row i = step at probe i. */
  T: Float64Array;
  /** z-space NTK (m×m) when asked for. */
  ntkZ?: Float64Array;
  /** Pair-unit corrections applied for ReLU units that changed sign. */
  flips: number;
}

export interface ExactHooks {
  stage?: (done: number, total: number) => void;
  /** Checked between stages and inside every large product (stops it within milliseconds). */
  signal?: AbortSignal;
}

/** c = X̃X̃ᵀ = XXᵀ + 1 over the probes (m×m). */
export async function augmentedGram(X: Float64Array, m: number, d: number, signal?: AbortSignal): Promise<Float64Array> {
  const c = await gemmABt(X, X, m, m, d, { symmetric: true, signal });
  for (let q = 0; q < c.length; q++) c[q] += 1;
  return c;
}

export async function exactStep(
  net: TwoLayer,
  fwd: Forward,
  X: Float64Array,
  m: number,
  eta: number,
  wantStep: boolean,
  wantNtk: boolean,
  hooks: ExactHooks = {},
): Promise<ExactStep> {
  const w = net.width;
  const { S, P, g } = fwd;
  const total = 2 + (wantStep ? 1 : 0) + (wantNtk ? 1 : 0);
  let done = 0;
  const { signal } = hooks;
  const check = (): void => throwIfAborted(signal);
  const tick = (): void => {
    check();
    hooks.stage?.(++done, total);
  };
  const c = await augmentedGram(X, m, net.d, signal);
  tick();
  const M2 = await gemmABt(S, S, m, m, w, { symmetric: true, signal });
  tick();
  let a2 = 0;
  for (let r = 0; r < w; r++) a2 += net.a[r] * net.a[r];
  let T: Float64Array = new Float64Array(0);
  let flips = 0;
  if (wantStep) {
    if (net.hidden === 'linear') {
      T = new Float64Array(m * m);
      for (let i = 0; i < m; i++) {
        let ha = 0;
        for (let r = 0; r < w; r++) ha += S[i * w + r] * net.a[r];
        const coef = a2 - eta * g[i] * ha;
        for (let j = 0; j < m; j++) T[i * m + j] = M2[i * m + j] + c[i * m + j] * coef + 1;
      }
    } else if (net.hidden === 'relu') {
      const U = sharedFloat64(m * w);
      for (let i = 0; i < m; i++)
        for (let r = 0; r < w; r++) {
          const q = i * w + r;
          U[q] = P[q] * net.a[r] * (net.a[r] - eta * g[i] * S[q]);
        }
      check();
      T = await gemmABt(U, P, m, m, w, { signal });
      for (let q = 0; q < T.length; q++) T[q] = M2[q] + c[q] * T[q] + 1;
      flips = reluFlipCorrections(net, fwd, c, m, eta, T);
    } else {
      T = sigmoidHiddenStep(net, fwd, c, m, eta, check);
    }
    tick();
  }
  let ntkZ: Float64Array | undefined;
  if (wantNtk) {
    if (net.hidden === 'linear') {
      ntkZ = new Float64Array(m * m);
      for (let q = 0; q < ntkZ.length; q++) ntkZ[q] = M2[q] + c[q] * a2 + 1;
    } else {
      // Σ_r a_r² σ′_ir σ′_jr = (σ′⊙|a|)(σ′⊙|a|)ᵀ: a symmetric product, half the work of σ′a²·σ′ᵀ
      const PA = sharedFloat64(m * w);
      const absA = Float64Array.from(net.a, Math.abs);
      for (let i = 0; i < m; i++) for (let r = 0; r < w; r++) PA[i * w + r] = P[i * w + r] * absA[r];
      check();
      const Q = await gemmABt(PA, PA, m, m, w, { symmetric: true, signal });
      ntkZ = Q;
      for (let q = 0; q < Q.length; q++) ntkZ[q] = M2[q] + c[q] * Q[q] + 1;
    }
    tick();
  }
  return { T, ntkZ, flips };
}
