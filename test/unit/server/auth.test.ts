import { describe, it, expect } from 'vitest';
import { createAuth, isLoopbackAddress, TOKEN_HEADER } from '../../../src/server/auth';
import { TOKEN_HEADER as CLIENT_HEADER } from '../../../src/shared/httpClient';

const req = (remoteAddress: string, headers: Record<string, string> = {}, url = '/') => ({ remoteAddress, headers, url });

describe('server auth', () => {
  it('classifies loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined]) expect(isLoopbackAddress(a)).toBe(false);
  });

  it('bound to loopback: serves local clients, refuses remote ones and foreign Host names', () => {
    const auth = createAuth({ host: '127.0.0.1', token: 't' });
    expect(auth(req('127.0.0.1', { host: '127.0.0.1:5178' }))).toMatchObject({ ok: true });
    expect(auth(req('::1', { host: 'localhost:5178' }))).toMatchObject({ ok: true });
    expect(auth(req('10.1.2.3', { host: '127.0.0.1:5178' }))).toMatchObject({ ok: false, status: 403 });
    expect(auth(req('127.0.0.1', { host: 'evil.example:5178' }))).toMatchObject({ ok: false, status: 403 });
    expect(auth(req('127.0.0.1', { host: '127.0.0.1:5178', origin: 'http://evil.example' }))).toMatchObject({ ok: false, status: 403 });
  });

  it('bound elsewhere: 401 without a token, 403 with a wrong one, ok with header, query or cookie', () => {
    const token = 'S3cret-token_value';
    const auth = createAuth({ host: '0.0.0.0', token });
    const host = { host: '192.168.1.5:5178' };
    expect(auth(req('192.168.1.9', host))).toMatchObject({ ok: false, status: 401 });
    expect(auth(req('127.0.0.1', host))).toMatchObject({ ok: false, status: 401 });
    expect(auth(req('192.168.1.9', { ...host, [TOKEN_HEADER]: 'wrong' }))).toMatchObject({ ok: false, status: 403 });
    expect(auth(req('192.168.1.9', { ...host, [TOKEN_HEADER]: token + 'x' }))).toMatchObject({ ok: false, status: 403 });
    expect(auth(req('192.168.1.9', { ...host, [TOKEN_HEADER]: token }))).toEqual({ ok: true, tokenFromQuery: false });
    expect(auth(req('192.168.1.9', host, `/?token=${token}`))).toEqual({ ok: true, tokenFromQuery: true });
    expect(auth(req('192.168.1.9', { ...host, cookie: `a=b; le_token=${token}` }))).toMatchObject({ ok: true });
    expect(auth(req('192.168.1.9', { ...host, cookie: 'le_token=nope' }))).toMatchObject({ ok: false, status: 403 });
    expect(auth(req('192.168.1.9', { ...host, [TOKEN_HEADER]: token, origin: 'http://other:1' }))).toMatchObject({ ok: false, status: 403 });
  });

  it('uses the same header name as the browser client', () => {
    expect(CLIENT_HEADER).toBe(TOKEN_HEADER);
  });
});
