// The elasticity probe's input for one run: the configured model's weights, the whole
// dataset, and the probe set (the positives), with the probe settings of the config.
import type { ExperimentConfig } from '../../shared/config';
import type { Dataset, Weights } from '../../shared/types';
import type { SimilarityInput } from '../elasticity';

export function probeInput(config: ExperimentConfig, dataset: Dataset, probeIds: number[], weights: Weights): SimilarityInput {
  return {
    arch: config.model.arch,
    weights,
    x: dataset.x,
    n: dataset.n,
    d: dataset.d,
    y: dataset.y,
    loss: config.loss,
    probeIds,
    lr: config.probe.lr,
    measures: config.probe.measures,
    engine: config.probe.engine,
    normalize: config.probe.normalize,
    inputShape: dataset.imageShape ? [...dataset.imageShape] : undefined,
  };
}
