// The main window: sandboxed, context-isolated, no Node in the renderer, no new windows, no
// navigation away from the app, every permission request denied; geometry remembered.
import path from 'node:path';
import { app, BrowserWindow, screen, session, shell } from 'electron';
import { loadWindowState, saveWindowState } from './windowState';

export interface WindowOptions {
  preload: string;
  /** The URL the window loads (app://bundle/index.html, or the dev server). */
  url: string;
  isTrustedUrl(url: string): boolean;
  icon?: string;
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Local Elasticity Workbench',
    icon: opts.icon,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!opts.isTrustedUrl(url)) e.preventDefault();
  });
  win.webContents.on('will-redirect', (e, url) => {
    if (!opts.isTrustedUrl(url)) e.preventDefault();
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const save = (): void => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    saveWindowState(stateFile, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  win.on('close', save);
  void win.loadURL(opts.url);
  return win;
}
