// The browser-mode HTTP + WebSocket server: POST /api/<channel> runs the shared handler table,
// GET /events upgrades to a WebSocket that receives every contract event, GET /download/<id>
// fetches an export, anything else is the built renderer. Every request passes `auth` first.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, Events } from '../shared/contract';
import type { Result } from '../shared/errors';
import { BINARY_CONTENT_TYPE, encodeWire } from '../shared/wire';
import { TOKEN_COOKIE, type AuthDecision, type AuthRequest } from './auth';
import type { Downloads } from './downloads';
import { dispatch, type HandlerTable } from './handlers';
import { SECURITY_HEADERS, resolveStatic } from './static';

export interface AppOptions {
  table: HandlerTable;
  auth: (req: AuthRequest) => AuthDecision;
  downloads: Downloads;
  /** The built renderer (out/renderer); null serves only the API. */
  rendererDir: string | null;
  /** The token, to set as a cookie when the page is opened with ?token= (non-loopback mode). */
  token?: string;
  maxBodyBytes?: number;
}

export interface App {
  server: http.Server;
  broadcast<E extends EventName>(event: E, payload: Events[E]): void;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const wire = encodeWire(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': typeof wire === 'string' ? 'application/json; charset=utf-8' : BINARY_CONTENT_TYPE,
    'cache-control': 'no-store',
  });
  res.end(wire);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // stop buffering; the rest drains unread and the answer closes the connection
        chunks.length = 0;
        resolve('too-large');
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const fail = (code: 'invalid_input' | 'not_found', message: string): Result<never> => ({ ok: false, error: { code, message } });

export function createApp(opts: AppOptions): App {
  const limit = opts.maxBodyBytes ?? 1 << 20;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const clients = new Set<WebSocket>();

  async function api(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_input', 'use POST'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendJson(res, 415, fail('invalid_input', 'content-type must be application/json'));
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, fail('invalid_input', `request body over ${limit} bytes`));
    }
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      return sendJson(res, 400, fail('invalid_input', 'request body is not valid JSON'));
    }
    const result = await dispatch(opts.table, channel, payload);
    sendJson(res, result.ok ? 200 : result.error.code === 'invalid_input' ? 400 : 200, result);
  }

  function download(res: http.ServerResponse, id: string): void {
    const entry = opts.downloads.take(id);
    if (!entry || !fs.existsSync(entry.file)) return sendJson(res, 404, fail('not_found', 'no such download (they are one-time)'));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${entry.fileName.replace(/["\\\r\n]/g, '_')}"`,
      'content-length': String(fs.statSync(entry.file).size),
      'cache-control': 'no-store',
    });
    fs.createReadStream(entry.file)
      .on('close', () => fs.rmSync(entry.file, { force: true }))
      .pipe(res);
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, path: string, tokenFromQuery: boolean): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('invalid_input', 'use GET'));
    if (!opts.rendererDir) return sendJson(res, 404, fail('not_found', 'the renderer is not built; run npm run build'));
    const r = resolveStatic(opts.rendererDir, path);
    if (!r.ok) {
      res.writeHead(r.status, { ...SECURITY_HEADERS, 'content-type': 'text/plain' });
      return void res.end(`${r.status}`);
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': r.type };
    if (tokenFromQuery && opts.token && r.type.startsWith('text/html'))
      headers['set-cookie'] = `${TOKEN_COOKIE}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(r.file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const decision = opts.auth({ remoteAddress: req.socket.remoteAddress, headers: req.headers, url: req.url });
    if (!decision.ok) {
      res.writeHead(decision.status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(`${decision.status}: ${decision.reason}\n`);
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const handle = async (): Promise<void> => {
      if (path.startsWith('/api/')) return api(req, res, path.slice(5).replace(/%3A/gi, ':'));
      if (path.startsWith('/download/')) return download(res, path.slice(10));
      return serveStatic(req, res, path, decision.tokenFromQuery);
    };
    handle().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(err) } });
      else res.destroy();
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const decision = opts.auth({ remoteAddress: req.socket.remoteAddress, headers: req.headers, url: req.url });
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!decision.ok || path !== '/events') {
      socket.end(`HTTP/1.1 ${decision.ok ? 404 : decision.status} Refused\r\nconnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('error', () => clients.delete(ws));
      ws.on('message', () => undefined); // events flow one way; client messages are ignored
    });
  });

  return {
    server,
    broadcast(event, payload) {
      const text = JSON.stringify({ event, payload });
      for (const ws of clients) if (ws.readyState === ws.OPEN && ws.bufferedAmount < 4 << 20) ws.send(text);
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    close: () =>
      new Promise((resolve) => {
        for (const ws of clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
