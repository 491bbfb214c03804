// Canvas work of the heat map: the one-pixel-per-cell image (offscreen) and its scaled
// paint with class-block boundaries. Returns how long building took, for the footer.
import { matrixToRgba } from '../charts/heatmapImage';
import type { ColorScale } from '../charts/colorScale';

export function buildHeatmapImage(data: ArrayLike<number>, n: number, scale: ColorScale, order: readonly number[]): { image: HTMLCanvasElement; ms: number } {
  const t0 = performance.now();
  const image = document.createElement('canvas');
  image.width = Math.max(1, n);
  image.height = Math.max(1, n);
  if (n > 0) image.getContext('2d')?.putImageData(new ImageData(matrixToRgba(data, n, scale, order), n, n), 0, 0);
  return { image, ms: performance.now() - t0 };
}

/** Paints `image` onto `canvas` at size×size CSS pixels (device-pixel sharp) with white block lines. */
export function paintHeatmap(canvas: HTMLCanvasElement, image: HTMLCanvasElement, size: number, n: number, blockStarts: readonly number[], lineColor = '#ffffff'): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(size * dpr);
  canvas.height = Math.round(size * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx || n === 0) return;
  ctx.imageSmoothingEnabled = n > canvas.width; // average when shrinking, crisp cells when enlarging
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  if (!blockStarts.length) return;
  ctx.strokeStyle = lineColor;
  ctx.lineWidth = Math.max(1, dpr);
  const k = canvas.width / n;
  for (const start of blockStarts) {
    const p = Math.round(start * k) + 0.5;
    ctx.beginPath();
    ctx.moveTo(p, 0);
    ctx.lineTo(p, canvas.height);
    ctx.moveTo(0, p);
    ctx.lineTo(canvas.width, p);
    ctx.stroke();
  }
}
