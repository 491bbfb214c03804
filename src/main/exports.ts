// Exports in the desktop app: the user picks the file in a save dialog; the renderer never
// names a path.
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { ExportTarget } from '../server/handlers';

export function dialogExports(): ExportTarget {
  return {
    async choose(fileName) {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = {
        title: 'Export CSV',
        defaultPath: path.join(app.getPath('documents'), fileName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    done: (file) => ({ path: file }),
  };
}
