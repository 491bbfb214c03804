// Where the job worker's entry lives, and how to start it. After electron-vite bundling it is
// out/main/worker.js next to the bundle (this module may sit in out/main/chunks/) and starts
// directly. Under tsx / vitest it is the TypeScript source next to this module; Node 20 ignores
// `--import tsx` in a worker's execArgv for the entry itself, so a .ts entry is started through
// a small eval'd bootstrap that loads it with tsx's tsImport.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LeError } from '../shared/errors';

export function defaultWorkerUrl(base: string = import.meta.url): URL {
  const candidates = ['./worker.ts', './worker.js', '../worker.js'].map((rel) => new URL(rel, base));
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found)
    throw new LeError('internal', `job worker entry not found next to ${fileURLToPath(base)} (looked for worker.ts, worker.js, ../worker.js)`);
  return found;
}

/** The ESM build of tsx's API (tsImport), resolved from this package's node_modules. */
function tsxApiUrl(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const esm = cjs.replace(/index\.cjs$/, 'index.mjs');
  return pathToFileURL(existsSync(esm) ? esm : cjs).href;
}

const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.__bootstrap.api).then((m) => (m.tsImport || m.default.tsImport)(workerData.__bootstrap.entry, workerData.__bootstrap.entry));`;

/** Starts a worker on a .js entry directly, or on a .ts entry through tsx. */
export function spawnWorker(url: URL, workerData: object): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  return new Worker(BOOTSTRAP, { eval: true, workerData: { ...workerData, __bootstrap: { api: tsxApiUrl(), entry: url.href } } });
}
