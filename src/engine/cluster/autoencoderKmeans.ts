// The autoencoder baseline (method.md §4.5): train the autoencoder on the data, then K-means
// on the code. Asynchronous only because the compute backend starts asynchronously.
import type { Matrix } from '../../shared/types';
import { initBackend } from '../backend';
import { trainAutoencoder } from './autoencoder';
import { fitKmeans, KMEANS_PARAMS, type KMeansParams } from './kmeans';
import { checkK, checkMatrix } from './matrix';
import { resolveParams, type ParamSpec } from './params';

export interface AutoencoderKmeansParams extends KMeansParams {
  hidden: number;
  code: number;
  epochs: number;
  batchSize: number;
  lr: number;
}

export const AUTOENCODER_KMEANS_PARAMS: ParamSpec<AutoencoderKmeansParams> = {
  ...KMEANS_PARAMS,
  hidden: { kind: 'int', default: 256, min: 1, max: 100000 },
  code: { kind: 'int', default: 32, min: 1, max: 100000 },
  epochs: { kind: 'int', default: 20, min: 1, max: 100000 },
  batchSize: { kind: 'int', default: 100, min: 1, max: 1000000 },
  lr: { kind: 'number', default: 1e-3, min: 0, max: 10, minExclusive: true },
};

export interface AutoencoderKmeansResult {
  assignments: Int32Array;
  objective: number;
  codes: Float64Array;
  lossCurve: number[];
  backend: string;
  params: AutoencoderKmeansParams;
}

export async function fitAutoencoderKmeans(x: Matrix, params: Partial<AutoencoderKmeansParams> = {}): Promise<AutoencoderKmeansResult> {
  const p = resolveParams<AutoencoderKmeansParams>(params, AUTOENCODER_KMEANS_PARAMS, 'autoencoder-kmeans');
  checkMatrix(x, 'x');
  checkK(p.k, x.rows);
  const backend = await initBackend();
  const { codes, lossCurve } = trainAutoencoder(x, { hidden: p.hidden, code: p.code, epochs: p.epochs, batchSize: p.batchSize, lr: p.lr, seed: p.seed });
  const km = fitKmeans({ rows: x.rows, cols: p.code, data: codes }, { k: p.k, nInit: p.nInit, maxIter: p.maxIter, tol: p.tol, seed: p.seed });
  return { assignments: km.assignments, objective: km.objective, codes, lossCurve, backend: backend.name, params: p };
}
