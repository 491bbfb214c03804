// Entry checks of similarity(): every parameter validated, errors name the field.
import type { ArchName, LossName, Measure, Weights } from '../../shared/types';
import { ARCHS, LOSSES, MEASURES } from '../../shared/types';
import { LeError } from '../../shared/errors';

export interface SimilarityInput {
  arch: ArchName;
  weights: Weights;
  /** n×d row-major features and n targets. */
  x: Float64Array;
  n: number;
  d: number;
  y: Float64Array;
  loss: LossName;
  /** Rows probed and compared (default all rows), in matrix order. */
  probeIds?: number[];
  /** SGD step size η (default 1e-6). */
  lr?: number;
  measures: Measure[];
  engine?: 'auto' | 'exact' | 'autodiff';
  normalize?: 'none' | 'cosine';
  /** Model input shape ([d] for MLPs, [h, w, c] for the cnn). */
  inputShape?: number[];
}

export interface Checked {
  ids: number[];
  m: number;
  lr: number;
  normalize: 'none' | 'cosine';
  engine: 'auto' | 'exact' | 'autodiff';
  /** Probe rows (m×d) and targets (m). */
  X: Float64Array;
  Y: Float64Array;
}

const bad = (field: string, message: string): LeError => new LeError('invalid_input', `${field}: ${message}`, field);

export function checkInput(input: SimilarityInput): Checked {
  const { n, d, x, y } = input;
  if (!(ARCHS as readonly string[]).includes(String(input.arch).replace(/-sigmoid$/, ''))) throw bad('arch', `unknown architecture ${input.arch}`);
  if (!(LOSSES as readonly string[]).includes(input.loss)) throw bad('loss', `must be one of ${LOSSES.join(', ')}`);
  if (input.loss === 'bce' && !input.arch.endsWith('-sigmoid')) throw bad('loss', `bce needs a sigmoid output (${input.arch}-sigmoid)`);
  if (!Number.isInteger(n) || n < 1) throw bad('n', `must be a positive integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw bad('d', `must be a positive integer, got ${d}`);
  if (!(x instanceof Float64Array) || x.length !== n * d) throw bad('x', `must be a Float64Array of n·d = ${n * d} values`);
  if (!(y instanceof Float64Array) || y.length !== n) throw bad('y', `must be a Float64Array of n = ${n} values`);
  const lr = input.lr ?? 1e-6;
  if (!Number.isFinite(lr) || lr <= 0) throw bad('lr', `must be a positive finite number, got ${lr}`);
  if (!Array.isArray(input.measures) || input.measures.length === 0) throw bad('measures', 'must list at least one measure');
  for (const m of input.measures) if (!(MEASURES as readonly string[]).includes(m)) throw bad('measures', `unknown measure ${m}`);
  const engine = input.engine ?? 'auto';
  if (!['auto', 'exact', 'autodiff'].includes(engine)) throw bad('engine', `must be auto, exact or autodiff, got ${engine}`);
  const normalize = input.normalize ?? 'none';
  if (normalize !== 'none' && normalize !== 'cosine') throw bad('normalize', `must be none or cosine, got ${String(normalize)}`);
  const ids = input.probeIds ?? Array.from({ length: n }, (_, i) => i);
  if (ids.length === 0) throw bad('probeIds', 'must name at least one row');
  for (const id of ids) if (!Number.isInteger(id) || id < 0 || id >= n) throw bad('probeIds', `row ${id} is not in 0..${n - 1}`);
  const m = ids.length;
  const X = new Float64Array(m * d);
  const Y = new Float64Array(m);
  ids.forEach((id, i) => {
    for (let k = 0; k < d; k++) {
      const v = x[id * d + k];
      if (!Number.isFinite(v)) throw new LeError('invalid_input', `x: example ${id} has a non-finite value (${v}) in feature ${k}`, `x.${id}`);
      X[i * d + k] = v;
    }
    if (!Number.isFinite(y[id])) throw new LeError('invalid_input', `y: example ${id} has a non-finite target (${y[id]})`, `y.${id}`);
    Y[i] = y[id];
  });
  return { ids, m, lr, normalize, engine, X, Y };
}

/** Throws LeError('cancelled') once the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LeError('cancelled', 'similarity computation cancelled');
}

/** Every weight and bias finite; the error names the layer. */
export function checkFiniteWeights(weights: Weights): void {
  if (!weights || !Array.isArray(weights.layers) || weights.layers.length === 0) throw bad('weights', 'must hold at least one layer');
  weights.layers.forEach((layer, k) => {
    for (const part of ['weight', 'bias'] as const) {
      const data = layer?.[part]?.data;
      if (!(data instanceof Float64Array)) throw new LeError('invalid_input', `weights: layers.${k}.${part} is missing or not float64`, `weights.layers.${k}.${part}`);
      for (let q = 0; q < data.length; q++)
        if (!Number.isFinite(data[q]))
          throw new LeError('invalid_input', `weights: layers.${k}.${part} holds a non-finite value (${data[q]}) at index ${q}`, `weights.layers.${k}.${part}`);
    }
  });
}
