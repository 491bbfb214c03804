// Colour scales shared by the canvas heat map, its colour bar and the ECharts visualMaps:
// viridis (sequential, for non-negative similarities) and a blue–white–red diverging scale
// (for signed ones), sampled into 256-entry RGB look-up tables.

export type PaletteName = 'viridis' | 'diverging';

const STOPS: Record<PaletteName, string[]> = {
  viridis: ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'],
  diverging: ['#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b'],
};

export function paletteStops(name: PaletteName): string[] {
  return [...STOPS[name]];
}

function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

const luts = new Map<PaletteName, Uint8Array>();

/** 256 RGB triples (768 bytes) interpolated linearly between the palette's stops. */
export function paletteLut(name: PaletteName): Uint8Array {
  const cached = luts.get(name);
  if (cached) return cached;
  const stops = STOPS[name].map(hexToRgb);
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (stops.length - 1);
    const k = Math.min(Math.floor(t), stops.length - 2);
    const f = t - k;
    for (let c = 0; c < 3; c++) lut[3 * i + c] = Math.round(stops[k][c] + (stops[k + 1][c] - stops[k][c]) * f);
  }
  luts.set(name, lut);
  return lut;
}

/** A CSS colour for value t in [0, 1] (clamped). */
export function paletteColor(name: PaletteName, t: number): string {
  const lut = paletteLut(name);
  const i = Math.round(Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * 255);
  return `rgb(${lut[3 * i]}, ${lut[3 * i + 1]}, ${lut[3 * i + 2]})`;
}

/** A CSS linear-gradient for a colour bar (bottom = low when vertical). */
export function paletteGradient(name: PaletteName, direction = 'to top'): string {
  const stops = STOPS[name];
  return `linear-gradient(${direction}, ${stops.map((c, i) => `${c} ${((i / (stops.length - 1)) * 100).toFixed(1)}%`).join(', ')})`;
}

/** Categorical colours for classes and runs (colour-blind safe, Okabe–Ito order). */
export const CLASS_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
export const classColor = (k: number): string => CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
