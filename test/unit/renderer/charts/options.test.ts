import { describe, it, expect } from 'vitest';
import {
  compareBarsOption,
  geodesicScatterOption,
  optionToSvg,
  pointsScatterOption,
  snapshotMeasures,
  snapshotsOption,
  spectrumOption,
  trainingCurvesOption,
  upperPairs,
  thinPairs,
  squareExtent,
} from '../../../../src/renderer/charts';
import { pearson } from '../../../../src/renderer/numeric/stats';

type Series = { type: string; name?: string; data: unknown[]; yAxisIndex?: number; markLine?: unknown };
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series;

describe('trainingCurvesOption', () => {
  const rows = [
    { epoch: 1, loss: 0.5, accuracy: 0.6 },
    { epoch: 2, loss: 0.25, accuracy: NaN },
    { epoch: 3, loss: 0.1, accuracy: 0.9 },
  ];
  it('loss on axis 0, accuracy on axis 1, NaN as gaps', () => {
    const [loss, acc] = seriesOf(trainingCurvesOption(rows));
    expect(loss.yAxisIndex).toBe(0);
    expect(acc.yAxisIndex).toBe(1);
    expect(loss.data).toEqual([[1, 0.5], [2, 0.25], [3, 0.1]]);
    expect(acc.data).toEqual([[1, 0.6], [2, null], [3, 0.9]]);
  });
  it('log axis only when every loss is positive', () => {
    const axes = (o: unknown): { type: string }[] => (o as { yAxis: { type: string }[] }).yAxis;
    expect(axes(trainingCurvesOption(rows, { logLoss: true }))[0].type).toBe('log');
    expect(axes(trainingCurvesOption([{ epoch: 0, loss: 0, accuracy: 1 }], { logLoss: true }))[0].type).toBe('value');
  });
  it('renders to SVG (empty and full)', () => {
    expect(optionToSvg(trainingCurvesOption(rows), 400, 240)).toMatch(/^<svg[\s\S]*loss[\s\S]*<\/svg>$/);
    expect(optionToSvg(trainingCurvesOption([]), 400, 240)).toMatch(/^<svg/);
  });
});

describe('geodesic scatter', () => {
  it('upperPairs equals a double loop over i < j and skips NaN', () => {
    const n = 4;
    const s = Array.from({ length: 16 }, (_, i) => i / 10);
    const g = Array.from({ length: 16 }, (_, i) => 16 - i);
    s[1] = NaN;
    const ref = { distance: [] as number[], similarity: [] as number[] };
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (Number.isFinite(s[i * n + j])) {
          ref.distance.push(g[i * n + j]);
          ref.similarity.push(s[i * n + j]);
        }
    expect(upperPairs(s, g, n)).toEqual(ref);
    expect(() => upperPairs([1], [1, 2], 1)).toThrow();
  });
  it('title shows the Pearson correlation of the pairs; the fit line spans the data', () => {
    const pairs = { distance: [0, 1, 2, 3, 4], similarity: [1, 0.8, 0.5, 0.45, 0.1] };
    const r = pearson(pairs.distance, pairs.similarity);
    const o = geodesicScatterOption(pairs, 'kernelized') as { title: { text: string } };
    expect(o.title.text).toContain(`r = ${r.toFixed(3)}`);
    const line = seriesOf(o)[1].data as number[][];
    expect(line[0][0]).toBe(0);
    expect(line[1][0]).toBe(4);
    expect(optionToSvg(o as never, 400, 300)).toContain(`${r.toFixed(3)}`);
  });
  it('thinPairs keeps at most max evenly spaced pairs; the title reports all pairs', () => {
    const distance = Array.from({ length: 1000 }, (_, i) => i);
    const pairs = { distance, similarity: distance.map((d) => -d) };
    const t = thinPairs(pairs, 100);
    expect(t.distance).toHaveLength(100);
    expect(t.distance[1]).toBe(10);
    expect(thinPairs(pairs, 5000)).toBe(pairs);
    const o = geodesicScatterOption(pairs, 'relative', '#000', 100) as { title: { text: string } };
    expect(o.title.text).toContain('r = -1.000  (1000 pairs, 100 drawn)');
    expect(seriesOf(o)[0].data).toHaveLength(100);
  });
  it('degenerate input: no pairs → r n/a, no fit line', () => {
    const o = geodesicScatterOption({ distance: [], similarity: [] }, 'relative') as { title: { text: string } };
    expect(o.title.text).toContain('n/a');
    expect(seriesOf(o)).toHaveLength(1);
  });
});

