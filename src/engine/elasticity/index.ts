// The elasticity engine: how one SGD step at a probe moves predictions at other probes.
export { similarity, usesExactEngine } from './similarity';
export type { SimilarityResult } from './similarity';
export type { SimilarityInput } from './validate';
export type { ProbeHooks } from './autodiff';
export { elasticitySnapshot, type SnapshotResult } from './snapshot';
export { pairCorrelation, kernelDistance, activationPatternSimilarity, upperPairs } from './analysis';
export { gemmABt, gemmABtSync, prepareGemmPool, type GemmOptions } from './gemm';
export { closeGemmPool } from './gemmPool';
