// Datasets: the six synthetic sets with their geodesic distances, the bundled MNIST,
// IDX / CIFAR-10 / CSV readers, and one loader for every kind of the config.
export { generateSynthetic } from './synthetic';
export type { SyntheticOptions } from './synthetic';
export {
  SYNTHETIC_SPECS,
  TORUS,
  FOLDED_BOXES,
  TWO_COSINE,
  DOUBLE_HELIX,
  TWO_SPHERES,
  TWO_CIRCLES,
} from './syntheticSpecs';
export type { SyntheticSpec } from './syntheticSpecs';
export { geodesicDistance, geodesicMatrix } from './geodesic';
export { positiveIds } from './dataset';
export { buildClassPair, classQuotas } from './classPair';
export type { ClassPairSpec, ImagePool, ClassQuota } from './classPair';
export { loadMnist, mnistAvailable, mnistDigit } from './mnist';
export { parseIdx, readIdxImages, readIdxLabels, loadIdx } from './idx';
export type { IdxArray, IdxDataSpec } from './idx';
export { loadCifar10, parseCifarBatch, CIFAR10_CLASSES } from './cifar10';
export { parseCsvDataset, readCsvDataset, formatCsvDataset, writeCsvDataset } from './csv';
export { loadDataset } from './load';
export { listDatasets } from './catalog';
export type { DatasetCatalog } from './catalog';
