// The clustering protocol of method.md §4 on top of any labelled image collection:
// primary classes A and B, `perClass` images each (y = 1), and `auxiliaryCount` images from
// the auxiliary classes, split evenly with the first class taking the odd one (y = 0);
// group = the true class. From each class the FIRST images in file order are taken (as the
// authors' unshuffled loader did); the assembled rows are then shuffled with createRng(seed).
import type { Dataset } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { createRng } from '../rng';

export interface ClassPairSpec {
  primary: readonly [number, number];
  auxiliary: readonly [number] | readonly [number, number];
  perClass: number;
  auxiliaryCount: number;
}

/** Images grouped by class, in file order. */
export interface ImagePool {
  /** Says where the images come from in error messages, e.g. "the bundled MNIST" or a path. */
  source: string;
  d: number;
  imageShape: [number, number, number];
  classNames?: Record<number, string>;
  available(cls: number): number;
  /** Writes image k (0-based, file order) of class `cls`, scaled to [−1, 1], at out[offset..]. */
  write(cls: number, k: number, out: Float64Array, offset: number): void;
}

export interface ClassQuota {
  cls: number;
  count: number;
  primary: boolean;
}

function checkSpec(spec: ClassPairSpec): void {
  const classes = [...spec.primary, ...spec.auxiliary];
  for (const c of classes)
    if (!Number.isInteger(c) || c < 0)
      throw new LeError(
        'invalid_config',
        `data.primary / data.auxiliary: class ${c} is not a non-negative integer`,
        'data.primary',
      );
  if (new Set(classes).size !== classes.length)
    throw new LeError(
      'invalid_config',
      `data.primary / data.auxiliary: classes must all differ, got ${classes.join(', ')}`,
      'data.auxiliary',
    );
  if (!Number.isInteger(spec.perClass) || spec.perClass < 1)
    throw new LeError(
      'invalid_config',
      `data.perClass must be an integer >= 1, got ${spec.perClass}`,
      'data.perClass',
    );
  if (!Number.isInteger(spec.auxiliaryCount) || spec.auxiliaryCount < 0)
    throw new LeError(
      'invalid_config',
      `data.auxiliaryCount must be an integer >= 0, got ${spec.auxiliaryCount}`,
      'data.auxiliaryCount',
    );
}

/** How many images each class contributes, primaries first. */
export function classQuotas(spec: ClassPairSpec): ClassQuota[] {
  checkSpec(spec);
  const quotas: ClassQuota[] = spec.primary.map((cls) => ({
    cls,
    count: spec.perClass,
    primary: true,
  }));
  const m = spec.auxiliary.length;
  spec.auxiliary.forEach((cls, i) => {
    const count = Math.floor(spec.auxiliaryCount / m) + (i < spec.auxiliaryCount % m ? 1 : 0);
    if (count > 0) quotas.push({ cls, count, primary: false });
  });
  return quotas;
}

/** Throws a clear error naming the config field when a class has too few images. */
export function checkAvailable(
  quotas: readonly ClassQuota[],
  pool: Pick<ImagePool, 'source' | 'available'>,
  spec: ClassPairSpec,
): void {
  for (const q of quotas) {
    const have = pool.available(q.cls);
    if (have >= q.count) continue;
    if (q.primary)
      throw new LeError(
        'invalid_config',
        `data.perClass: asked for ${q.count} images of class ${q.cls}, but ${pool.source} has only ${have}`,
        'data.perClass',
      );
    throw new LeError(
      'invalid_config',
      `data.auxiliaryCount: ${spec.auxiliaryCount} auxiliary images split over class${spec.auxiliary.length > 1 ? 'es' : ''} ` +
        `${spec.auxiliary.join(' and ')} need ${q.count} of class ${q.cls}, but ${pool.source} has only ${have}`,
      'data.auxiliaryCount',
    );
  }
}

/** Assembles the shuffled primary + auxiliary dataset from a pool. */
export function buildClassPair(
  name: string,
  spec: ClassPairSpec,
  pool: ImagePool,
  seed: number,
): Dataset {
  if (!Number.isFinite(seed))
    throw new LeError('invalid_input', `seed must be a finite number, got ${seed}`, 'seed');
  const quotas = classQuotas(spec);
  checkAvailable(quotas, pool, spec);
  const n = quotas.reduce((s, q) => s + q.count, 0);
  const d = pool.d;
  const perm = createRng(seed).permutation(n);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  const group = new Int32Array(n);
  let ordered = 0;
  for (const q of quotas) {
    for (let k = 0; k < q.count; k++, ordered++) {
      const row = perm[ordered];
      pool.write(q.cls, k, x, row * d);
      y[row] = q.primary ? 1 : 0;
      group[row] = q.cls;
    }
  }
  const classes = quotas.map((q) => q.cls);
  const classNames: Record<number, string> = {};
  for (const c of classes) classNames[c] = pool.classNames?.[c] ?? String(c);
  return { name, n, d, x, y, group, imageShape: [...pool.imageShape], classNames };
}

/** Pixel byte 0..255 → [−1, 1] as the authors' ToTensor + Normalize(0.5, 0.5). */
export function scaleByte(v: number): number {
  return (v / 255 - 0.5) / 0.5;
}
