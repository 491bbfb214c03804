// Browser mode: `npm run serve [-- --port N] [--host H] [--db PATH] [--renderer DIR] [--token T]`.
// Serves the built renderer and the app's contract over HTTP + WebSocket. Binds 127.0.0.1 by
// default; bound elsewhere, every request needs the token printed at start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../store/paths';
import { createApp, type App } from './app';
import { createAuth, generateToken, isLoopbackHost } from './auth';
import { createBackend } from './compose';
import { createDownloads } from './downloads';

const here = path.dirname(fileURLToPath(import.meta.url));

function fail(message: string): never {
  process.stderr.write(`le serve: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.LE_PORT ?? '5178' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string' },
      renderer: { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0..65535, got ${values.port}`);
  const host = values.host;
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  const rendererDir = path.resolve(values.renderer ?? path.join(here, '../../out/renderer'));
  const hasRenderer = fs.existsSync(path.join(rendererDir, 'index.html'));
  const loopback = isLoopbackHost(host);
  const token = values.token ?? generateToken();

  const downloads = createDownloads();
  const events: { app?: App } = {};
  const backend = createBackend({
    mode: 'browser',
    dbPath,
    exports: downloads,
    emit: (event, payload) => events.app?.broadcast(event, payload),
  });
  const app = createApp({ table: backend.table, auth: createAuth({ host, token }), downloads, rendererDir: hasRenderer ? rendererDir : null, token });
  events.app = app;
  const addr = await app.listen(port, host);
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shown}:${addr.port}/${loopback ? '' : `?token=${token}`}`;
  process.stdout.write(`Local Elasticity Workbench (browser mode)\n  database: ${dbPath}\n`);
  if (!hasRenderer) process.stdout.write(`  renderer: not built (${rendererDir}); run npm run build — the API still works\n`);
  if (!loopback) process.stdout.write(`  bound to ${host}: every request needs the token ${token}\n`);
  process.stdout.write(`  open ${url}\n`);
  process.stdout.write(`LE_SERVER_READY ${JSON.stringify({ url, port: addr.port, host, token: loopback ? null : token })}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await backend.close();
      await app.close();
      downloads.dispose();
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
