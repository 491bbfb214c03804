import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState } from '../../../src/main/windowState';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('falls back to defaults for missing or malformed files', () => {
    for (const t of [undefined, '', '{', 'null', '[]', '{"width":"big","height":3}'])
      expect(parseWindowState(t)).toEqual(DEFAULT_STATE);
  });

  it('clamps sizes and keeps a position only when it is on a display', () => {
    expect(parseWindowState('{"width":10,"height":99999,"x":5,"y":6,"maximized":true}')).toEqual({
      width: 800, height: 10000, x: 5, y: 6, maximized: true,
    });
    const off = fitToDisplays({ width: 1000, height: 700, x: 5000, y: 5000, maximized: false }, screen);
    expect(off).toEqual({ width: 1000, height: 700, maximized: false });
    const on = { width: 1000, height: 700, x: 100, y: 100, maximized: false };
    expect(fitToDisplays(on, screen)).toEqual(on);
  });

  it('saves and loads through a file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'le-win-')), 'sub', 'window-state.json');
    const s = { width: 1200, height: 800, x: 10, y: 20, maximized: false };
    saveWindowState(file, s);
    expect(loadWindowState(file, screen)).toEqual(s);
    fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
  });
});
