// The renderer is served from app://bundle/ (not file://): only files under out/renderer are
// reachable, with the same traversal checks and CSP headers as the browser-mode server.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { SECURITY_HEADERS, resolveStatic } from '../server/static';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'bundle') return new Response('not found', { status: 404 });
    const r = resolveStatic(rendererDir, url.pathname);
    if (!r.ok) return new Response(String(r.status), { status: r.status });
    const body = Readable.toWeb(fs.createReadStream(r.file)) as ReadableStream;
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': r.type } });
  });
}
