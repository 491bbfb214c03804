// Models in PyTorch layout on tfjs core ops, and their weights files.
export type { ModelSpec, ArchInfo, LayerShape } from './archs';
export {
  describeArchs,
  inferWidth,
  layerShapes,
  parseArch,
  inputSize,
  validateSpec,
  CNN,
} from './archs';
export type { Model } from './model';
export { createModel, modelFromWeights, checkWeights } from './model';
export { forward } from './forward';
export { dense } from './dense';
export { conv2d } from './conv';
export { readWeightsFile, writeWeightsFile } from './weightsFile';
export type { SafetensorsDtype } from './safetensors';
