import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(666), b = createRng(666), c = createRng(667);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('uniform draws have the moments of U(0,1) and stay in [0,1)', () => {
    const r = createRng(1);
    let s = 0, s2 = 0, lo = 1, hi = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      s += u; s2 += u * u; lo = Math.min(lo, u); hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - s * s / n / n - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal draws have mean 0 and variance 1', () => {
    const r = createRng(2);
    let s = 0, s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });

  it('permutation and shuffle are permutations; int stays in range', () => {
    const r = createRng(3);
    const p = Array.from(r.permutation(1000));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const s = r.shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect(new Set(s).size).toBe(50);
    for (let i = 0; i < 1000; i++) { const k = r.int(7); expect(k >= 0 && k < 7 && Number.isInteger(k)).toBe(true); }
  });

  it('fork gives an independent deterministic stream', () => {
    const a = createRng(5).fork(), b = createRng(5).fork();
    expect(a.next()).toBe(b.next());
  });

  it('rejects a non-finite seed', () => {
    expect(() => createRng(NaN)).toThrow(/seed/);
  });
});
