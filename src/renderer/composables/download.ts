// Saving what the renderer draws (PNG/SVG of charts): an <a download> click, which Electron
// turns into a save dialog and a browser into a download.
import { downloadUrl } from '../../shared/httpClient';

export { downloadUrl };
export function downloadText(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe slug: "torus, relu2 #12" → "torus-relu2-12". */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
