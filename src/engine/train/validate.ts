// Checks on trainModel's inputs; every error names its field (train.lr, data.x, ...).
import { LeError } from '../../shared/errors';
import { LOSSES } from '../../shared/types';
import type { Model } from '../models';
import { inputSize, parseArch } from '../models';
import type { TrainData, TrainOptions } from './trainModel';

const fail = (field: string, message: string): never => {
  throw new LeError('invalid_input', `${field} ${message}`, field);
};

export function validateTrainInput(model: Model, data: TrainData, opts: TrainOptions): void {
  const { epochs, lr, batchSize, loss, seed } = opts;
  if (!Number.isInteger(epochs) || epochs < 0)
    fail('train.epochs', `must be an integer ≥ 0, got ${epochs}`);
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0)
    fail('train.lr', `must be a finite number > 0, got ${lr}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    fail('train.batchSize', `must be an integer ≥ 1, got ${batchSize}`);
  if (!(LOSSES as readonly string[]).includes(loss))
    fail('loss', `must be one of ${LOSSES.join(', ')}, got ${String(loss)}`);
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    fail('seed', `must be a finite number, got ${seed}`);
  if (loss === 'bce' && !parseArch(model.spec.arch).sigmoidOutput)
    fail('loss', `bce needs a sigmoid output (use model.arch "${model.spec.arch}-sigmoid")`);
  const { x, y, n, d } = data;
  if (!Number.isInteger(n) || n < 1)
    fail('data.n', `must be an integer ≥ 1 (no training data), got ${n}`);
  if (d !== inputSize(model.spec))
    fail('data.d', `is ${d}, but the model takes ${inputSize(model.spec)} inputs`);
  if (!(x instanceof Float64Array) || x.length !== n * d)
    fail('data.x', `must be a Float64Array of n × d = ${n * d} values`);
  if (!(y instanceof Float64Array) || y.length !== n)
    fail('data.y', `must be a Float64Array of n = ${n} values`);
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i]))
      fail('data.x', `holds ${x[i]} at row ${Math.floor(i / d)}, column ${i % d}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) fail('data.y', `holds ${y[i]} at row ${i}`);
    if (loss === 'bce' && (y[i] < 0 || y[i] > 1))
      fail('data.y', `must lie in [0, 1] for bce, got ${y[i]} at row ${i}`);
  }
}