describe('spectrum, snapshots, bars, points', () => {
  it('spectrum ranks from 1 and falls back to a linear axis with non-positive values', () => {
    const o = spectrumOption([{ name: 'S', values: [5, 2, -1] }], { log: true }) as { yAxis: { type: string } };
    expect(seriesOf(o)[0].data).toEqual([[1, 5], [2, 2], [3, -1]]);
    expect(o.yAxis.type).toBe('value');
    expect(optionToSvg(o as never, 300, 200)).toMatch(/^<svg/);
  });
  it('snapshots: one line per measure, sorted by epoch, marker at the selected epoch', () => {
    const snaps = [
      { epoch: 10, correlations: { relative: { pearson: -0.5, spearman: -0.4 } } },
      { epoch: 0, correlations: { relative: { pearson: 0.1, spearman: 0.2 }, kernelized: { pearson: 0, spearman: 0 } } },
    ];
    expect(snapshotMeasures(snaps)).toEqual(['kernelized', 'relative']);
    const s = seriesOf(snapshotsOption(snaps, 10));
    expect(s.map((x) => x.name)).toEqual(['kernelized', 'relative']);
    expect(s[1].data).toEqual([[0, 0.1], [10, -0.5]]);
    expect(s[0].data).toEqual([[0, 0], [10, null]]);
    expect(s[0].markLine).toBeTruthy();
    expect(optionToSvg(snapshotsOption(snaps, 10), 300, 200)).toContain('epoch 10');
  });
  it('compare bars: one series per run, gaps for missing values', () => {
    const o = compareBarsOption(
      [
        { label: 'relu2', values: { relative: -0.8, kernelized: -0.7 } },
        { label: 'linear2', values: { relative: 0.1 } },
      ],
      ['relative', 'kernelized'],
      'Pearson r',
      [-1, 1],
    );
    expect(seriesOf(o).map((s) => s.data)).toEqual([[-0.8, -0.7], [0.1, null]]);
    expect(optionToSvg(o, 400, 260)).toContain('linear2');
  });
  it('points: by class one series per class, carrying the row index; by S one series with a visualMap', () => {
    const projected: [number, number, number][] = [[0, 0, 1], [1, 1, 0], [2, 0, 2]];
    const byClass = pointsScatterOption({ projected, groups: [1, 0, 1], selected: 2 });
    const s = seriesOf(byClass);
    expect(s.map((x) => x.name)).toEqual(['class 0', 'class 1', 'selected']);
    // far points (larger depth) first
    expect(s[1].data).toEqual([[2, 0, 2], [0, 0, 0]]);
    const byS = pointsScatterOption({ projected, groups: [1, 0, 1], values: [0.5, NaN, 1], scale: { min: 0, max: 1, palette: 'viridis' } });
    expect(seriesOf(byS)[0].data).toEqual([[1, 1, NaN, 1]]); // the unprobed point, grey
    expect(seriesOf(byS)[1].data).toEqual([[2, 0, 1, 2], [0, 0, 0.5, 0]]);
    expect((byS as { visualMap: { dimension: number } }).visualMap.dimension).toBe(2);
    expect(optionToSvg(byS, 300, 300)).toMatch(/^<svg/);
    expect(() => pointsScatterOption({ projected, groups: [1] })).toThrow(/groups/);
    // one symmetric scale on both axes
    const sq = pointsScatterOption({ projected: [[3.2, -7.9, 0]], groups: [0], plotSize: 300 }) as { xAxis: { min: number; max: number }; yAxis: { min: number; max: number }; grid: { width: number; height: number } };
    expect(squareExtent([[3.2, -7.9, 0]])).toBe(9);
    expect(squareExtent([])).toBe(1);
    expect([sq.xAxis.min, sq.xAxis.max, sq.yAxis.min, sq.yAxis.max]).toEqual([-9, 9, -9, 9]);
    expect(sq.grid.width).toBe(sq.grid.height);
  });
});
