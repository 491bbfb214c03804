// Architecture catalogue (method.md §5): the layer shapes each architecture expects, in
// PyTorch layout (dense [out, in], conv [out, in, kh, kw], bias [out]), and the checks on a
// ModelSpec. Pure functions; no tensors.
import { LeError } from '../../shared/errors';
import { ARCHS } from '../../shared/types';
import type { ArchName, BaseArch, Weights } from '../../shared/types';

export interface ModelSpec {
  arch: ArchName;
  /** Hidden width; for the cnn, the units of its hidden fully connected layer (500 in the paper). */
  width: number;
  /** [d] for the MLPs, [height, width, channels] for the cnn. */
  inputShape: number[];
}

export interface LayerShape {
  weight: number[];
  bias: number[];
}

/** LeNet-style cnn constants: conv 20@5×5, pool 2, conv 50@5×5, pool 2 (valid convolutions, stride 1). */
export const CNN = { conv1: 20, conv2: 50, kernel: 5, pool: 2, minSide: 16 } as const;

export interface ArchInfo {
  arch: BaseArch;
  description: string;
  /** Number of weight layers (entries of Weights.layers). */
  layers: number;
  /** 'vector' takes inputShape [d]; 'image' takes [h, w, c]. */
  input: 'vector' | 'image';
  usesWidth: boolean;
}

const INFO: Record<BaseArch, Omit<ArchInfo, 'arch'>> = {
  linear1: { description: 'one-layer linear: d → 1', layers: 1, input: 'vector', usesWidth: false },
  linear2: {
    description: 'two-layer linear: d → w → 1, no activation',
    layers: 2,
    input: 'vector',
    usesWidth: true,
  },
  relu2: {
    description: 'two-layer ReLU: d → w (ReLU) → 1',
    layers: 2,
    input: 'vector',
    usesWidth: true,
  },
  sigmoid2: {
    description: 'two-layer, sigmoid hidden activation: d → w (sigmoid) → 1',
    layers: 2,
    input: 'vector',
    usesWidth: true,
  },
  relu3: {
    description: 'three-layer ReLU: d → w → w → 1',
    layers: 3,
    input: 'vector',
    usesWidth: true,
  },
  linear3: {
    description: 'three-layer linear: d → w → w → 1, no activation',
    layers: 3,
    input: 'vector',
    usesWidth: true,
  },
  resmlp: {
    description: 'residual MLP: h1 = ReLU(d → w), h2 = ReLU(h1 → w), output layer on h1 + h2',
    layers: 3,
    input: 'vector',
    usesWidth: true,
  },
  cnn: {
    description:
      'LeNet-style: conv 20@5×5, max-pool 2, conv 50@5×5, max-pool 2, fc w (500 in the paper), fc 1; ReLU',
    layers: 4,
    input: 'image',
    usesWidth: true,
  },
};

/** Every base architecture; append `-sigmoid` to any of them for a sigmoid output (BCE). */
export function describeArchs(): ArchInfo[] {
  return ARCHS.map((arch) => ({ arch, ...INFO[arch] }));
}

/** Splits `relu2-sigmoid` into its base architecture and whether it has a sigmoid output. */
export function parseArch(arch: string): { base: BaseArch; sigmoidOutput: boolean } {
  const sigmoidOutput = typeof arch === 'string' && arch.endsWith('-sigmoid');
  const base = sigmoidOutput ? arch.slice(0, -'-sigmoid'.length) : arch;
  if (!(ARCHS as readonly string[]).includes(base))
    throw new LeError(
      'invalid_input',
      `model.arch must be one of ${ARCHS.join(', ')} (optionally with -sigmoid), got "${String(arch)}"`,
      'model.arch',
    );
  return { base: base as BaseArch, sigmoidOutput };
}

const isPosInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** Side length after the cnn's two valid 5×5 convolutions and two 2×2 max-pools. */
export function cnnFeatureSide(side: number): number {
  const afterFirst = Math.floor((side - CNN.kernel + 1) / CNN.pool);
  return Math.floor((afterFirst - CNN.kernel + 1) / CNN.pool);
}

/** Validates a spec; throws LeError('invalid_input') naming model.arch, model.width or model.inputShape. */
export function validateSpec(spec: ModelSpec): void {
  const { base } = parseArch(spec.arch);
  if (!isPosInt(spec.width) || spec.width > 1e7)
    throw new LeError(
      'invalid_input',
      `model.width must be an integer ≥ 1, got ${String(spec.width)}`,
      'model.width',
    );
  const shape = spec.inputShape;
  if (INFO[base].input === 'vector') {
    if (!Array.isArray(shape) || shape.length !== 1 || !isPosInt(shape[0]))
      throw new LeError(
        'invalid_input',
        `model.inputShape must be [d] with d ≥ 1 for ${base}, got ${JSON.stringify(shape)}`,
        'model.inputShape',
      );
    return;
  }
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every(isPosInt))
    throw new LeError(
      'invalid_input',
      `model.inputShape must be [height, width, channels] for cnn, got ${JSON.stringify(shape)}`,
      'model.inputShape',
    );
  if (shape[0] < CNN.minSide || shape[1] < CNN.minSide)
    throw new LeError(
      'invalid_input',
      `model.inputShape: the cnn needs images of at least ${CNN.minSide}×${CNN.minSide}, got ${shape[0]}×${shape[1]}`,
      'model.inputShape',
    );
}

/** Flattened input size: d for the MLPs, h·w·c for the cnn. */
export function inputSize(spec: ModelSpec): number {
  return spec.inputShape.reduce((a, b) => a * b, 1);
}

/** The shapes of Weights.layers for a spec, in forward order. */
export function layerShapes(spec: ModelSpec): LayerShape[] {
  validateSpec(spec);
  const { base } = parseArch(spec.arch);
  const w = spec.width;
  const dense = (out: number, inp: number): LayerShape => ({ weight: [out, inp], bias: [out] });
  if (base === 'cnn') {
    const [h, wd, c] = spec.inputShape;
    const k = CNN.kernel;
    const flat = CNN.conv2 * cnnFeatureSide(h) * cnnFeatureSide(wd);
    return [
      { weight: [CNN.conv1, c, k, k], bias: [CNN.conv1] },
      { weight: [CNN.conv2, CNN.conv1, k, k], bias: [CNN.conv2] },
      dense(w, flat),
      dense(1, w),
    ];
  }
  const d = spec.inputShape[0];
  if (base === 'linear1') return [dense(1, d)];
  if (INFO[base].layers === 2) return [dense(w, d), dense(1, w)];
  return [dense(w, d), dense(w, w), dense(1, w)];
}

/**
 * The width that weights were trained with: rows of the first layer for the MLPs, rows of the
 * hidden fully connected layer for the cnn, 1 for linear1 (which has no hidden layer).
 */
export function inferWidth(arch: ArchName, weights: Weights): number {
  const { base } = parseArch(arch);
  const want = INFO[base].layers;
  const layers = weights?.layers;
  if (!Array.isArray(layers) || layers.length !== want)
    throw new LeError(
      'invalid_input',
      `weights: ${base} has ${want} layer(s), got ${Array.isArray(layers) ? layers.length : 'none'}`,
      'weights',
    );
  if (base === 'linear1') return 1;
  const layer = base === 'cnn' ? layers[2] : layers[0];
  const rows = layer?.weight?.shape?.[0];
  if (!isPosInt(rows))
    throw new LeError(
      'invalid_input',
      `weights: layer ${base === 'cnn' ? 2 : 0} has no valid weight shape`,
      'weights',
    );
  return rows;
}
