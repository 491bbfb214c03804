// Headless Debian Chromium via playwright-core (never `playwright install`), and the selectors
// the e2e specs use — one place to adjust when the renderer's data-testids change.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.LE_CHROMIUM ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const T = {
  nav: (view: 'builder' | 'runs' | 'compare' | 'status') => `[data-testid="nav-${view}"]`,
  tabJson: '[data-testid="tab-json"]',
  configJson: '[data-testid="config-json"]',
  configValid: '[data-testid="config-valid"]',
  startPair: '[data-testid="start-pair"]',
  startOk: '[data-testid="start-ok"]',
  progress: '[data-testid="progress-bar"]',
  runsRow: '[data-testid="runs-row"]',
  runSelect: '[data-testid="run-select"]',
  runLink: '[data-testid="run-link"]',
  statusBadge: '[data-testid="status-badge"]',
  compareButton: '[data-testid="compare-button"]',
  heatmap: '[data-testid="heatmap-canvas"]',
  exportCsv: '[data-testid="export-csv"]',
  matrixExportCsv: '[data-testid="similarity-panel"] [data-testid="export-csv"]',
  statusBackend: '[data-testid="status-backend"]',
};

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set LE_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** Fraction of a canvas's pixels that are neither transparent nor white. */
export function inkFraction(page: Page, selector: string, index = 0): Promise<number> {
  return page.$$eval(
    selector,
    (els, i) => {
      // DOM types are not in the node tsconfig: the canvas as far as this check needs it
      type Canvas2d = { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
      const c = els[i] as unknown as { width: number; height: number; getContext(k: '2d'): Canvas2d | null } | undefined;
      if (!c || !c.width || !c.height) return 0;
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let k = 0; k < d.length; k += 4) if (d[k + 3] > 0 && (d[k] < 245 || d[k + 1] < 245 || d[k + 2] < 245)) ink++;
      return ink / (d.length / 4);
    },
    index,
  );
}
