export { runExperiment, type PipelineHooks } from './pipeline';
export { loadExperimentData, trainOnDataset, type TrainedModel, type TrainHooks } from './trainStep';
