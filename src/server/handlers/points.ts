// The dataset of a synthetic run, regenerated from its stored config and seed (the generators
// are deterministic), for the 2-D / 3-D view.
import type { PointsPayload } from '../../shared/contract';
import type { ExperimentConfig } from '../../shared/config';
import { LeError } from '../../shared/errors';
import { loadDataset } from '../../engine/data';

export async function runPoints(config: ExperimentConfig): Promise<PointsPayload> {
  if (config.data.kind !== 'synthetic')
    throw new LeError('invalid_input', `points are available for synthetic datasets only (this run uses ${config.data.kind})`, 'id');
  const ds = await loadDataset(config.data, config.seed);
  return {
    n: ds.n,
    d: ds.d,
    x: Float32Array.from(ds.x),
    y: Int32Array.from(ds.y),
    group: Int32Array.from(ds.group),
  };
}
