// Shared look of every chart: fonts, axis styling, grid margins, series colours.
import { CLASS_COLORS } from './palette';

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const AXIS_COLOR = '#6b7280';
export const SPLIT_COLOR = '#eceff3';

export const baseOption = {
  animation: false,
  color: CLASS_COLORS,
  textStyle: { fontFamily: FONT, fontSize: 11, color: '#1f2937' },
  grid: { left: 56, right: 24, top: 36, bottom: 40, containLabel: false },
} as const;

export function valueAxis(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value',
    name,
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: { color: AXIS_COLOR },
    axisLine: { show: true, lineStyle: { color: AXIS_COLOR } },
    axisTick: { show: true },
    axisLabel: { color: AXIS_COLOR, hideOverlap: true },
    splitLine: { lineStyle: { color: SPLIT_COLOR } },
    scale: true,
    ...extra,
  };
}

/** Compact number formatting for axis labels and tooltips. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(Math.max(1, digits - 2));
  return Number(v.toPrecision(digits)).toString();
}
