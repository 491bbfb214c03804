// Elasticity during training: the correlation of S with geodesic distance per stored
// snapshot epoch, one line per measure, and a marker at the epoch picked on the slider.
import type { EChartsOption } from 'echarts';
import type { ElasticitySnapshot } from '../../shared/results';
import type { Measure } from '../../shared/types';
import { baseOption, fmt, valueAxis } from './theme';

export function snapshotMeasures(snaps: readonly ElasticitySnapshot[]): Measure[] {
  const seen = new Set<Measure>();
  for (const s of snaps) for (const m of Object.keys(s.correlations) as Measure[]) seen.add(m);
  return [...seen].sort();
}

export function snapshotsOption(snaps: readonly ElasticitySnapshot[], selectedEpoch?: number, stat: 'pearson' | 'spearman' = 'pearson'): EChartsOption {
  const sorted = [...snaps].sort((a, b) => a.epoch - b.epoch);
  const measures = snapshotMeasures(sorted);
  return {
    ...baseOption,
    legend: { top: 4, right: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(Number(v), 3) },
    xAxis: valueAxis('epoch', { scale: false, min: 'dataMin', max: 'dataMax', splitLine: { show: false } }),
    yAxis: valueAxis(`${stat} (S, geodesic)`, { min: -1, max: 1, scale: false, nameGap: 40 }),
    series: measures.map((m, k) => ({
      name: m,
      type: 'line',
      symbol: 'circle',
      symbolSize: 5,
      data: sorted.map((s) => {
        const c = s.correlations[m];
        return [s.epoch, c && Number.isFinite(c[stat]) ? c[stat] : null];
      }),
      markLine:
        k === 0 && selectedEpoch !== undefined
          ? { silent: true, symbol: 'none', label: { formatter: `epoch ${selectedEpoch}`, position: 'insideEndTop' }, lineStyle: { color: '#d55e00' }, data: [{ xAxis: selectedEpoch }] }
          : undefined,
    })),
  };
}
