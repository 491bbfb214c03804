// Loss and training accuracy per epoch on two y-axes.
import type { EChartsOption } from 'echarts';
import type { EpochMetrics } from '../../shared/results';
import { baseOption, fmt, valueAxis } from './theme';

export interface TrainingCurveOptions {
  /** log-scale loss axis (only when every loss is positive) */
  logLoss?: boolean;
}

export function trainingCurvesOption(rows: readonly EpochMetrics[], opts: TrainingCurveOptions = {}): EChartsOption {
  const finite = rows.filter((r) => Number.isFinite(r.epoch));
  const canLog = !!opts.logLoss && finite.length > 0 && finite.every((r) => r.loss > 0);
  return {
    ...baseOption,
    grid: { ...baseOption.grid, right: 56 },
    legend: { top: 4, right: 8, itemWidth: 16, itemHeight: 8 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(Number(v)) },
    xAxis: valueAxis('epoch', { scale: false, min: 'dataMin', max: 'dataMax', splitLine: { show: false } }),
    yAxis: [
      valueAxis(canLog ? 'loss (log)' : 'loss', canLog ? { type: 'log', scale: false } : {}),
      valueAxis('accuracy', { min: 0, max: 1, scale: false, splitLine: { show: false }, nameGap: 36 }),
    ],
    series: [
      {
        name: 'loss',
        type: 'line',
        showSymbol: finite.length < 60,
        symbolSize: 4,
        yAxisIndex: 0,
        data: finite.map((r) => [r.epoch, Number.isFinite(r.loss) ? r.loss : null]),
        lineStyle: { width: 1.5 },
      },
      {
        name: 'accuracy',
        type: 'line',
        showSymbol: finite.length < 60,
        symbolSize: 4,
        yAxisIndex: 1,
        data: finite.map((r) => [r.epoch, Number.isFinite(r.accuracy) ? r.accuracy : null]),
        lineStyle: { width: 1.5 },
      },
    ],
  };
}
