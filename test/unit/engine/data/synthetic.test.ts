import { describe, it, expect } from 'vitest';
import { generateSynthetic } from '../../../../src/engine/data/synthetic';
import { SYNTHETIC_SPECS } from '../../../../src/engine/data/syntheticSpecs';
import { SYNTHETIC_NAMES } from '../../../../src/shared/types';
import type { Dataset } from '../../../../src/shared/types';
import { LeError } from '../../../../src/shared/errors';

const TOL = 1e-12;
const row = (ds: Dataset, i: number): number[] =>
  Array.from(ds.x.subarray(i * ds.d, (i + 1) * ds.d));
const crd = (ds: Dataset, i: number): number[] =>
  Array.from(ds.coord!.subarray(i * ds.coordDim!, (i + 1) * ds.coordDim!));
const pos = (ds: Dataset, i: number): boolean => ds.y[i] === 1;

describe('generateSynthetic: shapes, labels, determinism', () => {
  for (const name of SYNTHETIC_NAMES) {
    it(`${name}: n rows, positives first, balanced, group = y, finite`, () => {
      const ds = generateSynthetic(name, { n: 100, seed: 666 });
      const spec = SYNTHETIC_SPECS[name];
      expect(ds.name).toBe(name);
      expect([ds.n, ds.d, ds.coordDim]).toEqual([100, spec.d, spec.coordDim]);
      expect(ds.x.length).toBe(100 * spec.d);
      expect(ds.coord!.length).toBe(100 * spec.coordDim);
      for (let i = 0; i < 100; i++) {
        expect(ds.y[i]).toBe(i < 50 ? 1 : 0);
        expect(ds.group[i]).toBe(ds.y[i]);
      }
      expect(ds.x.every(Number.isFinite)).toBe(true);
      expect(ds.coord!.every(Number.isFinite)).toBe(true);
    });

    it(`${name}: same seed → same data, other seed → other data`, () => {
      const a = generateSynthetic(name, { n: 40, seed: 3 });
      const b = generateSynthetic(name, { n: 40, seed: 3 });
      const c = generateSynthetic(name, { n: 40, seed: 4 });
      expect(b.x).toEqual(a.x);
      expect(b.coord).toEqual(a.coord);
      expect(c.x).not.toEqual(a.x);
    });
  }

  it('odd n: ceil(n/2) positives, floor(n/2) negatives', () => {
    const ds = generateSynthetic('two_circles', { n: 7, seed: 1 });
    expect(Array.from(ds.y)).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });

  it('defaults: n = 100, seed 666', () => {
    expect(generateSynthetic('torus').x).toEqual(
      generateSynthetic('torus', { n: 100, seed: 666 }).x,
    );
  });

  it('rejects bad parameters naming them', () => {
    const field = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LeError);
        return (e as LeError).field;
      }
      return 'no error';
    };
    expect(field(() => generateSynthetic('torus', { n: 1 }))).toBe('n');
    expect(field(() => generateSynthetic('torus', { n: 10.5 }))).toBe('n');
    expect(field(() => generateSynthetic('torus', { n: NaN }))).toBe('n');
    expect(field(() => generateSynthetic('torus', { seed: NaN }))).toBe('seed');
    expect(field(() => generateSynthetic('cube' as never))).toBe('name');
  });
});

