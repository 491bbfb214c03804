// Seconds per epoch of MNIST-size training: 2000×784, relu2 width 512, batch 50, MSE.
// Run: npx vitest bench --run test/unit/engine/train/epoch.bench.ts
import { bench, describe } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { createModel } from '../../../../src/engine/models';
import { trainModel } from '../../../../src/engine/train';
import { lcgValues } from '../models/reference';

await initBackend();
const [n, d] = [2000, 784];
const x = lcgValues(n * d, 1, -1, 1);
const y = Float64Array.from({ length: n }, (_, i) => i % 2);

describe(`one epoch, ${n}×${d}, relu2 width 512, batch 50 on ${tf.getBackend()}`, () => {
  bench(
    'trainModel, 1 epoch',
    async () => {
      const model = createModel({ arch: 'relu2', width: 512, inputShape: [d] }, 666);
      await trainModel(
        model,
        { x, y, n, d },
        { epochs: 1, lr: 3e-3, batchSize: 50, loss: 'mse', seed: 666 },
      );
      model.dispose();
    },
    { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 },
  );
});
