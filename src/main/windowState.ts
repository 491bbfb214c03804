// The remembered window geometry: a small JSON file in userData, validated on read (a broken or
// hand-edited file falls back to defaults) and kept on a visible display. No Electron imports:
// the caller passes the displays' work areas.
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState extends Partial<Pick<Rect, 'x' | 'y'>> {
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1400, height: 900, maximized: false };
const MIN = { width: 800, height: 560 };

const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);

/** Parses a saved state; anything malformed gives the defaults. */
export function parseWindowState(text: string | undefined): WindowState {
  if (!text) return { ...DEFAULT_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_STATE };
  }
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  const width = int(r.width);
  const height = int(r.height);
  if (width === undefined || height === undefined) return { ...DEFAULT_STATE };
  const x = int(r.x);
  const y = int(r.y);
  return {
    width: Math.min(Math.max(width, MIN.width), 10000),
    height: Math.min(Math.max(height, MIN.height), 10000),
    maximized: r.maximized === true,
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
  };
}

/** Keeps the window on a display: a position whose window does not overlap any work area is dropped. */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = workAreas.some(
    (a) => x + 100 <= a.x + a.width && x + state.width - 100 >= a.x && y >= a.y && y + 50 <= a.y + a.height,
  );
  if (visible) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}

export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  return fitToDisplays(parseWindowState(text), workAreas);
}

export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}
