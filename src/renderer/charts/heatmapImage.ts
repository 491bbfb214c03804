// A similarity matrix as RGBA pixels, one pixel per cell, rows and columns permuted (by true
// class). Drawn on a canvas and scaled by the browser: a 2000×2000 matrix is 4M pixels,
// which ECharts' heatmap series (one path per cell) cannot draw interactively.
import { paletteLut } from './palette';
import type { ColorScale } from './colorScale';

/** Colour of non-finite cells (NaN: a probe that did not move) — mid grey. */
export const NAN_RGB: [number, number, number] = [160, 160, 160];

/**
 * RGBA bytes (n·n·4) of the n×n row-major matrix `data` with rows/cols in `order`
 * (order[p] = the matrix index shown at position p). Cells outside the scale are clamped.
 */
export function matrixToRgba(data: ArrayLike<number>, n: number, scale: ColorScale, order?: readonly number[]): Uint8ClampedArray<ArrayBuffer> {
  if (!Number.isInteger(n) || n < 0 || data.length !== n * n) throw new Error(`matrixToRgba: expected ${n}×${n} values, got ${data.length}`);
  if (order && order.length !== n) throw new Error(`matrixToRgba: order has ${order.length} entries, expected ${n}`);
  const lut = paletteLut(scale.palette);
  const span = scale.max - scale.min;
  const k = span > 0 ? 255 / span : 0;
  const lo = scale.min;
  const out = new Uint8ClampedArray(n * n * 4);
  const perm = order ?? Array.from({ length: n }, (_, i) => i);
  let o = 0;
  for (let p = 0; p < n; p++) {
    const row = perm[p] * n;
    for (let q = 0; q < n; q++) {
      const v = data[row + perm[q]];
      if (v === v && v !== Infinity && v !== -Infinity) {
        let idx = k === 0 ? 127 : Math.round((v - lo) * k);
        if (idx < 0) idx = 0;
        else if (idx > 255) idx = 255;
        const li = idx * 3;
        out[o] = lut[li];
        out[o + 1] = lut[li + 1];
        out[o + 2] = lut[li + 2];
      } else {
        out[o] = NAN_RGB[0];
        out[o + 1] = NAN_RGB[1];
        out[o + 2] = NAN_RGB[2];
      }
      out[o + 3] = 255;
      o += 4;
    }
  }
  return out;
}
