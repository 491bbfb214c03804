// Training: minibatch SGD on a Model, predictions and accuracy.
export type { TrainData, TrainOptions, TrainHooks, TrainResult, EpochReport } from './trainModel';
export { trainModel } from './trainModel';
export { predict, accuracy } from './predict';
export { sgdStep } from './sgdStep';
export { mseLoss, bceLoss, lossFunction } from './losses';
