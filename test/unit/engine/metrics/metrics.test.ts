import { describe, it, expect } from 'vitest';
import {
  adjustedRandIndex,
  averageRanks,
  hungarian,
  hungarianAccuracy,
  normalizedMutualInfo,
  pearson,
  scoreClustering,
  spearman,
  twoClassAccuracy,
} from '../../../../src/engine/metrics';
import { LeError } from '../../../../src/shared/errors';
import { createRng } from '../../../../src/engine/rng';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** Slow references: pair counting over all i < j, and entropies from explicit probabilities. */
function slowAri(a: number[], b: number[]): number {
  const n = a.length;
  let both = 0, inA = 0, inB = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const sa = a[i] === a[j], sb = b[i] === b[j];
      if (sa && sb) both++;
      if (sa) inA++;
      if (sb) inB++;
    }
  const pairs = (n * (n - 1)) / 2;
  const expected = (inA * inB) / pairs;
  const maxIndex = (inA + inB) / 2;
  return maxIndex === expected ? 1 : (both - expected) / (maxIndex - expected);
}
function slowNmi(a: number[], b: number[]): number {
  const n = a.length;
  const p = (f: (i: number) => boolean): number => a.filter((_, i) => f(i)).length / n;
  const va = [...new Set(a)], vb = [...new Set(b)];
  let mi = 0, ha = 0, hb = 0;
  for (const x of va) ha -= p((i) => a[i] === x) * Math.log(p((i) => a[i] === x));
  for (const y of vb) hb -= p((i) => b[i] === y) * Math.log(p((i) => b[i] === y));
  for (const x of va)
    for (const y of vb) {
      const pxy = p((i) => a[i] === x && b[i] === y);
      if (pxy > 0) mi += pxy * Math.log(pxy / (p((i) => a[i] === x) * p((i) => b[i] === y)));
    }
  return mi / ((ha + hb) / 2);
}
function randomLabels(seed: number, n: number, k: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.int(k));
}

describe('hungarian', () => {
  it('matches brute force over all permutations (square and rectangular)', () => {
    const rng = createRng(3);
    for (const [r, c] of [[1, 1], [3, 3], [5, 5], [3, 6], [6, 4], [2, 5]]) {
      for (let trial = 0; trial < 5; trial++) {
        const cost = Float64Array.from({ length: r * c }, () => Math.round(rng.uniform(-5, 20)));
        const match = hungarian(cost, r, c);
        const got = Array.from(match).reduce((s, col, row) => s + (col >= 0 ? cost[row * c + col] : 0), 0);
        // brute force: choose min(r,c) pairs
        const big = Math.max(r, c);
        let best = Infinity;
        for (const p of permutations(big)) {
          let s = 0;
          for (let i = 0; i < r; i++) if (p[i] < c) s += cost[i * c + p[i]];
          best = Math.min(best, s);
        }
        expect(got).toBeCloseTo(best, 10);
        const cols = Array.from(match).filter((x) => x >= 0);
        expect(new Set(cols).size).toBe(cols.length);
        expect(cols.length).toBe(Math.min(r, c));
      }
    }
  });
  it('rejects non-finite costs and wrong sizes', () => {
    expect(() => hungarian([1, NaN, 2, 3], 2, 2)).toThrow(/cost\[1\]/);
    expect(() => hungarian([1, 2, 3], 2, 2)).toThrow(LeError);
  });
});

describe('accuracy', () => {
  it('two-class accuracy is 0.5 + |correct/n − 0.5| and label-permutation invariant', () => {
    const a = [0, 0, 0, 1, 1, 1, 1, 0];
    const l = [5, 5, 5, 8, 8, 8, 5, 8];
    expect(twoClassAccuracy(a, l)).toBeCloseTo(0.75, 14);
    expect(twoClassAccuracy(a.map((v) => 1 - v), l)).toBeCloseTo(0.75, 14);
    expect(twoClassAccuracy([0, 0, 0, 0], [0, 1, 1, 1])).toBeCloseTo(0.75, 14);
  });
  it('Hungarian accuracy equals the best permutation by brute force', () => {
    for (let s = 0; s < 6; s++) {
      const a = randomLabels(s, 40, 4), l = randomLabels(100 + s, 40, 4);
      let best = 0;
      for (const p of permutations(4)) best = Math.max(best, a.filter((v, i) => p[v] === l[i]).length / 40);
      expect(hungarianAccuracy(a, l)).toBeCloseTo(best, 14);
      expect(twoClassAccuracy(a, l)).toBeCloseTo(best, 14); // k > 2 → Hungarian
    }
  });
  it('coincides with Hungarian for two classes', () => {
    for (let s = 0; s < 5; s++) {
      const a = randomLabels(s, 31, 2), l = randomLabels(50 + s, 31, 2);
      expect(twoClassAccuracy(a, l)).toBeCloseTo(hungarianAccuracy(a, l), 14);
    }
  });
});

