// A standalone SVG of a heat-map image with its colour bar (the canvas itself gives the PNG).
import { paletteStops } from './palette';
import type { ColorScale } from './colorScale';
import { fmt } from './theme';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function heatmapSvg(imageDataUrl: string, size: number, scale: ColorScale, title: string): string {
  const stops = paletteStops(scale.palette);
  const barX = size + 24, top = 28, w = size + 90, h = size + top + 10;
  const grad = stops.map((c, i) => `<stop offset="${((i / (stops.length - 1)) * 100).toFixed(1)}%" stop-color="${c}"/>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="0" y="16" font-size="12" font-weight="600">${esc(title)}</text>`,
    `<image x="0" y="${top}" width="${size}" height="${size}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${imageDataUrl}" xlink:href="${imageDataUrl}"/>`,
    `<defs><linearGradient id="cb" x1="0" y1="1" x2="0" y2="0">${grad}</linearGradient></defs>`,
    `<rect x="${barX}" y="${top}" width="12" height="${size}" fill="url(#cb)" stroke="#cfd4da"/>`,
    `<text x="${barX + 16}" y="${top + 9}">${esc(fmt(scale.max, 3))}</text>`,
    `<text x="${barX + 16}" y="${top + size}">${esc(fmt(scale.min, 3))}</text>`,
    `</svg>`,
  ].join('');
}
