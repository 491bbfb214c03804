// Speed of one SGD step of a two-layer ReLU net on MNIST-size data (1000×784 → 4096 → 1),
// with the custom dense gradient (explicit transposes) and with tfjs's default matMul
// gradient. Run: npx vitest bench --run test/unit/engine/models/dense.bench.ts
import { bench, describe } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { dense, densePlain } from '../../../../src/engine/models/dense';

await initBackend();
const [n, d, w] = [1000, 784, 4096];
const x = tf.randomUniform<tf.Rank.R2>([n, d], -1, 1, 'float32', 1);
const y = tf.randomUniform<tf.Rank.R1>([n], 0, 1, 'float32', 2);
const bound = 1 / Math.sqrt(d);
const vars = [
  tf.variable(tf.randomUniform([w, d], -bound, bound, 'float32', 3)),
  tf.variable(tf.randomUniform([w], -bound, bound, 'float32', 4)),
  tf.variable(tf.randomUniform([1, w], -1 / 64, 1 / 64, 'float32', 5)),
  tf.variable(tf.randomUniform([1], -1 / 64, 1 / 64, 'float32', 6)),
] as [
  tf.Variable<tf.Rank.R2>,
  tf.Variable<tf.Rank.R1>,
  tf.Variable<tf.Rank.R2>,
  tf.Variable<tf.Rank.R1>,
];

function step(layer: typeof densePlain): void {
  tf.tidy(() => {
    const { grads } = tf.variableGrads(() => {
      const h = tf.relu(layer(x, vars[0], vars[1]));
      const f = tf.reshape(layer(h, vars[2], vars[3]), [n]);
      return tf.mean(tf.square(tf.sub(f, y)));
    }, vars);
    for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], 1e-3)));
  });
  vars[0].dataSync(); // wait for the backend
}

describe(`one SGD step, ${n}×${d} → ${w} → 1 on ${tf.getBackend()}`, () => {
  const opts = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };
  bench(
    'custom dense gradient (explicit transposes)',
    () => step((a, b, c) => dense(a, b, c)),
    opts,
  );
  bench(
    'custom dense gradient, no input gradient in layer 1',
    () => step((a, b, c) => dense(a, b, c, b !== vars[0])),
    opts,
  );
  bench('default tfjs matMul gradient (transpose flags)', () => step(densePlain), opts);
});