describe('generateSynthetic: points lie on the stated surfaces', () => {
  const n = 400;
  it('torus: tube of radius 1 around the circle r = 8, angle = theta, wave k = 4', () => {
    const ds = generateSynthetic('torus', { n, seed: 11 });
    for (let i = 0; i < n; i++) {
      const [x, y, z] = row(ds, i);
      const [t] = crd(ds, i);
      const s = pos(ds, i) ? 1 : -1;
      const rho = Math.hypot(x, y);
      expect(Math.abs((rho - 8) ** 2 + z ** 2 - 1)).toBeLessThan(TOL);
      expect(Math.abs(Math.atan2(y, x) - t)).toBeLessThan(1e-9);
      expect(Math.abs(rho - (8 + s * Math.sin(4 * t)))).toBeLessThan(TOL);
      expect(Math.abs(z - s * Math.cos(4 * t))).toBeLessThan(TOL);
      expect(t).toBeGreaterThanOrEqual(-Math.PI);
      expect(t).toBeLessThan(Math.PI);
    }
  });

  it('folded boxes: on y = ±(−k|x| + 13) / ±(−k|x| + 11), x and z in range, half per sheet', () => {
    const ds = generateSynthetic('folded_boxes', { n, seed: 12 });
    const k = 1.2;
    let upperPos = 0;
    for (let i = 0; i < n; i++) {
      const [x, y, z] = row(ds, i);
      const [cx, sheet, cz, w] = crd(ds, i);
      const p = pos(ds, i);
      expect([cx, cz]).toEqual([x, z]);
      expect(Math.abs(y - sheet * (-k * Math.abs(x) + (p ? 13 : 11)))).toBeLessThan(TOL);
      expect(Math.abs(x)).toBeLessThanOrEqual(p ? 10 + 1 / k : 10 - 1 / k);
      expect(Math.abs(z)).toBeLessThanOrEqual(1);
      expect(w).toBe(p ? 11 : 9);
      if (p && sheet === 1) upperPos++;
    }
    expect(upperPos).toBe(n / 4);
    // The two sheets of a class meet where −k|x| + b = 0: the tube is closed.
    expect(Math.abs(-k * (10 + 1 / k) + 13)).toBeLessThan(TOL);
  });

  it('two cosine: y = cos x ± 0.2, |x| ≤ 0.6π', () => {
    const ds = generateSynthetic('two_cosine', { n, seed: 13 });
    for (let i = 0; i < n; i++) {
      const [x, y] = row(ds, i);
      expect(crd(ds, i)).toEqual([x]);
      expect(Math.abs(y - Math.cos(x) - (pos(ds, i) ? 0.2 : -0.2))).toBeLessThan(TOL);
      expect(Math.abs(x)).toBeLessThanOrEqual(0.6 * Math.PI);
    }
  });

  it('double helix: ±(cos 1.5θ, sin 1.5θ, θ), |θ| ≤ π/2', () => {
    const ds = generateSynthetic('double_helix', { n, seed: 14 });
    for (let i = 0; i < n; i++) {
      const [x, y, z] = row(ds, i);
      const [t] = crd(ds, i);
      const s = pos(ds, i) ? 1 : -1;
      expect(z).toBe(t);
      expect(
        Math.abs(x - s * Math.cos(1.5 * t)) + Math.abs(y - s * Math.sin(1.5 * t)),
      ).toBeLessThan(TOL);
      expect(Math.abs(t)).toBeLessThanOrEqual(Math.PI / 2);
    }
  });

  it('two spheres: radius 10 / 20, coord is the unit direction', () => {
    const ds = generateSynthetic('two_spheres', { n, seed: 15 });
    for (let i = 0; i < n; i++) {
      const p = row(ds, i);
      const u = crd(ds, i);
      const r = pos(ds, i) ? 10 : 20;
      expect(Math.abs(Math.hypot(...p) - r)).toBeLessThan(1e-12 * r);
      expect(Math.abs(Math.hypot(...u) - 1)).toBeLessThan(TOL);
      for (let j = 0; j < 3; j++) expect(Math.abs(p[j] - r * u[j])).toBeLessThan(TOL * r);
    }
  });

  it('two circles: radius 10 / 50 at the stored angle', () => {
    const ds = generateSynthetic('two_circles', { n, seed: 16 });
    for (let i = 0; i < n; i++) {
      const [x, y] = row(ds, i);
      const [a] = crd(ds, i);
      const r = pos(ds, i) ? 10 : 50;
      expect(Math.abs(x - r * Math.cos(a)) + Math.abs(y - r * Math.sin(a))).toBeLessThan(TOL * r);
    }
  });

  it('angles cover their range uniformly (torus, n = 4000: each quarter 25 % ± 3 %)', () => {
    const ds = generateSynthetic('torus', { n: 4000, seed: 17 });
    const bins = [0, 0, 0, 0];
    for (const t of ds.coord!) bins[Math.min(3, Math.floor(((t + Math.PI) / (2 * Math.PI)) * 4))]++;
    for (const b of bins) expect(Math.abs(b / 4000 - 0.25)).toBeLessThan(0.03);
  });
});