describe('ARI and NMI', () => {
  it('match sklearn 1.9.1 on a fixed example', () => {
    const a = [0, 0, 1, 1, 2, 2, 2, 0], b = [1, 1, 0, 0, 0, 2, 2, 2];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(0.23809523809523808, 14);
    expect(normalizedMutualInfo(a, b)).toBeCloseTo(0.5588730382170324, 14);
  });
  it('match slow pair-counting / entropy references on random labelings', () => {
    for (let s = 0; s < 8; s++) {
      const a = randomLabels(s, 60, 2 + (s % 4)), b = randomLabels(200 + s, 60, 2 + ((s + 1) % 3));
      expect(adjustedRandIndex(a, b)).toBeCloseTo(slowAri(a, b), 12);
      expect(normalizedMutualInfo(a, b)).toBeCloseTo(slowNmi(a, b), 12);
    }
  });
  it('are 1 for identical partitions up to renaming, symmetric in their arguments', () => {
    const a = [0, 0, 1, 1, 2, 2], b = [7, 7, 3, 3, 9, 9];
    expect(adjustedRandIndex(a, b)).toBe(1);
    expect(normalizedMutualInfo(a, b)).toBeCloseTo(1, 14);
    const c = randomLabels(1, 30, 3), d = randomLabels(2, 30, 3);
    expect(adjustedRandIndex(c, d)).toBeCloseTo(adjustedRandIndex(d, c), 14);
  });
  it('degenerate cases follow sklearn: one cluster vs two classes → 0, both single → 1', () => {
    expect(adjustedRandIndex([5, 5, 5, 5], [0, 0, 1, 1])).toBe(0);
    expect(normalizedMutualInfo([5, 5, 5, 5], [0, 0, 1, 1])).toBe(0);
    expect(adjustedRandIndex([2, 2], [1, 1])).toBe(1);
    expect(normalizedMutualInfo([2, 2], [1, 1])).toBe(1);
    expect(scoreClustering([0], [3])).toEqual({ accuracy: 1, hungarianAccuracy: 1, ari: 1, nmi: 1 });
  });
});

describe('scoreClustering', () => {
  it('combines the four scores', () => {
    const a = [0, 0, 0, 1, 1, 1, 1, 0], l = [5, 5, 5, 8, 8, 8, 5, 8];
    const s = scoreClustering(a, l);
    expect(s.accuracy).toBeCloseTo(0.75, 14);
    expect(s.hungarianAccuracy).toBeCloseTo(0.75, 14);
    expect(s.ari).toBeCloseTo(slowAri(a, l), 12);
    expect(s.nmi).toBeCloseTo(slowNmi(a, l), 12);
  });
  it('names labels on a length mismatch and rejects empty / non-integer input', () => {
    const err = (() => {
      try {
        scoreClustering([0, 1, 0], [0, 1]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LeError);
    expect((err as LeError).field).toBe('labels');
    expect(() => scoreClustering([], [])).toThrow(/assignments/);
    expect(() => scoreClustering([0, NaN], [0, 1])).toThrow(/assignments\[1\]/);
    expect(() => scoreClustering([0, 1], [0, 0.5])).toThrow(/labels\[1\]/);
  });
});

describe('correlation', () => {
  const x = [1, 2, 2, 3, 5, 5, 5, 9], y = [2, 1, 4, 4, 3, 8, 8, 7];
  it('Pearson and Spearman match scipy on a tied example', () => {
    expect(pearson(x, y)).toBeCloseTo(0.6960187614506177, 13);
    expect(spearman(x, y)).toBeCloseTo(0.6895607149652165, 13);
  });
  it('average ranks for ties', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5, 20]))).toEqual([2, 4, 4, 1, 4]);
  });
  it('Pearson is ±1 for affine relations; Spearman is 1 for monotone ones', () => {
    expect(pearson([1, 2, 3], [-2, -4, -6])).toBeCloseTo(-1, 14);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 14);
  });
  it('constant or too-short vectors give NaN; NaN entries and length mismatch throw', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([4], [2])).toBeNaN();
    expect(() => pearson([1, NaN], [1, 2])).toThrow(/x\[1\]/);
    expect(() => spearman([1, 2], [1])).toThrow(/y has length/);
  });
});
