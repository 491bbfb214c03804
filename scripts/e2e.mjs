#!/usr/bin/env node
// npm run test:e2e: builds the app if needed, starts the browser-mode server on a free loopback
// port with a temporary database, runs test/e2e/*.spec.ts (vitest + playwright-core + Debian
// chromium) against it, and stops the server. Screenshots land in docs/screenshots/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const log = (m) => process.stderr.write(`[e2e] ${m}\n`);

function newestMtime(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const index = path.join(root, 'out/renderer/index.html');
const stale = !fs.existsSync(index) || newestMtime(path.join(root, 'src')) > fs.statSync(index).mtimeMs;
if (stale || process.argv.includes('--build')) {
  log('building (electron-vite build)…');
  const b = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'le-e2e-'));
// node itself (not npx → tsx → node), so that stopping it stops the server
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--db', path.join(tmp, 'e2e.db')], {
  cwd: root,
  env: { ...process.env, LE_BACKEND: process.env.LE_BACKEND ?? '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const url = await new Promise((resolve, reject) => {
  let buf = '';
  const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
  server.stdout.on('data', (d) => {
    buf += d;
    const m = /LE_SERVER_READY (\{.*\})/.exec(buf);
    if (m) {
      clearTimeout(timer);
      resolve(JSON.parse(m[1]).url);
    }
  });
  server.on('exit', (code) => reject(new Error(`server exited with code ${code}`)));
}).catch((err) => {
  log(err.message);
  process.exit(1);
});
log(`server at ${url}`);

const extra = process.argv.slice(2).filter((a) => a !== '--build');
const t = spawnSync(npx, ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts', ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LE_E2E_URL: url },
});
stop();
process.exit(t.status ?? 1);
