import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/engine/backend';
const info = await initBackend();
console.log(info.name);
const x = tf.randomUniform([1000, 784]) as tf.Tensor2D;
const wT = tf.randomUniform([4096, 784]) as tf.Tensor2D; // pytorch layout
const w = tf.randomUniform([784, 4096]) as tf.Tensor2D;
const dy = tf.randomUniform([1000, 4096]) as tf.Tensor2D;
function time(name: string, f: () => tf.Tensor) {
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const y = f(); y.dataSync(); y.dispose();
    console.log(name, (performance.now() - t0).toFixed(1), 'ms');
  }
}
time('x w (no transpose)', () => tf.matMul(x, w));
time('x wT^T (transposeB)', () => tf.matMul(x, wT, false, true));
time('x transpose(wT)', () => tf.tidy(() => tf.matMul(x, tf.transpose(wT))));
time('transpose(wT) alone', () => tf.transpose(wT));
time('dy wT (dx)', () => tf.matMul(dy, wT));
time('dy^T x transposeA', () => tf.matMul(dy, x, true, false));
time('transpose(dy) x', () => tf.tidy(() => tf.matMul(tf.transpose(dy), x)));
time('x^T dy transposeA -> [784,4096]', () => tf.matMul(x, dy, true, false));
time('transpose(x) dy', () => tf.tidy(() => tf.matMul(tf.transpose(x), dy)));
