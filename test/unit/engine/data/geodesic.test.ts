import { describe, it, expect } from 'vitest';
import { geodesicDistance, geodesicMatrix } from '../../../../src/engine/data/geodesic';
import { generateSynthetic } from '../../../../src/engine/data/synthetic';
import { positiveIds } from '../../../../src/engine/data/dataset';
import { createRng } from '../../../../src/engine/rng';
import { SYNTHETIC_NAMES } from '../../../../src/shared/types';
import { LeError } from '../../../../src/shared/errors';

const S = Math.sqrt(1.2 * 1.2 + 1); // the folded sheets' slope factor √(k² + 1)
const close = (a: number, b: number, tol = 1e-12): void =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

describe('geodesicDistance: hand-computed cases', () => {
  it('wrapped angle (torus, two circles)', () => {
    for (const name of ['torus', 'two_circles'] as const) {
      close(geodesicDistance(name, [0.5], [0.2]), 0.3);
      close(geodesicDistance(name, [3], [-3]), 2 * Math.PI - 6);
      close(geodesicDistance(name, [Math.PI], [-Math.PI]), 0);
      close(geodesicDistance(name, [-Math.PI / 2], [Math.PI / 2]), Math.PI);
      close(geodesicDistance(name, [-2.5], [2]), 2 * Math.PI - 4.5);
    }
  });

  it('absolute difference (two cosine, double helix)', () => {
    close(geodesicDistance('two_cosine', [1.2], [-0.3]), 1.5);
    close(geodesicDistance('double_helix', [-1.5], [1.5]), 3);
    expect(geodesicDistance('double_helix', [0.7], [0.7])).toBe(0);
  });

  it('great circle (two spheres), clipped at |u·u′| = 1', () => {
    close(geodesicDistance('two_spheres', [1, 0, 0], [0, 1, 0]), Math.PI / 2);
    close(geodesicDistance('two_spheres', [0, 0, 1], [0, 0, -1]), Math.PI);
    close(
      geodesicDistance('two_spheres', [1, 0, 0], [Math.SQRT1_2, Math.SQRT1_2, 0]),
      Math.PI / 4,
      1e-8,
    );
    expect(geodesicDistance('two_spheres', [1 + 1e-15, 0, 0], [1 + 1e-15, 0, 0])).toBe(0);
  });

  it('folded boxes: same sheet, other sheet via either fold, with z', () => {
    close(geodesicDistance('folded_boxes', [2, 1, 0, 11], [-3, 1, 0, 11]), 5 * S);
    close(
      geodesicDistance('folded_boxes', [2, 1, 0.5, 11], [-1, 1, -0.5, 11]),
      Math.sqrt(9 * S * S + 1),
    );
    close(geodesicDistance('folded_boxes', [10, 1, 0, 11], [9, -1, 0, 11]), 3 * S); // round the right fold
    close(geodesicDistance('folded_boxes', [-10, 1, 0, 11], [-9, -1, 0, 11]), 3 * S); // round the left fold
    close(geodesicDistance('folded_boxes', [0, 1, 0, 11], [0, -1, 0, 11]), 22 * S); // half the perimeter
    close(
      geodesicDistance('folded_boxes', [10.5, 1, 1, 11], [10.5, -1, -1, 11]),
      Math.sqrt(S * S + 4),
    );
  });

  it('folded boxes: matches arc length around the rhombus perimeter (200 random pairs)', () => {
    // Reference: walk the closed rhombus from its left fold, the upper sheet left → right,
    // then the lower sheet right → left; the tube distance is the shorter way round.
    const w = 11;
    const arc = (x: number, sheet: number): number =>
      sheet === 1 ? S * (x + w) : 2 * w * S + S * (w - x);
    const rng = createRng(5);
    for (let t = 0; t < 200; t++) {
      const a = [rng.uniform(-w, w), rng.next() < 0.5 ? 1 : -1, rng.uniform(-1, 1), w];
      const b = [rng.uniform(-w, w), rng.next() < 0.5 ? 1 : -1, rng.uniform(-1, 1), w];
      const d = Math.abs(arc(a[0], a[1]) - arc(b[0], b[1]));
      const along = Math.min(d, 4 * w * S - d);
      close(geodesicDistance('folded_boxes', a, b), Math.hypot(along, a[2] - b[2]), 1e-9);
    }
  });

  it('folded boxes: on one flat face the geodesic is the straight 3-D distance', () => {
    const ds = generateSynthetic('folded_boxes', { n: 200, seed: 8 });
    const c = ds.coord!;
    let checked = 0;
    for (let i = 0; i < 100; i++)
      for (let j = 0; j < 100; j++) {
        if (c[i * 4 + 1] !== c[j * 4 + 1] || c[i * 4] * c[j * 4] <= 0) continue;
        const euclid = Math.hypot(...[0, 1, 2].map((k) => ds.x[i * 3 + k] - ds.x[j * 3 + k]));
        close(
          geodesicDistance(
            'folded_boxes',
            c.subarray(i * 4, i * 4 + 4),
            c.subarray(j * 4, j * 4 + 4),
          ),
          euclid,
          1e-9,
        );
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it('rejects bad names and coordinates', () => {
    const fieldOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LeError);
        return (e as LeError).field;
      }
      return 'no error';
    };
    expect(fieldOf(() => geodesicDistance('mnist' as never, [0], [0]))).toBe('name');
    expect(fieldOf(() => geodesicDistance('torus', [0, 1], [0]))).toBe('coordA');
    expect(fieldOf(() => geodesicDistance('two_spheres', [1, 0, 0], [NaN, 0, 0]))).toBe('coordB');
    expect(fieldOf(() => geodesicDistance('folded_boxes', [1, 1, 0], [1, 1, 0]))).toBe('coordA');
  });
});

