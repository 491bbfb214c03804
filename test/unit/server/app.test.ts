import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../../../src/server/app';
import { createAuth } from '../../../src/server/auth';
import { createDownloads } from '../../../src/server/downloads';
import type { HandlerTable } from '../../../src/server/handlers';
import { createHttpClient } from '../../../src/shared/httpClient';
import { LeError } from '../../../src/shared/errors';

const N = 2000;
const big = Float32Array.from({ length: N * N }, (_, k) => Math.sin(k));
const downloads = createDownloads();
const table = {
  'runs:matrix': (req: { id: number; name: string }) => ({
    name: req.name, rows: N, cols: N, fullSize: N, data: big, ids: [], groups: [], min: -1, max: 1,
  }),
  'runs:get': (req: { id: number }) => {
    throw new LeError('not_found', `run ${req.id} not found`);
  },
  'export:csv': async () => {
    const file = (await downloads.choose('x.csv'))!;
    (await import('node:fs')).writeFileSync(file, 'a,b\n1,2\n');
    return { saved: true, fileName: 'x.csv', ...downloads.done(file, 'x.csv') };
  },
} as unknown as HandlerTable;

let app: App;
let base: string;
beforeAll(async () => {
  app = createApp({ table, auth: createAuth({ host: '127.0.0.1', token: 't' }), downloads, rendererDir: null });
  const addr = await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  await app.close();
  downloads.dispose();
});

const post = (channel: string, body: string, type = 'application/json') =>
  fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'content-type': type }, body });

describe('browser-mode server', () => {
  it('answers malformed HTTP messages with errors, not crashes', async () => {
    const r1 = await post('runs:get', '{not json');
    expect(r1.status).toBe(400);
    expect(await r1.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const r2 = await post('runs:get', '{"id":"1"}');
    expect(await r2.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const r3 = await post('no:such', '{}');
    expect(await r3.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const r4 = await post('runs:get', '{"id":1}', 'text/plain');
    expect(r4.status).toBe(415);
    const r5 = await post('runs:get', JSON.stringify({ id: 1, pad: 'x'.repeat(2 << 20) }));
    expect(r5.status).toBe(413);
    const r6 = await fetch(`${base}/api/runs:get`);
    expect(r6.status).toBe(405);
    const r7 = await post('runs:get', '{"id":9}');
    expect(await r7.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'run 9 not found' } });
    const r8 = await fetch(`${base}/anything`);
    expect(r8.status).toBe(404);
    expect(r8.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sends a 2000×2000 float32 matrix as binary through the client', async () => {
    const client = createHttpClient({ baseUrl: base });
    const t0 = performance.now();
    const r = await client.invoke('runs:matrix', { id: 1, name: 'similarity-relative' });
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.data).toBeInstanceOf(Float32Array);
    expect(r.value.data.length).toBe(N * N);
    expect(r.value.data[12345]).toBe(big[12345]);
    const raw = await post('runs:matrix', '{"id":1,"name":"m"}');
    const bytes = (await raw.arrayBuffer()).byteLength;
    expect(bytes).toBeLessThan(N * N * 4 + 1024);
    console.log(`runs:matrix 2000×2000 over HTTP: ${(bytes / 1e6).toFixed(1)} MB, ${ms.toFixed(0)} ms round trip`);
  });

  it('pushes events over the WebSocket and serves one-time downloads', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/events`);
    await new Promise((r) => ws.once('open', r));
    const got = new Promise<string>((r) => ws.once('message', (d: Buffer) => r(d.toString())));
    app.broadcast('runs:changed', { ids: [3] });
    expect(JSON.parse(await got)).toEqual({ event: 'runs:changed', payload: { ids: [3] } });
    ws.close();
    const client = createHttpClient({ baseUrl: base, autoDownload: false });
    const r = await client.invoke('export:csv', { what: 'runs' });
    expect(r.ok).toBe(true);
    const url = r.ok ? r.value.url : undefined;
    const d1 = await fetch(`${base}${url}`);
    expect(d1.headers.get('content-disposition')).toContain('x.csv');
    expect(await d1.text()).toBe('a,b\n1,2\n');
    expect((await fetch(`${base}${url}`)).status).toBe(404);
  });

  it('refuses a WebSocket from another origin', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/events`, { origin: 'http://evil.example' });
    const outcome = await new Promise<string>((r) => {
      ws.once('open', () => r('open'));
      ws.once('error', () => r('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
