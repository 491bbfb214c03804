// A dense layer y = x·Wᵀ + b with W in PyTorch layout [out, in], and its gradient written
// with explicit transposes. On the wasm backend a matMul with transposeA or transposeB runs
// ~15× slower than a transpose followed by a plain matMul (platform-notes.md), and tfjs's
// own matMul gradient uses those flags; this custom gradient avoids them.
import * as tf from '@tensorflow/tfjs';

function checkShapes(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): void {
  if (
    x.rank !== 2 ||
    w.rank !== 2 ||
    b.rank !== 1 ||
    x.shape[1] !== w.shape[1] ||
    b.shape[0] !== w.shape[0]
  )
    throw new Error(
      `dense: shapes x ${JSON.stringify(x.shape)}, W ${JSON.stringify(w.shape)}, b ${JSON.stringify(b.shape)} do not fit`,
    );
}

/**
 * x·Wᵀ computed as (W·xᵀ)ᵀ: only activations (n × in, n × out) are transposed, never the
 * weights (measured on wasm, n 50 → 40960 × 784: 0.2-0.3 s against 0.8-0.9 s for x·transpose(W)).
 */
const forward = (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D =>
  tf.add(tf.transpose(tf.matMul(w, tf.transpose(x))), b);

/** Gradient of y = x·Wᵀ + b: dx = dy·W, dW = dyᵀ·x, db = Σ_rows dy. */
const fullGrad = tf.customGrad<tf.Tensor2D>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: forward(x, w, b),
    gradFunc: (g: tf.Tensor2D, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(g, ws), tf.matMul(tf.transpose(g), xs), tf.sum(g, 0)];
    },
  };
});

/**
 * y = x·Wᵀ + b. With `inputGrad: false` (a first layer fed by data) the gradient with respect
 * to x is not computed, which saves a third of the layer's backward work; gradients then
 * reach W and b only.
 */
export function dense(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  inputGrad = true,
): tf.Tensor2D {
  checkShapes(x, w, b);
  if (inputGrad) return fullGrad(x, w, b);
  const paramsOnly = tf.customGrad<tf.Tensor2D>((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [wi, bi, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    save([x]);
    return {
      value: forward(x, wi, bi),
      gradFunc: (g: tf.Tensor2D, saved: tf.Tensor[]) => {
        return [tf.matMul(tf.transpose(g), saved[0]), tf.sum(g, 0)];
      },
    };
  });
  return paramsOnly(w, b);
}

/**
 * The same layer with tfjs's default matMul gradient (transposeB forward, transposeA
 * backward). Kept for the speed comparison and the gradient test only; models use `dense`.
 */
export function densePlain(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  checkShapes(x, w, b);
  return tf.add(tf.matMul(x, w, false, true), b);
}
