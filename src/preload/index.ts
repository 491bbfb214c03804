// The preload: exposes the typed ApiClient as window.api and nothing else — never ipcRenderer
// itself. Unknown channels and events are refused here; main validates every payload again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiClient, Channel, EventName } from '../shared/contract';
import { CHANNELS, EVENT_NAMES } from '../shared/contract';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

const api: ApiClient = {
  invoke(channel: Channel, ...args: unknown[]) {
    if (!channels.has(channel))
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: `unknown channel ${String(channel)}` } });
    return ipcRenderer.invoke(channel, args[0]) as ReturnType<ApiClient['invoke']>;
  },
  on(event: EventName, cb: (payload: never) => void) {
    if (!events.has(event) || typeof cb !== 'function') return () => undefined;
    const listener = (_e: IpcRendererEvent, payload: unknown): void => (cb as (p: unknown) => void)(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
} as ApiClient;

contextBridge.exposeInMainWorld('api', api);
