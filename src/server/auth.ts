// Who may talk to the browser-mode server. Bound to a loopback address (the default), only
// local clients can connect, and requests must name a loopback Host (DNS-rebinding guard).
// Bound elsewhere, every request needs the server's token — in the x-le-token header, the
// ?token= query or the le_token cookie — else 401 (none given) or 403 (wrong one). In both
// modes a browser request from another origin (Origin header) is refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';

export const TOKEN_HEADER = 'x-le-token';
export const TOKEN_COOKIE = 'le_token';

export interface AuthRequest {
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  url: string | undefined;
}
export type AuthDecision = { ok: true; tokenFromQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  if (net.isIPv4(a)) return a.startsWith('127.');
  return a === '::1';
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

function header(h: AuthRequest['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function cookie(h: AuthRequest['headers'], name: string): string | undefined {
  for (const part of (header(h, 'cookie') ?? '').split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return rest.join('=');
  }
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The host name in a Host header ("127.0.0.1:8080", "[::1]:80", "localhost"). */
function hostName(hostHeader: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(hostHeader.trim());
  return (m ? m[1] : hostHeader).toLowerCase();
}

export function createAuth(opts: { host: string; token: string }): (req: AuthRequest) => AuthDecision {
  const loopbackBind = isLoopbackHost(opts.host);
  return (req) => {
    const host = header(req.headers, 'host');
    const origin = header(req.headers, 'origin');
    if (origin && host) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== host) return { ok: false, status: 403, reason: 'cross-origin request refused' };
    }
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? undefined;
    if (loopbackBind) {
      if (!isLoopbackAddress(req.remoteAddress)) return { ok: false, status: 403, reason: 'only loopback clients are served' };
      if (!host || !isLoopbackHost(hostName(host))) return { ok: false, status: 403, reason: 'Host must be a loopback name' };
      return { ok: true, tokenFromQuery: false };
    }
    const given = header(req.headers, TOKEN_HEADER) ?? query ?? cookie(req.headers, TOKEN_COOKIE);
    if (!given) return { ok: false, status: 401, reason: 'a token is required (see the server log)' };
    if (!sameToken(given, opts.token)) return { ok: false, status: 403, reason: 'wrong token' };
    return { ok: true, tokenFromQuery: query !== undefined };
  };
}
