// The contract over Electron IPC: one ipcMain.handle per channel, each answering through the
// shared handler table's dispatch (validation, errors as data). Only the app's own window may
// call; events go to every live window.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName, type Events } from '../shared/contract';
import { dispatch, type HandlerTable } from '../server/handlers';

export function registerIpc(table: HandlerTable, isTrustedUrl: (url: string) => boolean): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url))
        return { ok: false, error: { code: 'invalid_input', message: `refused: ${channel} from an untrusted frame` } };
      return dispatch(table, channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

export function sendEvent<E extends EventName>(event: E, payload: Events[E]): void {
  for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(event, payload);
}
