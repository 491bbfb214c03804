// The six synthetic sets of method.md §3 (He & Su 2020, authors' data.py): their fixed
// parameters, the layout of their intrinsic coordinate and a one-line description.
import type { SyntheticName } from '../../shared/types';

export const TORUS = { r: 8, k: 4 } as const;
/**
 * Two folded boxes: each class is a closed rhombus tube (two folded sheets) of slope k.
 * Positives: x ~ U(−halfX − δ/k, halfX + δ/k) on y = ±(−k|x| + bias + δ); negatives use
 * x ~ U(−halfX + δ/k, halfX − δ/k) and bias − δ. `foldPositive` / `foldNegative` are the
 * tube half-widths the geodesic uses (the table's 11, i.e. halfX ± δ, as in the authors'
 * code; the sheets of the positive tube actually meet at |x| = (bias + δ)/k ≈ 10.83).
 */
export const FOLDED_BOXES = {
  k: 1.2,
  delta: 1,
  halfX: 10,
  bias: 12,
  zMax: 1,
  foldPositive: 11,
  foldNegative: 9,
} as const;
export const TWO_COSINE = { xMax: 0.6 * Math.PI, shift: 0.2 } as const;
export const DOUBLE_HELIX = { thetaMax: Math.PI / 2, k: 1.5 } as const;
export const TWO_SPHERES = { rPositive: 10, rNegative: 20 } as const;
export const TWO_CIRCLES = { rPositive: 10, rNegative: 50 } as const;

export interface SyntheticSpec {
  name: SyntheticName;
  /** Ambient dimension of x. */
  d: number;
  /** Length of the per-row intrinsic coordinate. */
  coordDim: number;
  /** What each coordinate entry is. */
  coord: string[];
  description: string;
  geodesic: string;
}

export const SYNTHETIC_SPECS: Record<SyntheticName, SyntheticSpec> = {
  torus: {
    name: 'torus',
    d: 3,
    coordDim: 1,
    coord: ['theta'],
    description:
      'Two interlocked wavy rings ("donut"): theta ~ U(-pi, pi), r = 8, k = 4; positive ((r + sin k theta) cos theta, (r + sin k theta) sin theta, cos k theta), negative with the signs of sin and cos k theta flipped',
    geodesic: "wrapped angle min(|theta - theta'|, 2 pi - |theta - theta'|)",
  },
  folded_boxes: {
    name: 'folded_boxes',
    d: 3,
    coordDim: 4,
    coord: ['x', 'sheet (+1: y = -k|x| + b, -1: y = k|x| - b)', 'z', 'tube half-width W'],
    description:
      'Two nested rhombus tubes, k = 1.2, delta = 1, z ~ U(-1, 1): positive x ~ U(-10 - delta/k, 10 + delta/k) on y = -k|x| + 13 or y = k|x| - 13, negative x ~ U(-10 + delta/k, 10 - delta/k) on y = -k|x| + 11 or y = k|x| - 11',
    geodesic:
      "along the tube: same sheet sqrt(k^2+1)|x - x'|, other sheet min(sqrt(k^2+1)(2W - x - x'), sqrt(k^2+1) 4W - that) with W = 11 (positives), combined with |z - z'| Euclidean-wise",
  },
  two_cosine: {
    name: 'two_cosine',
    d: 2,
    coordDim: 1,
    coord: ['x'],
    description:
      'Two parallel cosine curves: x ~ U(-0.6 pi, 0.6 pi), positive (x, cos x + 0.2), negative (x, cos x - 0.2)',
    geodesic: "|x - x'|",
  },
  double_helix: {
    name: 'double_helix',
    d: 3,
    coordDim: 1,
    coord: ['theta'],
    description:
      'Double helix: theta ~ U(-pi/2, pi/2), k = 1.5; positive (cos k theta, sin k theta, theta), negative (-cos k theta, -sin k theta, theta)',
    geodesic: "|theta - theta'|",
  },
  two_spheres: {
    name: 'two_spheres',
    d: 3,
    coordDim: 3,
    coord: ['u1', 'u2', 'u3 (unit vector)'],
    description:
      'Concentric spheres: theta ~ U(0, pi), phi ~ U(0, 2 pi); positive 10 (sin theta cos phi, sin theta sin phi, cos theta), negative the same with radius 20',
    geodesic: "great-circle angle arccos(u . u')",
  },
  two_circles: {
    name: 'two_circles',
    d: 2,
    coordDim: 1,
    coord: ['angle'],
    description:
      'Concentric circles: angle ~ U(-pi, pi); positive on radius 10, negative on radius 50',
    geodesic: "wrapped angle min(|a - a'|, 2 pi - |a - a'|)",
  },
};
