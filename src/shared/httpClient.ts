// The browser-mode ApiClient: POST /api/<channel> for requests, one WebSocket on /events for
// pushed events. Pure fetch/WebSocket (DOM only); bundled into the renderer, which uses it
// when window.api (the Electron preload) is absent.
//
// Authentication: on a non-loopback server the page is opened as http://host:port/?token=T.
// The server answers that page with an HttpOnly same-site cookie, so later fetches and the
// WebSocket carry it; the client also sends the token in the x-le-token header when it knows it.
import type { ApiClient, Channel, EventName, Events, ReqArgs, Res } from './contract';
import type { Result } from './errors';
import { BINARY_CONTENT_TYPE, decodeWire } from './wire';

export interface HttpClientOptions {
  /** Origin of the server; default: the page's own origin. */
  baseUrl?: string;
  /** Access token; default: the page URL's ?token=, if any. */
  token?: string;
  /** For export:csv, start the browser download of the returned url (default true). */
  autoDownload?: boolean;
}

export const TOKEN_HEADER = 'x-le-token';

type Listener = (payload: unknown) => void;

// DOM globals reached through globalThis so this file also typechecks under the node config.
interface DomLike {
  location?: { origin: string; href: string; search: string };
  document?: {
    createElement(tag: 'a'): { href: string; download: string; rel: string; click(): void; remove(): void };
    body: { appendChild(node: unknown): unknown };
  };
}
const dom = globalThis as unknown as DomLike;

function pageToken(): string | undefined {
  if (!dom.location) return undefined;
  return new URLSearchParams(dom.location.search).get('token') ?? undefined;
}

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/** Saves `url` as `fileName` through an <a download> click (a save dialog in Electron). */
export function downloadUrl(url: string, fileName: string): void {
  const document = dom.document;
  if (!document) return;
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const base = (options.baseUrl ?? dom.location?.origin ?? '').replace(/\/$/, '');
  const token = options.token ?? pageToken();
  const listeners = new Map<EventName, Set<Listener>>();
  let socket: WebSocket | undefined;
  let retry = 0;

  function connect(): void {
    if (socket || listeners.size === 0) return;
    const url = new URL(`${base}/events`, dom.location?.href ?? base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token) url.searchParams.set('token', token);
    const ws = new WebSocket(url.toString());
    socket = ws;
    ws.onopen = () => {
      retry = 0;
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      let msg: { event?: unknown; payload?: unknown };
      try {
        msg = JSON.parse(ev.data) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      const set = listeners.get(msg.event as EventName);
      if (set) for (const cb of [...set]) cb(msg.payload);
    };
    ws.onclose = () => {
      if (socket === ws) socket = undefined;
      if (listeners.size === 0) return;
      const delay = Math.min(10_000, 250 * 2 ** retry++);
      setTimeout(connect, delay);
    };
  }

  async function invoke<C extends Channel>(channel: C, ...args: ReqArgs<C>): Promise<Result<Res<C>>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers[TOKEN_HEADER] = token;
    let response: Response;
    try {
      response = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: JSON.stringify(args[0] ?? {}),
      });
    } catch (err) {
      return failure(`server unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    let result: Result<Res<C>>;
    try {
      const type = response.headers.get('content-type') ?? '';
      result = type.startsWith(BINARY_CONTENT_TYPE)
        ? (decodeWire(new Uint8Array(await response.arrayBuffer())) as Result<Res<C>>)
        : ((await response.json()) as Result<Res<C>>);
    } catch {
      return failure(`HTTP ${response.status}: the server sent an unreadable answer`);
    }
    if (!result || typeof result !== 'object' || !('ok' in result)) return failure(`HTTP ${response.status}`);
    if (result.ok && channel === 'export:csv' && options.autoDownload !== false) {
      const value = result.value as Res<'export:csv'>;
      if (value.url) downloadUrl(`${base}${value.url}`, value.fileName);
    }
    return result;
  }

  function on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const listener = cb as Listener;
    set.add(listener);
    connect();
    return () => {
      const s = listeners.get(event);
      s?.delete(listener);
      if (s && s.size === 0) listeners.delete(event);
      if (listeners.size === 0 && socket) {
        socket.close();
        socket = undefined;
      }
    };
  }

  return { invoke, on };
}