describe('geodesicMatrix', () => {
  for (const name of SYNTHETIC_NAMES) {
    it(`${name}: equals the double loop of geodesicDistance over the positives`, () => {
      const ds = generateSynthetic(name, { n: 60, seed: 9 });
      const ids = positiveIds(ds);
      const m = ids.length;
      const g = geodesicMatrix(ds, ids);
      const dim = ds.coordDim!;
      expect(g.length).toBe(m * m);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          const a = ds.coord!.subarray(ids[i] * dim, ids[i] * dim + dim);
          const b = ds.coord!.subarray(ids[j] * dim, ids[j] * dim + dim);
          expect(g[i * m + j]).toBe(i === j ? 0 : geodesicDistance(name, a, b));
          expect(g[i * m + j]).toBe(g[j * m + i]);
        }
    });
  }

  it('follows the order of ids; empty ids give an empty matrix', () => {
    const ds = generateSynthetic('two_cosine', { n: 10, seed: 2 });
    const g = geodesicMatrix(ds, [3, 0]);
    close(g[1], Math.abs(ds.coord![3] - ds.coord![0]));
    expect(Array.from(geodesicMatrix(ds, [0, 3]))).toEqual(Array.from(g));
    expect(geodesicMatrix(ds, []).length).toBe(0);
  });

  it('rejects out-of-range ids, datasets without coordinates and non-synthetic sets', () => {
    const ds = generateSynthetic('torus', { n: 10, seed: 2 });
    expect(() => geodesicMatrix(ds, [0, 10])).toThrow(/ids: 10 is not a row/);
    expect(() => geodesicMatrix(ds, [-1])).toThrow(LeError);
    expect(() => geodesicMatrix(ds, [0.5])).toThrow(LeError);
    expect(() => geodesicMatrix({ ...ds, coord: undefined }, [0])).toThrow(
      /no intrinsic coordinates/,
    );
    expect(() => geodesicMatrix({ ...ds, name: 'csv D.csv' }, [0])).toThrow(/synthetic sets/);
    const nan = { ...ds, coord: Float64Array.from(ds.coord!, (v, i) => (i === 4 ? NaN : v)) };
    expect(() => geodesicMatrix(nan, [0, 4])).toThrow(/not a finite number/);
  });
});
