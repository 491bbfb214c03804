import { describe, it, expect } from 'vitest';
import { matrixToRgba, NAN_RGB } from '../../../../src/renderer/charts/heatmapImage';
import { paletteColor, paletteLut, paletteStops } from '../../../../src/renderer/charts/palette';
import { scalePosition, sharedScale } from '../../../../src/renderer/charts/colorScale';
import type { ColorScale } from '../../../../src/renderer/charts/colorScale';

/** Slow reference: every cell through paletteColor's CSS string. */
function reference(data: number[], n: number, scale: ColorScale, order: number[]): number[] {
  const out: number[] = [];
  for (let p = 0; p < n; p++)
    for (let q = 0; q < n; q++) {
      const v = data[order[p] * n + order[q]];
      if (!Number.isFinite(v)) out.push(...NAN_RGB, 255);
      else {
        const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(paletteColor(scale.palette, scalePosition(scale, v)))!;
        out.push(Number(m[1]), Number(m[2]), Number(m[3]), 255);
      }
    }
  return out;
}

describe('palette', () => {
  it('LUT ends at the first and last stops', () => {
    for (const name of ['viridis', 'diverging'] as const) {
      const lut = paletteLut(name);
      const stops = paletteStops(name);
      const hex = (i: number): string => '#' + [0, 1, 2].map((c) => lut[3 * i + c].toString(16).padStart(2, '0')).join('');
      expect(hex(0)).toBe(stops[0]);
      expect(hex(255)).toBe(stops[stops.length - 1]);
    }
  });
  it('clamps and handles NaN', () => {
    expect(paletteColor('viridis', -3)).toBe(paletteColor('viridis', 0));
    expect(paletteColor('viridis', 7)).toBe(paletteColor('viridis', 1));
    expect(paletteColor('viridis', NaN)).toBe(paletteColor('viridis', 0));
  });
});

describe('sharedScale', () => {
  it('covers every matrix; non-negative → viridis', () => {
    expect(sharedScale([[0.2, 0.5], [1.5, NaN, 0.1]])).toEqual({ min: 0.1, max: 1.5, palette: 'viridis' });
  });
  it('substantially signed data → diverging, symmetric around 0; slight negatives stay viridis', () => {
    expect(sharedScale([[-0.5, 2], [1]])).toEqual({ min: -2, max: 2, palette: 'diverging' });
    expect(sharedScale([[-3, 1]])).toEqual({ min: -3, max: 3, palette: 'diverging' });
    expect(sharedScale([[-0.05, 2]])).toEqual({ min: -0.05, max: 2, palette: 'viridis' });
    expect(sharedScale([[-0.05, 2]], 'diverging')).toEqual({ min: -2, max: 2, palette: 'diverging' });
  });
  it('constant, empty and all-NaN matrices get a usable range', () => {
    expect(sharedScale([[3, 3]])).toEqual({ min: 1.5, max: 4.5, palette: 'viridis' });
    expect(sharedScale([])).toEqual({ min: 0, max: 1, palette: 'viridis' });
    expect(sharedScale([[NaN]])).toEqual({ min: 0, max: 1, palette: 'viridis' });
  });
});

describe('matrixToRgba', () => {
  it('matches the per-cell reference with a permutation and NaN cells', () => {
    const n = 7;
    const data = Array.from({ length: n * n }, (_, i) => Math.sin(i * 1.3) * 2);
    data[10] = NaN;
    data[20] = Infinity;
    const order = [3, 0, 6, 1, 5, 2, 4];
    for (const scale of [sharedScale([data]), { min: -1, max: 1, palette: 'viridis' as const }]) {
      expect(Array.from(matrixToRgba(data, n, scale, order))).toEqual(reference(data, n, scale, order));
    }
  });
  it('identity order by default; degenerate scale maps to the middle colour', () => {
    const got = matrixToRgba([1, 1, 1, 1], 2, { min: 1, max: 1, palette: 'viridis' });
    const mid = paletteLut('viridis').slice(127 * 3, 127 * 3 + 3);
    expect(Array.from(got.slice(0, 3))).toEqual(Array.from(mid));
    expect(matrixToRgba([], 0, sharedScale([]))).toHaveLength(0);
  });
  it('rejects size mismatches', () => {
    expect(() => matrixToRgba([1, 2, 3], 2, sharedScale([]))).toThrow(/2×2/);
    expect(() => matrixToRgba([1, 2, 3, 4], 2, sharedScale([]), [0])).toThrow(/order/);
  });
  it('2000×2000 float32 renders to RGBA in well under a second (measured)', () => {
    const n = 2000;
    const data = new Float32Array(n * n);
    for (let i = 0; i < data.length; i++) data[i] = Math.sin(i);
    const order = Array.from({ length: n }, (_, i) => (i * 7) % n);
    const t0 = performance.now();
    const rgba = matrixToRgba(data, n, { min: -1, max: 1, palette: 'diverging' }, order);
    const ms = performance.now() - t0;
    console.log(`matrixToRgba 2000×2000: ${ms.toFixed(0)} ms`);
    expect(rgba.length).toBe(n * n * 4);
    expect(ms).toBeLessThan(2000);
  });
});
