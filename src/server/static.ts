// Serving the built renderer (out/renderer) without ever leaving its folder: the URL path is
// decoded once, must not hold NUL bytes or backslashes, and the resolved file must lie inside
// the root (symlinks included: the real path is checked too). Shared with Electron's app://
// protocol handler.
import fs from 'node:fs';
import path from 'node:path';

export type StaticResolution = { ok: true; file: string; type: string } | { ok: false; status: 400 | 403 | 404 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Maps a request path ('/assets/x.js', '/') to a file under root, or says why not. */
export function resolveStatic(root: string, urlPath: string): StaticResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { ok: false, status: 400 };
  const rootAbs = path.resolve(root);
  const file = path.resolve(rootAbs, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  if (!inside(rootAbs, file)) return { ok: false, status: 403 };
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { ok: false, status: 404 };
  }
  if (!inside(fs.realpathSync(rootAbs), real)) return { ok: false, status: 403 };
  if (!fs.statSync(real).isFile()) return { ok: false, status: 404 };
  return { ok: true, file: real, type: contentType(real) };
}

/** The Content-Security-Policy of the renderer (browser mode and Electron alike). */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
