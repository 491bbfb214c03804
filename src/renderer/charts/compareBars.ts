// Grouped bars for the comparison view: one group per category (a measure's correlation,
// a clustering method's accuracy), one bar per run. Missing values are left as gaps.
import type { EChartsOption } from 'echarts';
import { CLASS_COLORS } from './palette';
import { baseOption, fmt, valueAxis } from './theme';

export interface BarRun {
  label: string;
  values: Record<string, number | undefined>;
}

export function compareBarsOption(runs: readonly BarRun[], categories: readonly string[], yName: string, range?: [number, number]): EChartsOption {
  return {
    ...baseOption,
    color: CLASS_COLORS,
    grid: { ...baseOption.grid, top: runs.length > 3 ? 56 : 36 },
    legend: { top: 4, left: 'center', type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? '—' : fmt(Number(v), 3)) },
    xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0, hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: valueAxis(yName, range ? { min: range[0], max: range[1], scale: false, nameGap: 40 } : { nameGap: 40 }),
    series: runs.map((r) => ({
      name: r.label,
      type: 'bar',
      barMaxWidth: 28,
      label: { show: runs.length * categories.length <= 16, position: 'top', fontSize: 10, formatter: (p: { value: unknown }) => fmt(Number(p.value), 3) },
      data: categories.map((c) => {
        const v = r.values[c];
        return v !== undefined && Number.isFinite(v) ? v : null;
      }),
    })),
  };
}
