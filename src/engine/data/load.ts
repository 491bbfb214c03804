// One entry point for every data source of the experiment config (cfg.data.kind).
import type { Dataset } from '../../shared/types';
import type { DataConfig } from '../../shared/config';
import { LeError } from '../../shared/errors';
import { generateSynthetic } from './synthetic';
import { loadMnist } from './mnist';
import { loadIdx } from './idx';
import { loadCifar10 } from './cifar10';
import { readCsvDataset } from './csv';

/** Loads or generates the dataset a (validated) config describes; `seed` drives sampling and shuffling. */
export async function loadDataset(cfg: DataConfig, seed: number): Promise<Dataset> {
  if (!Number.isFinite(seed))
    throw new LeError('invalid_input', `seed must be a finite number, got ${seed}`, 'seed');
  switch (cfg.kind) {
    case 'synthetic':
      return generateSynthetic(cfg.name, { n: cfg.n, seed });
    case 'mnist':
      return loadMnist(cfg, seed);
    case 'idx':
      return loadIdx(cfg, seed);
    case 'cifar10':
      return loadCifar10(cfg, seed);
    case 'csv':
      return readCsvDataset(cfg.path);
    default: {
      const kind = (cfg as { kind?: unknown }).kind;
      throw new LeError(
        'invalid_config',
        `config field data.kind: unknown kind ${JSON.stringify(kind)}`,
        'data.kind',
      );
    }
  }
}
