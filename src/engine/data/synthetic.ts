// Generators of the six synthetic sets (method.md §3). Layout: the ceil(n/2) positives
// (y = 1) come first, rows 0..ceil(n/2)-1, then the floor(n/2) negatives (y = 0);
// group = y. Each row also carries its intrinsic coordinate (see SYNTHETIC_SPECS) for the
// geodesic distance. Points are drawn in row order from createRng(seed).
import type { Dataset, SyntheticName } from '../../shared/types';
import { SYNTHETIC_NAMES } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { createRng } from '../rng';
import type { Rng } from '../rng';
import {
  DOUBLE_HELIX,
  FOLDED_BOXES,
  SYNTHETIC_SPECS,
  TORUS,
  TWO_CIRCLES,
  TWO_COSINE,
  TWO_SPHERES,
} from './syntheticSpecs';

/** Draws one point: writes x (length d) and coord (length coordDim). */
type PointFn = (
  rng: Rng,
  positive: boolean,
  indexInClass: number,
  classSize: number,
) => { x: number[]; coord: number[] };

const torus: PointFn = (rng, positive) => {
  const { r, k } = TORUS;
  const t = rng.uniform(-Math.PI, Math.PI);
  const s = positive ? 1 : -1;
  const rho = r + s * Math.sin(k * t);
  return { x: [rho * Math.cos(t), rho * Math.sin(t), s * Math.cos(k * t)], coord: [t] };
};

const foldedBoxes: PointFn = (rng, positive, i, size) => {
  const { k, delta, halfX, bias, zMax, foldPositive, foldNegative } = FOLDED_BOXES;
  const xMax = positive ? halfX + delta / k : halfX - delta / k;
  const b = positive ? bias + delta : bias - delta;
  const x = rng.uniform(-xMax, xMax);
  const z = rng.uniform(-zMax, zMax);
  // The first half of each class lies on the upper sheet, the rest on the lower one.
  const sheet = i < Math.ceil(size / 2) ? 1 : -1;
  const y = sheet * (-k * Math.abs(x) + b);
  return { x: [x, y, z], coord: [x, sheet, z, positive ? foldPositive : foldNegative] };
};

const twoCosine: PointFn = (rng, positive) => {
  const x = rng.uniform(-TWO_COSINE.xMax, TWO_COSINE.xMax);
  return { x: [x, Math.cos(x) + (positive ? TWO_COSINE.shift : -TWO_COSINE.shift)], coord: [x] };
};

const doubleHelix: PointFn = (rng, positive) => {
  const { thetaMax, k } = DOUBLE_HELIX;
  const t = rng.uniform(-thetaMax, thetaMax);
  const s = positive ? 1 : -1;
  return { x: [s * Math.cos(k * t), s * Math.sin(k * t), t], coord: [t] };
};

const twoSpheres: PointFn = (rng, positive) => {
  const theta = rng.uniform(0, Math.PI);
  const phi = rng.uniform(0, 2 * Math.PI);
  const u = [Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)];
  const r = positive ? TWO_SPHERES.rPositive : TWO_SPHERES.rNegative;
  return { x: u.map((v) => r * v), coord: u };
};

const twoCircles: PointFn = (rng, positive) => {
  const a = rng.uniform(-Math.PI, Math.PI);
  const r = positive ? TWO_CIRCLES.rPositive : TWO_CIRCLES.rNegative;
  return { x: [r * Math.cos(a), r * Math.sin(a)], coord: [a] };
};

const POINTS: Record<SyntheticName, PointFn> = {
  torus,
  folded_boxes: foldedBoxes,
  two_cosine: twoCosine,
  double_helix: doubleHelix,
  two_spheres: twoSpheres,
  two_circles: twoCircles,
};

export interface SyntheticOptions {
  /** Total number of points (positives ceil(n/2), negatives floor(n/2)); default 100. */
  n?: number;
  /** Seed of createRng; default 666 (the authors' seed). */
  seed?: number;
}

/** One of the six synthetic sets of method.md §3, with its intrinsic coordinates. */
export function generateSynthetic(name: SyntheticName, options: SyntheticOptions = {}): Dataset {
  const { n = 100, seed = 666 } = options;
  if (!(SYNTHETIC_NAMES as readonly string[]).includes(name))
    throw new LeError(
      'invalid_input',
      `name must be one of ${SYNTHETIC_NAMES.join(', ')}, got "${String(name)}"`,
      'name',
    );
  if (!Number.isInteger(n) || n < 2)
    throw new LeError(
      'invalid_input',
      `n must be an integer >= 2 (one positive and one negative at least), got ${n}`,
      'n',
    );
  if (!Number.isFinite(seed))
    throw new LeError('invalid_input', `seed must be a finite number, got ${seed}`, 'seed');
  const spec = SYNTHETIC_SPECS[name];
  const point = POINTS[name];
  const rng = createRng(seed);
  const nPos = Math.ceil(n / 2);
  const x = new Float64Array(n * spec.d);
  const coord = new Float64Array(n * spec.coordDim);
  const y = new Float64Array(n);
  const group = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const positive = row < nPos;
    const p = point(rng, positive, positive ? row : row - nPos, positive ? nPos : n - nPos);
    x.set(p.x, row * spec.d);
    coord.set(p.coord, row * spec.coordDim);
    y[row] = positive ? 1 : 0;
    group[row] = positive ? 1 : 0;
  }
  return {
    name,
    n,
    d: spec.d,
    x,
    y,
    group,
    coord,
    coordDim: spec.coordDim,
    classNames: { 0: 'negative', 1: 'positive' },
  };
}
