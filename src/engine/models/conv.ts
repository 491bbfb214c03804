// A valid (no padding), stride-1 2-D convolution on NHWC input with its filter in PyTorch
// layout [out, in, kh, kw], and a custom gradient built from forward convolutions only.
// The wasm backend has no Conv2DBackpropFilter kernel and its Conv2DBackpropInput is ~5×
// slower than a forward conv, so (measured on 500×12×12×20 → 50@5×5):
//   dF[o, c, ki, kj] = Σ_{n,i,j} dy[n, i, j, o] · x[n, i+ki, j+kj, c]
//     = a conv of x viewed as [c, H, W, n] with dy viewed as a filter [Ho, Wo, n, o];
//   dx = the full convolution of dy (zero-padded by k−1) with the filter flipped in space
//     and its in/out channels swapped.
import * as tf from '@tensorflow/tfjs';

/** PyTorch [out, in, kh, kw] → tfjs [kh, kw, in, out]. */
const toHwio = (f: tf.Tensor4D): tf.Tensor4D => tf.transpose(f, [2, 3, 1, 0]);

const forward = (x: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D =>
  tf.add(tf.conv2d(x, toHwio(f), 1, 'valid'), b);

/** Gradients with respect to the filter (PyTorch layout) and the bias. */
function paramGrads(x: tf.Tensor4D, dy: tf.Tensor4D): [tf.Tensor4D, tf.Tensor1D] {
  const xt = tf.transpose(x, [3, 1, 2, 0]); // [c, H, W, n]
  const g = tf.transpose(dy, [1, 2, 0, 3]); // [Ho, Wo, n, o]
  const df = tf.conv2d(xt, g, 1, 'valid'); // [c, k, k, o]
  return [tf.transpose(df, [3, 0, 1, 2]), tf.sum(dy, [0, 1, 2])];
}

/** Gradient with respect to the input. */
function inputGradient(f: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor4D {
  const k = f.shape[2];
  const padded = tf.pad(dy, [
    [0, 0],
    [k - 1, k - 1],
    [k - 1, k - 1],
    [0, 0],
  ]);
  const flipped = tf.transpose(tf.reverse(f, [2, 3]), [2, 3, 0, 1]); // [kh, kw, out, in]
  return tf.conv2d(padded, flipped, 1, 'valid');
}

function checkShapes(x: tf.Tensor, f: tf.Tensor, b: tf.Tensor): void {
  const [xs, fs, bs] = [x.shape as number[], f.shape as number[], b.shape as number[]];
  const ok =
    xs.length === 4 &&
    fs.length === 4 &&
    bs.length === 1 &&
    fs[2] === fs[3] &&
    xs[3] === fs[1] &&
    bs[0] === fs[0] &&
    xs[1] >= fs[2] &&
    xs[2] >= fs[3];
  if (!ok)
    throw new Error(
      `conv2d: shapes x ${JSON.stringify(x.shape)}, filter ${JSON.stringify(f.shape)}, b ${JSON.stringify(b.shape)} do not fit`,
    );
}

const fullGrad = tf.customGrad<tf.Tensor4D>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, f, b, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, f]);
  return {
    value: forward(x, f, b),
    gradFunc: (g: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [xs, fs] = saved as [tf.Tensor4D, tf.Tensor4D];
      return [inputGradient(fs, g), ...paramGrads(xs, g)];
    },
  };
});

/**
 * conv(x, filter) + b for NHWC x and a PyTorch-layout filter. With `inputGrad: false` (a first
 * layer fed by data) no gradient with respect to x is computed.
 */
export function conv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  b: tf.Tensor1D,
  inputGrad = true,
): tf.Tensor4D {
  checkShapes(x, filter, b);
  if (inputGrad) return fullGrad(x, filter, b);
  const paramsOnly = tf.customGrad<tf.Tensor4D>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [f, bi, save] = args as [tf.Tensor4D, tf.Tensor1D, tf.GradSaveFunc];
    save([x]);
    return {
      value: forward(x, f, bi),
      gradFunc: (g: tf.Tensor4D, saved: tf.Tensor[]) => paramGrads(saved[0] as tf.Tensor4D, g),
    };
  });
  return paramsOnly(filter, b);
}
