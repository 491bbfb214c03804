// The value → colour mapping of a heat map: a range and a palette. Data with substantial
// values of both signs (the smaller side at least 10 % of the larger) gets the diverging
// palette centred on 0; otherwise viridis over [min, max], so a few slightly negative
// entries (float noise) do not wash the map out.
import { finiteRange } from '../numeric/stats';
import type { PaletteName } from './palette';

export interface ColorScale {
  min: number;
  max: number;
  palette: PaletteName;
}

/** A colour scale covering every finite value of all the given matrices (one shared scale). */
export function sharedScale(matrices: ArrayLike<number>[], palette?: PaletteName): ColorScale {
  let lo = Infinity, hi = -Infinity;
  for (const m of matrices) {
    const r = finiteRange(m);
    if (!r) continue;
    lo = Math.min(lo, r[0]);
    hi = Math.max(hi, r[1]);
  }
  if (!(lo <= hi)) return { min: 0, max: 1, palette: palette ?? 'viridis' };
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.5 || 0.5;
    lo -= pad;
    hi += pad;
  }
  const signed = lo < 0 && hi > 0 && Math.min(-lo, hi) >= 0.1 * Math.max(-lo, hi);
  const chosen = palette ?? (signed ? 'diverging' : 'viridis');
  if (chosen === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return { min: -m, max: m, palette: chosen };
  }
  return { min: lo, max: hi, palette: chosen };
}

/** Position of v within the scale in [0, 1] (clamped); NaN for non-finite v. */
export function scalePosition(scale: ColorScale, v: number): number {
  if (!Number.isFinite(v)) return NaN;
  const span = scale.max - scale.min;
  if (!(span > 0)) return 0.5;
  return Math.min(1, Math.max(0, (v - scale.min) / span));
}
