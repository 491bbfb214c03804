import type { Command } from '../command';
import { emit, fmt, readJsonFile } from '../io';
import { requireString } from '../args';
import { cliSignal } from '../signal';

export const trainCommand: Command = {
  name: 'train',
  summary: 'trains the configured model; JSON: trainAccuracy, lossCurve, backend, seconds',
  usage: 'train --config C.json [--save-weights W.json|W.safetensors]',
  options: { config: { type: 'string' }, 'save-weights': { type: 'string' } },
  async run(values, _positionals, ctx) {
    const file = requireString(values, 'config');
    const [{ resolveConfig }, { initBackend }, { loadExperimentData, trainOnDataset }, { writeWeightsFile }] = await Promise.all([
      import('../../shared/config'),
      import('../../engine/backend'),
      import('../../engine/experiment/trainStep'),
      import('../../engine/models'),
    ]);
    const config = resolveConfig(readJsonFile(file, 'config'));
    const backend = await initBackend({ log: ctx.log });
    ctx.log(`backend: ${backend.name} (${backend.provider})`);
    const dataset = await loadExperimentData(config);
    ctx.log(`data: ${dataset.name}, n ${dataset.n}, d ${dataset.d}; ${config.model.arch} width ${config.model.width}, ${config.train.epochs} epochs`);
    let lastLog = 0;
    const trained = await trainOnDataset(config, dataset, {
      signal: cliSignal(),
      onEpoch: (e) => {
        if (performance.now() - lastLog < 2000 && e.epoch !== config.train.epochs) return;
        lastLog = performance.now();
        ctx.log(`epoch ${e.epoch}/${config.train.epochs}  loss ${fmt(e.loss)}  acc ${fmt(e.accuracy)}  ETA ${Math.round(e.etaSeconds)} s`);
      },
    });
    try {
      const saveTo = values['save-weights'];
      if (typeof saveTo === 'string') writeWeightsFile(saveTo, trained.model.getWeights());
      emit(
        ctx,
        {
          trainAccuracy: trained.trainAccuracy,
          lossCurve: trained.lossCurve,
          accuracyCurve: trained.accuracyCurve,
          backend: backend.name,
          seconds: trained.seconds,
          ...(typeof saveTo === 'string' ? { weights: saveTo } : {}),
        },
        (r) => `train accuracy ${fmt(r.trainAccuracy)}, final loss ${fmt(r.lossCurve.at(-1))}, ${fmt(r.seconds, 3)} s on ${r.backend}`,
      );
    } finally {
      trained.model.dispose();
    }
  },
};
