// Composition root of the desktop app: the shared back end (store, job queue, handler table),
// IPC, the app:// protocol, the menu and the window. The main thread never trains: runs go to
// worker threads (out/main/worker.js).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { defaultDbPath } from '../store/paths';
import { createBackend, type Backend } from '../server/compose';
import { dialogExports } from './exports';
import { registerIpc, sendEvent } from './ipc';
import { installMenu } from './menu';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const devUrl = process.env.ELECTRON_RENDERER_URL;
const startUrl = devUrl ?? `${APP_ORIGIN}/index.html`;
const isTrustedUrl = (url: string): boolean => url.startsWith(`${APP_ORIGIN}/`) || (!!devUrl && url.startsWith(devUrl));

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let backend: Backend | undefined;

function openWindow(): void {
  createMainWindow({
    preload: path.join(here, '../preload/index.cjs'),
    url: startUrl,
    isTrustedUrl,
    icon: path.join(here, '../../resources/icon.png'),
  });
}

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(() => {
  const dbPath = defaultDbPath();
  backend = createBackend({
    mode: 'electron',
    dbPath,
    exports: dialogExports(),
    emit: sendEvent,
    workerUrl: pathToFileURL(path.join(here, 'worker.js')),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
  });
  serveRenderer(path.join(here, '../renderer'));
  registerIpc(backend.table, isTrustedUrl);
  installMenu({ dbPath, dev: !!devUrl });
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}).catch((err: unknown) => {
  console.error('startup failed:', err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !backend) return;
  e.preventDefault();
  quitting = true;
  void backend.close().finally(() => app.quit());
});
