export { scoreClustering } from './score';
export { twoClassAccuracy, hungarianAccuracy } from './accuracy';
export { adjustedRandIndex } from './ari';
export { normalizedMutualInfo } from './nmi';
export { hungarian } from './hungarian';
export { pearson, spearman, averageRanks } from './correlation';
export { contingency, compactLabels, type Contingency, type LabelArray } from './labels';
