// A JSON-able description of the built-in datasets and their parameters (`le datasets`).
// Defaults come from the config schema itself, so this list cannot drift from it.
import { resolveConfig } from '../../shared/config';
import { SYNTHETIC_NAMES } from '../../shared/types';
import { SYNTHETIC_SPECS } from './syntheticSpecs';
import { MNIST_SOURCE, mnistAvailable } from './mnist';
import { CIFAR10_CLASSES, CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES } from './cifar10';

export interface ClassPairDefaults {
  primary: number[];
  auxiliary: number[];
  perClass: number;
  auxiliaryCount: number;
}

export interface DatasetCatalog {
  synthetic: {
    name: string;
    n: number;
    d: number;
    coordDim: number;
    description: string;
    geodesic: string;
  }[];
  mnist: {
    description: string;
    defaults: ClassPairDefaults;
    available: Record<number, number>;
    imageShape: number[];
  };
  idx: { description: string; required: string[]; defaults: ClassPairDefaults };
  cifar10: {
    description: string;
    required: string[];
    files: string[];
    classes: string[];
    defaults: ClassPairDefaults;
    imageShape: number[];
  };
  csv: { description: string; required: string[] };
  protocol: string;
}

function classPairDefaults(kind: 'mnist' | 'idx' | 'cifar10'): ClassPairDefaults {
  const extra =
    kind === 'idx' ? { images: 'i', labels: 'l' } : kind === 'cifar10' ? { dir: 'd' } : {};
  const data = resolveConfig({ data: { kind, ...extra } }).data;
  if (!('primary' in data)) throw new Error(`config defaults for ${kind} have no class pair`);
  return {
    primary: [...data.primary],
    auxiliary: [...data.auxiliary],
    perClass: data.perClass,
    auxiliaryCount: data.auxiliaryCount,
  };
}

/** Built-in datasets, their defaults and (for the bundled MNIST) the images per digit. */
export function listDatasets(): DatasetCatalog {
  const synthetic = SYNTHETIC_NAMES.map((name) => {
    const spec = SYNTHETIC_SPECS[name];
    const cfg = resolveConfig({ data: { kind: 'synthetic', name } }).data;
    const n = cfg.kind === 'synthetic' ? cfg.n : 0;
    return {
      name,
      n,
      d: spec.d,
      coordDim: spec.coordDim,
      description: spec.description,
      geodesic: spec.geodesic,
    };
  });
  return {
    synthetic,
    mnist: {
      description: `${MNIST_SOURCE}: real 28×28 digits, the first perClass images of each class in file order`,
      defaults: classPairDefaults('mnist'),
      available: { ...mnistAvailable() },
      imageShape: [28, 28, 1],
    },
    idx: {
      description:
        'MNIST / Fashion-MNIST IDX files (raw or .gz): images idx3-ubyte and labels idx1-ubyte',
      required: ['images', 'labels'],
      defaults: classPairDefaults('idx'),
    },
    cifar10: {
      description:
        'CIFAR-10 binary batches in a folder (training batches present, else the test batch); HWC layout',
      required: ['dir'],
      files: [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE],
      classes: [...CIFAR10_CLASSES],
      defaults: classPairDefaults('cifar10'),
      imageShape: [32, 32, 3],
    },
    csv: {
      description:
        'D.csv: header row, feature columns, y (0/1), optional group (integer true class)',
      required: ['path'],
    },
    protocol:
      'primary classes A and B (perClass each, y = 1) plus auxiliaryCount images split evenly over the auxiliary classes (y = 0); pixels scaled to [-1, 1]; rows shuffled with the seed',
  };
}
