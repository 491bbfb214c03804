import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/engine/backend';
import { createModel } from '../src/engine/models';
import { trainModel } from '../src/engine/train';
await initBackend();
for (const arch of ['linear1','linear2','relu2','sigmoid2','relu3','linear3','resmlp','cnn','relu2-sigmoid'] as const) {
  const spec = { arch, width: 8, inputShape: arch === 'cnn' ? [20, 24, 2] : [4] };
  const m = createModel(spec, 1);
  const d = spec.inputShape.reduce((a,b)=>a*b,1);
  const n = 30;
  const x = new Float64Array(n*d).map((_, i) => Math.sin(i));
  const y = new Float64Array(n).map((_, i) => i % 2);
  const before = tf.memory().numTensors;
  const r = await trainModel(m, { x, y, n, d }, { epochs: 3, lr: 0.01, batchSize: 7, loss: arch.endsWith('sigmoid') ? 'bce' : 'mse', seed: 2 });
  console.log(arch, r.lossCurve.map(v=>v.toFixed(4)).join(' '), r.trainAccuracy, tf.memory().numTensors - before);
  m.dispose();
}
