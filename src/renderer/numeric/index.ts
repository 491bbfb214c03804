export { pearson, fitLine, finiteRange, quantile, classOrder, classBlocks, nearestNeighbourOrder } from './stats';
export { rotationMatrix, project } from './projection';
export type { View3d } from './projection';
export { similarityToRow } from './rows';
export type { IndexedMatrix } from './rows';
