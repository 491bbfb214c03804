// SVG export of any option: ECharts' server-side SVG renderer needs no DOM, so the same
// option that is on screen is re-rendered as a standalone SVG document.
import { init } from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { registerCharts } from './echarts';

export function optionToSvg(option: EChartsOption, width: number, height: number): string {
  registerCharts();
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
