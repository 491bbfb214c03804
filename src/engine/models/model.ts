// A model: tf.Variables in Weights order (PyTorch layout) and a forward pass. Built from a
// seed with PyTorch's default initialization, or from existing weights.
import * as tf from '@tensorflow/tfjs';
import { LeError } from '../../shared/errors';
import type { Weights } from '../../shared/types';
import { createRng } from '../rng';
import { inputSize, layerShapes, validateSpec } from './archs';
import type { LayerShape, ModelSpec } from './archs';
import { forward } from './forward';

export interface Model {
  readonly spec: ModelSpec;
  /** layer0.weight, layer0.bias, layer1.weight, ... in PyTorch layout, float32. */
  readonly variables: tf.Variable[];
  /**
   * n × inputSize flattened rows (HWC for the cnn) → f, after the sigmoid for `-sigmoid` archs.
   * Differentiable with respect to the variables (tf.grads / variableGrads); the first layer
   * computes no gradient with respect to x.
   */
  apply(x: tf.Tensor2D): tf.Tensor1D;
  getWeights(): Weights;
  setWeights(weights: Weights): void;
  dispose(): void;
}

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
const same = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Checks weights against the spec's layer shapes; errors name the layer. */
export function checkWeights(spec: ModelSpec, weights: Weights): LayerShape[] {
  const shapes = layerShapes(spec);
  const layers = weights?.layers;
  if (!Array.isArray(layers) || layers.length !== shapes.length)
    throw new LeError(
      'invalid_input',
      `weights: ${spec.arch} needs ${shapes.length} layer(s), got ${Array.isArray(layers) ? layers.length : 'none'}`,
      'weights',
    );
  shapes.forEach((want, k) => {
    for (const part of ['weight', 'bias'] as const) {
      const t = layers[k]?.[part];
      const where = `layers.${k}.${part}`;
      if (!t || !Array.isArray(t.shape) || !(t.data instanceof Float64Array))
        throw new LeError(
          'invalid_input',
          `weights ${where} is missing or not a float64 tensor`,
          where,
        );
      if (!same(t.shape, want[part]))
        throw new LeError(
          'invalid_input',
          `weights ${where} has shape [${t.shape.join(', ')}], ${spec.arch} with width ${spec.width} and input [${spec.inputShape.join(', ')}] needs [${want[part].join(', ')}]`,
          where,
        );
      if (t.data.length !== size(t.shape))
        throw new LeError(
          'invalid_input',
          `weights ${where} holds ${t.data.length} values for shape [${t.shape.join(', ')}]`,
          where,
        );
    }
  });
  return shapes;
}

function build(spec: ModelSpec, shapes: LayerShape[], values: Float32Array[]): Model {
  const flatShapes = shapes.flatMap((s) => [s.weight, s.bias]);
  const variables = flatShapes.map((shape, i) => {
    const t = tf.tensor(values[i], shape, 'float32');
    const v = tf.variable(t, true);
    t.dispose();
    return v;
  });
  const d = inputSize(spec);
  return {
    spec: { ...spec, inputShape: [...spec.inputShape] },
    variables,
    apply(x) {
      if (x.rank !== 2 || x.shape[1] !== d)
        throw new LeError(
          'invalid_input',
          `model input must be n × ${d}, got [${x.shape.join(', ')}]`,
          'x',
        );
      return tf.tidy(() => forward(spec, x, variables));
    },
    getWeights() {
      const layers: Weights['layers'] = [];
      for (let k = 0; k < shapes.length; k++) {
        const [w, b] = [variables[2 * k], variables[2 * k + 1]];
        layers.push({
          weight: { shape: [...w.shape], data: Float64Array.from(w.dataSync()) },
          bias: { shape: [...b.shape], data: Float64Array.from(b.dataSync()) },
        });
      }
      return { layers };
    },
    setWeights(weights) {
      checkWeights(spec, weights);
      weights.layers.forEach((layer, k) => {
        for (const [j, t] of [layer.weight, layer.bias].entries())
          tf.tidy(() =>
            variables[2 * k + j].assign(tf.tensor(new Float32Array(t.data), t.shape, 'float32')),
          );
      });
    },
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}

/**
 * A fresh model with PyTorch's default initialization: every weight and bias of a layer
 * ~ U(−1/√fan_in, 1/√fan_in), fan_in = in (dense) or in·kh·kw (conv). Values are drawn from
 * createRng(seed) layer by layer, weight (row-major) before bias.
 */
export function createModel(spec: ModelSpec, seed: number): Model {
  validateSpec(spec);
  if (!Number.isFinite(seed))
    throw new LeError('invalid_input', `seed must be a finite number, got ${seed}`, 'seed');
  const shapes = layerShapes(spec);
  const rng = createRng(seed);
  const values: Float32Array[] = [];
  for (const s of shapes) {
    const bound = 1 / Math.sqrt(size(s.weight.slice(1)));
    for (const shape of [s.weight, s.bias]) {
      const a = new Float32Array(size(shape));
      for (let i = 0; i < a.length; i++) a[i] = rng.uniform(-bound, bound);
      values.push(a);
    }
  }
  return build(spec, shapes, values);
}

/** A model holding the given weights (converted to float32); every shape is checked. */
export function modelFromWeights(spec: ModelSpec, weights: Weights): Model {
  const shapes = checkWeights(spec, weights);
  return build(
    spec,
    shapes,
    weights.layers.flatMap((l) => [new Float32Array(l.weight.data), new Float32Array(l.bias.data)]),
  );
}
