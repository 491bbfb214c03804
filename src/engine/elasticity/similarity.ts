// similarity(): the public entry of the elasticity engine. Picks the exact float64 two-layer
// engine where it applies ('auto'), else the authors' autodiff probe; returns symmetrized
// m×m matrices over the probe set (row i = the step at probe i, column j = change at probe j).
// The autodiff path (and with it tfjs, ~0.15 s to load) is imported only when it runs.
import type { ArchName, Measure } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { inferWidth } from '../models/archs';
import type { ModelSpec } from '../models/archs';
import { checkFiniteWeights, checkInput, throwIfAborted, type SimilarityInput } from './validate';
import { foldConstantColumns } from './constantColumns';
import { readTwoLayer, twoLayerHidden, forward } from './twoLayer';
import { exactStep } from './exactStep';
import { stepMeasures, ntkOfOutput, symmetrize, cosineNormalize } from './measures';
import type { ProbeHooks } from './autodiff';

export interface SimilarityResult {
  relative?: Float64Array;
  kernelized?: Float64Array;
  ntk?: Float64Array;
  m: number;
  engine: 'exact' | 'autodiff';
  /** Probes whose self-change stayed 0: autodiff gave up past η = 1e4; exact: ∂L/∂z = 0 there
   * (no step; their rows hold the η·g → 0 limit). Indices into probeIds. */
  unmoved: number[];
  seconds: number;
  /** Exact engine only: (probe, point, unit) terms corrected because a ReLU unit changed sign. */
  flips?: number;
}

/** Whether similarity() runs the exact float64 engine for this architecture and engine choice. */
export function usesExactEngine(arch: ArchName, engine: SimilarityInput['engine'] = 'auto'): boolean {
  return engine === 'exact' || (engine === 'auto' && twoLayerHidden(arch) !== undefined);
}

export async function similarity(input: SimilarityInput, hooks: ProbeHooks = {}): Promise<SimilarityResult> {
  const t0 = performance.now();
  const chk = checkInput(input);
  checkFiniteWeights(input.weights);
  const { m, X, Y, lr } = chk;
  const want = (k: Measure): boolean => input.measures.includes(k);
  if (chk.engine === 'exact' && twoLayerHidden(input.arch) === undefined)
    throw new LeError('invalid_input', `engine: exact applies to linear2, relu2 and sigmoid2 (with or without -sigmoid), not ${input.arch}`, 'engine');
  const useExact = usesExactEngine(input.arch, chk.engine);
  const out: SimilarityResult = { m, engine: useExact ? 'exact' : 'autodiff', unmoved: [], seconds: 0 };
  const wantStep = want('relative') || want('kernelized');
  if (useExact) {
    const { net, X: Xc } = foldConstantColumns(readTwoLayer(input.arch, input.weights, input.d), X, m);
    const fwd = await forward(net, Xc, Y, m, input.loss, hooks.signal);
    throwIfAborted(hooks.signal);
    const step = await exactStep(net, fwd, Xc, m, lr, wantStep, want('ntk'), {
      signal: hooks.signal,
      stage: (done, total) => hooks.onProgress?.(Math.round((done / total) * m), m),
    });
    out.flips = step.flips;
    for (let i = 0; i < m; i++) if (fwd.g[i] === 0) out.unmoved.push(i);
    if (wantStep) {
      const s = stepMeasures(step.T, fwd, m, lr, net.sigmoidOut);
      if (want('relative')) out.relative = s.relative;
      if (want('kernelized')) out.kernelized = s.kernelized;
    }
    if (step.ntkZ) out.ntk = ntkOfOutput(step.ntkZ, fwd, m, net.sigmoidOut);
  } else {
    const [{ initBackend }, { autodiffProbe }, { gradientNtk }] = await Promise.all([import('../backend'), import('./autodiff'), import('./ntkGradient')]);
    await initBackend();
    const spec: ModelSpec = { arch: input.arch, width: inferWidth(input.arch, input.weights), inputShape: input.inputShape ?? [input.d] };
    if (wantStep) {
      const p = await autodiffProbe(spec, input.weights, X, Y, m, input.loss, lr, hooks);
      out.unmoved = p.unmoved;
      if (want('relative')) out.relative = p.relative;
      if (want('kernelized')) out.kernelized = p.kernelized;
    }
    if (want('ntk')) out.ntk = await gradientNtk(spec, input.weights, X, m, wantStep ? { signal: hooks.signal } : hooks);
  }
  for (const key of ['relative', 'kernelized', 'ntk'] as const) {
    const S = out[key];
    if (!S) continue;
    symmetrize(S, m);
    if (chk.normalize === 'cosine') out[key] = cosineNormalize(S, m);
  }
  hooks.onProgress?.(m, m);
  out.seconds = (performance.now() - t0) / 1000;
  return out;
}
