// The synthetic data as a scatter of projected points (see numeric/projection), coloured by
// class or by the similarity S(i, ·) to a clicked point i. Each datum carries its row index
// as the last value so a click can be mapped back to the dataset row.
import type { EChartsOption } from 'echarts';
import { classColor, paletteStops } from './palette';
import type { ColorScale } from './colorScale';
import { baseOption, fmt, valueAxis } from './theme';

export interface PointsInput {
  /** screen coordinates [u, v, depth] per row */
  projected: [number, number, number][];
  /** true class per row */
  groups: ArrayLike<number>;
  classNames?: Record<number, string>;
  /** colour by these values (e.g. S to the selected point) instead of by class */
  values?: ArrayLike<number>;
  scale?: ColorScale;
  /** the clicked row, drawn as a larger ring */
  selected?: number;
  axisNames?: [string, string];
  /** side of the square plot area in px: equal scales on both axes, as a projection needs */
  plotSize?: number;
}

/** A symmetric axis bound covering every |u| and |v| (one scale for both axes). */
export function squareExtent(projected: readonly [number, number, number][]): number {
  let m = 0;
  for (const [u, v] of projected) if (Number.isFinite(u) && Number.isFinite(v)) m = Math.max(m, Math.abs(u), Math.abs(v));
  if (m === 0) return 1;
  const step = 10 ** Math.floor(Math.log10(m));
  return Math.ceil((m * 1.05) / step) * step;
}

export function pointsScatterOption(p: PointsInput): EChartsOption {
  const n = p.projected.length;
  if (p.groups.length !== n) throw new Error(`pointsScatterOption: ${p.groups.length} groups for ${n} points`);
  if (p.values && p.values.length !== n) throw new Error(`pointsScatterOption: ${p.values.length} values for ${n} points`);
  // draw far points first so near ones cover them
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p.projected[b][2] - p.projected[a][2]);
  const datum = (i: number, extra: number[] = []): number[] => [p.projected[i][0], p.projected[i][1], ...extra, i];
  const series: Record<string, unknown>[] = [];
  let visualMap: Record<string, unknown> | undefined;
  if (p.values && p.scale) {
    const values = p.values;
    series.push({
      name: 'not probed',
      type: 'scatter',
      symbolSize: 5,
      itemStyle: { color: '#c4c9d0', opacity: 0.7 },
      data: order.filter((i) => !Number.isFinite(values[i])).map((i) => datum(i, [NaN])),
      encode: { x: 0, y: 1 },
    });
    series.push({
      name: 'S to selected',
      type: 'scatter',
      symbolSize: 7,
      data: order.filter((i) => Number.isFinite(values[i])).map((i) => datum(i, [values[i]])),
      encode: { x: 0, y: 1, tooltip: [2] },
    });
    visualMap = {
      type: 'continuous',
      dimension: 2,
      min: p.scale.min,
      max: p.scale.max,
      inRange: { color: paletteStops(p.scale.palette) },
      calculable: true,
      right: 4,
      top: 'middle',
      itemHeight: 140,
      seriesIndex: 1,
      formatter: (v: number) => fmt(v, 3),
    };
  } else {
    const groups = [...new Set(Array.from(p.groups))].sort((a, b) => a - b);
    for (const g of groups)
      series.push({
        name: p.classNames?.[g] ?? `class ${g}`,
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: classColor(g), opacity: 0.85 },
        data: order.filter((i) => p.groups[i] === g).map((i) => datum(i)),
      });
  }
  if (p.selected !== undefined && p.selected >= 0 && p.selected < n)
    series.push({
      name: 'selected',
      type: 'scatter',
      symbolSize: 16,
      silent: true,
      z: 10,
      itemStyle: { color: 'transparent', borderColor: '#111827', borderWidth: 2 },
      data: [datum(p.selected)],
    });
  const [xName, yName] = p.axisNames ?? ['u', 'v'];
  const r = squareExtent(p.projected);
  const size = p.plotSize;
  return {
    ...baseOption,
    grid: size ? { top: 34, width: size, height: size, left: 'center' } : { ...baseOption.grid, right: visualMap ? 72 : 24 },
    legend: visualMap ? undefined : { top: 4, right: 8 },
    visualMap,
    tooltip: {
      trigger: 'item',
      formatter: (q: unknown) => {
        const v = (q as { value?: number[] }).value ?? [];
        const row = v[v.length - 1];
        return `row ${row}${v.length > 3 ? `<br>S ${fmt(v[2])}` : ''}`;
      },
    },
    xAxis: valueAxis(xName, { splitLine: { show: false }, min: -r, max: r, scale: false }),
    yAxis: valueAxis(yName, { splitLine: { show: false }, min: -r, max: r, scale: false }),
    series,
  };
}
