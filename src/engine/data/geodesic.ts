// Geodesic distance between two points of a synthetic set, from their intrinsic
// coordinates (method.md §3, last column; the authors' get_distance).
import type { Dataset, SyntheticName } from '../../shared/types';
import { SYNTHETIC_NAMES } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { FOLDED_BOXES, SYNTHETIC_SPECS } from './syntheticSpecs';

type Coord = ArrayLike<number>;

function wrappedAngle(a: number, b: number): number {
  // Angles drawn in (−π, π]; the distance on the circle is at most π.
  const d = Math.abs(a - b) % (2 * Math.PI);
  return Math.min(d, 2 * Math.PI - d);
}

/**
 * Along the rhombus tube; coord = [x, sheet (±1), z, half-width W]. Meant for two points of
 * one class (same W); W is averaged only to keep the function symmetric.
 */
function foldedBoxes(a: Coord, b: Coord): number {
  const slope = Math.sqrt(FOLDED_BOXES.k * FOLDED_BOXES.k + 1);
  const w = (a[3] + b[3]) / 2;
  let along: number;
  if (a[1] === b[1]) {
    along = slope * Math.abs(a[0] - b[0]);
  } else {
    const viaRight = slope * (2 * w - (a[0] + b[0]));
    along = Math.min(viaRight, slope * 4 * w - viaRight);
  }
  const dz = a[2] - b[2];
  return Math.sqrt(along * along + dz * dz);
}

function greatCircle(a: Coord, b: Coord): number {
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return Math.acos(Math.min(1, Math.max(-1, dot)));
}

const DISTANCES: Record<SyntheticName, (a: Coord, b: Coord) => number> = {
  torus: (a, b) => wrappedAngle(a[0], b[0]),
  folded_boxes: foldedBoxes,
  two_cosine: (a, b) => Math.abs(a[0] - b[0]),
  double_helix: (a, b) => Math.abs(a[0] - b[0]),
  two_spheres: greatCircle,
  two_circles: (a, b) => wrappedAngle(a[0], b[0]),
};

function checkName(name: string): SyntheticName {
  if (!(SYNTHETIC_NAMES as readonly string[]).includes(name))
    throw new LeError(
      'invalid_input',
      `geodesic distance is defined for the synthetic sets (${SYNTHETIC_NAMES.join(', ')}), not "${name}"`,
      'name',
    );
  return name as SyntheticName;
}

function checkCoord(name: SyntheticName, c: Coord, field: string): void {
  const dim = SYNTHETIC_SPECS[name].coordDim;
  if (c.length !== dim)
    throw new LeError(
      'invalid_input',
      `${field} must have ${dim} entries for ${name}, got ${c.length}`,
      field,
    );
  for (let i = 0; i < dim; i++)
    if (!Number.isFinite(c[i]))
      throw new LeError('invalid_input', `${field}[${i}] is not a finite number (${c[i]})`, field);
}

/** Geodesic distance between two points of the named set, given their coordinates. */
export function geodesicDistance(name: SyntheticName, coordA: Coord, coordB: Coord): number {
  const set = checkName(name);
  checkCoord(set, coordA, 'coordA');
  checkCoord(set, coordB, 'coordB');
  return DISTANCES[set](coordA, coordB);
}

/** The m×m row-major matrix of geodesic distances among rows `ids` of a synthetic dataset. */
export function geodesicMatrix(ds: Dataset, ids: readonly number[]): Float64Array {
  const set = checkName(ds.name);
  const dim = SYNTHETIC_SPECS[set].coordDim;
  if (!ds.coord || ds.coordDim !== dim || ds.coord.length !== ds.n * dim)
    throw new LeError(
      'invalid_input',
      `dataset "${ds.name}" has no intrinsic coordinates of dimension ${dim}`,
      'coord',
    );
  for (const id of ids)
    if (!Number.isInteger(id) || id < 0 || id >= ds.n)
      throw new LeError(
        'invalid_input',
        `ids: ${id} is not a row of the dataset (0..${ds.n - 1})`,
        'ids',
      );
  const coord = ds.coord;
  const rows = ids.map((id) => coord.subarray(id * dim, (id + 1) * dim));
  rows.forEach((c, i) => checkCoord(set, c, `coord of row ${ids[i]}`));
  const m = ids.length;
  const dist = DISTANCES[set];
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const v = dist(rows[i], rows[j]);
      out[i * m + j] = v;
      out[j * m + i] = v;
    }
  }
  return out;
}
