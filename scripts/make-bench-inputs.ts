// Writes the inputs of the `le similarity` benchmark: D.csv with n MNIST digits (5 vs 8,
// y = 1) and W.safetensors of a relu2 net of the given width (PyTorch init, seed 666).
// Usage: tsx scripts/make-bench-inputs.ts OUT_DIR [n=1000] [width=4096]
import path from 'node:path';
import fs from 'node:fs';
import { loadDataset, writeCsvDataset } from '../src/engine/data';
import { createModel, writeWeightsFile } from '../src/engine/models';
import { initBackend } from '../src/engine/backend';

const [dir = 'bench-inputs', nArg = '1000', widthArg = '4096'] = process.argv.slice(2);
const n = Number(nArg);
const width = Number(widthArg);
await initBackend();
fs.mkdirSync(dir, { recursive: true });
const ds = await loadDataset({ kind: 'mnist', primary: [5, 8], auxiliary: [9], perClass: Math.ceil(n / 2), auxiliaryCount: 0 }, 666);
const rows = Array.from({ length: n }, (_, i) => i);
await writeCsvDataset(path.join(dir, 'D.csv'), {
  ...ds,
  n,
  x: ds.x.slice(0, n * ds.d),
  y: new Float64Array(n).fill(1),
  group: Int32Array.from(rows, (i) => ds.group[i]),
});
const model = createModel({ arch: 'relu2', width, inputShape: [ds.d] }, 666);
writeWeightsFile(path.join(dir, 'W.safetensors'), model.getWeights());
model.dispose();
console.log(`wrote ${dir}/D.csv (${n}×${ds.d}) and ${dir}/W.safetensors (relu2, width ${width})`);
