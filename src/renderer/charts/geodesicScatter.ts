// S against geodesic distance (synthetic runs): one point per pair i < j of probed
// positives, with the least-squares line and the Pearson correlation in the title.
import type { EChartsOption } from 'echarts';
import { fitLine, pearson } from '../numeric/stats';
import { baseOption, fmt, valueAxis } from './theme';

export interface PairSeries {
  /** geodesic distance of each pair */
  distance: number[];
  /** similarity of each pair */
  similarity: number[];
}

/** The upper-triangle pairs (i < j) of two n×n matrices, skipping non-finite entries. */
export function upperPairs(s: ArrayLike<number>, g: ArrayLike<number>, n: number): PairSeries {
  if (s.length !== n * n || g.length !== n * n) throw new Error(`upperPairs: expected two ${n}×${n} matrices`);
  const distance: number[] = [];
  const similarity: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = s[i * n + j], d = g[i * n + j];
      if (!Number.isFinite(a) || !Number.isFinite(d)) continue;
      distance.push(d);
      similarity.push(a);
    }
  }
  return { distance, similarity };
}

/** Every k-th pair so that at most `max` are drawn (the correlation still uses all of them). */
export function thinPairs(pairs: PairSeries, max: number): PairSeries {
  const n = pairs.distance.length;
  if (n <= max) return pairs;
  const step = n / max;
  const distance: number[] = [];
  const similarity: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.floor(k * step);
    distance.push(pairs.distance[i]);
    similarity.push(pairs.similarity[i]);
  }
  return { distance, similarity };
}

export function geodesicScatterOption(pairs: PairSeries, measure: string, color = '#0072b2', maxPoints = 20000): EChartsOption {
  const r = pearson(pairs.distance, pairs.similarity);
  const shown = thinPairs(pairs, maxPoints);
  const line = fitLine(pairs.distance, pairs.similarity);
  let lo = Infinity, hi = -Infinity;
  for (const d of pairs.distance) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  const series: Record<string, unknown>[] = [
    {
      name: `S (${measure})`,
      type: 'scatter',
      symbolSize: 3,
      large: shown.distance.length > 5000,
      itemStyle: { color, opacity: 0.55 },
      data: shown.distance.map((d, i) => [d, shown.similarity[i]]),
    },
  ];
  if (line && lo < hi)
    series.push({
      name: 'least squares',
      type: 'line',
      showSymbol: false,
      silent: true,
      lineStyle: { color: '#d55e00', width: 1.5, type: 'dashed' },
      data: [
        [lo, line.slope * lo + line.intercept],
        [hi, line.slope * hi + line.intercept],
      ],
    });
  return {
    ...baseOption,
    title: {
      text: `Pearson r = ${Number.isFinite(r) ? r.toFixed(3) : 'n/a'}  (${pairs.distance.length} pairs${shown !== pairs ? `, ${shown.distance.length} drawn` : ''})`,
      left: 'center',
      top: 4,
      textStyle: { fontSize: 12, fontWeight: 600 },
    },
    tooltip: { trigger: 'item', formatter: (p: unknown) => pointTip(p) },
    xAxis: valueAxis('geodesic distance'),
    yAxis: valueAxis(`S (${measure})`, { nameGap: 44 }),
    series,
  };
}

function pointTip(p: unknown): string {
  const v = (p as { value?: unknown }).value;
  return Array.isArray(v) ? `distance ${fmt(Number(v[0]))}<br>S ${fmt(Number(v[1]))}` : '';
}
