// The top eigenvalues of one or more similarity matrices, by rank.
import type { EChartsOption } from 'echarts';
import { baseOption, fmt, valueAxis } from './theme';

export interface Spectrum {
  name: string;
  values: number[];
}

export function spectrumOption(spectra: readonly Spectrum[], opts: { log?: boolean } = {}): EChartsOption {
  const log = !!opts.log && spectra.every((s) => s.values.every((v) => v > 0));
  return {
    ...baseOption,
    legend: spectra.length > 1 ? { top: 4, right: 8 } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(Number(v)) },
    xAxis: valueAxis('rank', { min: 1, max: 'dataMax', scale: false, minInterval: 1, splitLine: { show: false } }),
    yAxis: valueAxis(log ? 'eigenvalue (log)' : 'eigenvalue', log ? { type: 'log', scale: false, nameGap: 44 } : { nameGap: 44 }),
    series: spectra.map((s) => ({
      name: s.name,
      type: 'line',
      symbol: 'circle',
      symbolSize: 5,
      data: s.values.map((v, i) => [i + 1, Number.isFinite(v) ? v : null]),
    })),
  };
}
