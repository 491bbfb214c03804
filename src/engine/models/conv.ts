// A valid (no padding), stride-1 2-D convolution on NHWC input with its filter in PyTorch
// layout [out, in, kh, kw], and a custom gradient. The wasm backend has no
// Conv2DBackpropFilter kernel, so the filter gradient is computed from image patches
// (im2col) and a plain matMul: dF = dyᵀ · patches. The input gradient uses
// conv2dTranspose (Conv2DBackpropInput), which every backend has.
import * as tf from '@tensorflow/tfjs';


/** [n, h, w, c] → [n·ho·wo, k·k·c] patches, columns ordered (ki, kj, c). */
export function im2col(x: tf.Tensor4D, k: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const ho = h - k + 1;
    const wo = w - k + 1;
    const parts: tf.Tensor4D[] = [];
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) parts.push(tf.slice(x, [0, i, j, 0], [n, ho, wo, c]));
    return tf.reshape(tf.concat(parts, 3), [n * ho * wo, k * k * c]);
  });
}

/** PyTorch [out, in, kh, kw] → tfjs [kh, kw, in, out]. */
const toHwio = (f: tf.Tensor4D): tf.Tensor4D => tf.transpose(f, [2, 3, 1, 0]);

const forward = (x: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D =>
  tf.add(tf.conv2d(x, toHwio(f), 1, 'valid'), b);

function paramGrads(x: tf.Tensor4D, f: tf.Tensor4D, dy: tf.Tensor4D): [tf.Tensor4D, tf.Tensor1D] {
  const [out, inC, k] = f.shape;
  const rows = dy.shape[0] * dy.shape[1] * dy.shape[2];
  const g = tf.reshape(dy, [rows, out]);
  const df = tf.matMul(tf.transpose(g), im2col(x, k)); // [out, k·k·in], columns (ki, kj, c)
  return [tf.transpose(tf.reshape(df, [out, k, k, inC]), [0, 3, 1, 2]), tf.sum(g, 0)];
}

function checkShapes(x: tf.Tensor, f: tf.Tensor, b: tf.Tensor): void {
  const [xs, fs, bs] = [x.shape as number[], f.shape as number[], b.shape as number[]];
  const ok =
    xs.length === 4 && fs.length === 4 && bs.length === 1 && fs[2] === fs[3] && xs[3] === fs[1] &&
    bs[0] === fs[0] && xs[1] >= fs[2] && xs[2] >= fs[3];
  if (!ok)
    throw new Error(`conv2d: shapes x ${JSON.stringify(x.shape)}, filter ${JSON.stringify(f.shape)}, b ${JSON.stringify(b.shape)} do not fit`);
}

const fullGrad = tf.customGrad<tf.Tensor4D>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, f, b, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, f]);
  return {
    value: forward(x, f, b),
    gradFunc: (g: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [xs, fs] = saved as [tf.Tensor4D, tf.Tensor4D];
      const dx = tf.conv2dTranspose(g, toHwio(fs), xs.shape, 1, 'valid');
      return [dx, ...paramGrads(xs, fs, g)];
    },
  };
});

/**
 * conv(x, filter) + b for NHWC x and a PyTorch-layout filter. With `inputGrad: false` (a first
 * layer fed by data) no gradient with respect to x is computed.
 */
export function conv2d(x: tf.Tensor4D, filter: tf.Tensor4D, b: tf.Tensor1D, inputGrad = true): tf.Tensor4D {
  checkShapes(x, filter, b);
  if (inputGrad) return fullGrad(x, filter, b);
  const paramsOnly = tf.customGrad<tf.Tensor4D>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [f, bi, save] = args as [tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
    save([x]);
    return {
      value: forward(x, f, bi),
      gradFunc: (g: tf.Tensor4D, saved: tf.Tensor[]) => paramGrads(saved[0] as tf.Tensor4D, f, g),
    };
  });
  return paramsOnly(filter, b);
}
