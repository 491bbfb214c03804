// The application menu: the standard edit/view/window roles plus a Help menu that opens the
// data folder and shows the versions.
import path from 'node:path';
import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export function installMenu(opts: { dbPath: string; dev: boolean }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(opts.dev ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open Data Folder', click: () => void shell.openPath(path.dirname(opts.dbPath)) },
        {
          label: 'About',
          click: () =>
            void dialog.showMessageBox({
              title: 'Local Elasticity Workbench',
              message: `Local Elasticity Workbench ${app.getVersion()}`,
              detail: `He & Su, "The Local Elasticity of Neural Networks" (ICLR 2020).\nElectron ${process.versions.electron}, Node ${process.versions.node}\nDatabase: ${opts.dbPath}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
