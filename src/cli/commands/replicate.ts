import type { Command } from '../command';
import { emit } from '../io';
import { oneOf, optionalNumber } from '../args';
import { cliSignal } from '../signal';
import type { ConfigInput } from '../../shared/config';
import { MNIST_GRID, MNIST_MODELS, findPreset, mnistPresetId } from '../../shared/presets';
import type { GridCell } from '../../engine/experiment/replicateTable';

export const replicateCommand: Command = {
  name: 'replicate',
  summary: "runs the paper's MNIST grid (6 pairs × {relu2, linear2} × {MSE, BCE}) and prints the clustering-accuracy table",
  usage: 'replicate --grid mnist [--width W] [--seeds S] [--epochs E] [--pairs 5v8,4v9]',
  options: {
    grid: { type: 'string' },
    width: { type: 'string' },
    seeds: { type: 'string' },
    epochs: { type: 'string' },
    pairs: { type: 'string' },
  },
  async run(values, _positionals, ctx) {
    oneOf(values, 'grid', ['mnist'] as const);
    const [{ dbPathOf }, { executeRun }, { formatReplicateTable, replicateTable }] = await Promise.all([
      import('../store'),
      import('../../jobs/executeRun'),
      import('../../engine/experiment/replicateTable'),
    ]);
    const width = optionalNumber(values, 'width', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
    const seeds = optionalNumber(values, 'seeds', (v) => Number.isInteger(v) && v >= 1 && v <= 100, 'an integer in 1..100') ?? 1;
    const epochs = optionalNumber(values, 'epochs', (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
    const wanted = typeof values.pairs === 'string' ? values.pairs.split(',') : undefined;
    const grid = MNIST_GRID.filter((p) => !wanted || wanted.includes(p.primary.join('v')));
    const experiment = `replicate mnist ${new Date().toISOString().slice(0, 19)}`;
    const cells: GridCell[] = [];
    const total = grid.length * MNIST_MODELS.length * seeds;
    const started = performance.now();
    for (const pair of grid)
      for (const m of MNIST_MODELS)
        for (let s = 0; s < seeds; s++) {
          const preset = findPreset(mnistPresetId(pair, m))!.config;
          const config: ConfigInput = {
            ...preset,
            seed: 666 + s,
            model: { ...preset.model, ...(width ? { width } : {}) },
            ...(epochs === undefined ? {} : { train: { epochs } }),
          };
          const { runId, summary } = await executeRun(config, { dbPath: dbPathOf(values), experiment, signal: cliSignal(), log: ctx.log });
          cells.push({ pair: `${pair.primary.join(' vs ')} (${pair.auxiliary.join(', ')})`, model: `${m.arch} ${m.loss.toUpperCase()}`, seed: 666 + s, summary });
          const elapsed = (performance.now() - started) / 1000;
          ctx.log(`[${cells.length}/${total}] run ${runId} ${pair.primary.join('v')} ${m.arch} ${m.loss}: kernel K-means ${summary.metrics.clustering['kernel-kmeans']?.accuracy.toFixed(3)} (${elapsed.toFixed(0)} s, ETA ${((elapsed / cells.length) * (total - cells.length)).toFixed(0)} s)`);
        }
    const table = replicateTable(cells, MNIST_MODELS.map((m) => `${m.arch} ${m.loss.toUpperCase()}`));
    emit(ctx, { experiment, seconds: (performance.now() - started) / 1000, table }, (r) => `${formatReplicateTable(r.table)}\n\n${total} runs in ${r.seconds.toFixed(0)} s (experiment "${r.experiment}")`);
  },
};
