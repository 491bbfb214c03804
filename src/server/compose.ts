// The back end every front end shares: store + job queue + handler table. Electron main and
// the browser-mode server each call createBackend once and wire its `emit` to their transport.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EventName, Events } from '../shared/contract';
import { APP_VERSION } from '../shared/version';
import { openStore } from '../store/store';
import { createJobQueue, type JobQueue } from '../jobs/queue';
import { createHandlers, type ExportTarget, type HandlerTable } from './handlers';
import { storePort } from './storePort';

export interface BackendOptions {
  mode: 'electron' | 'browser';
  dbPath: string;
  exports: ExportTarget;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  versions?: Record<string, string>;
  workerUrl?: URL;
  concurrency?: number;
}

export interface Backend {
  table: HandlerTable;
  queue: JobQueue;
  close(): Promise<void>;
}

function dataLocations(dbPath: string): Record<string, string> {
  const out: Record<string, string> = { database: dbPath };
  try {
    out.mnist = path.dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  } catch {
    out.mnist = '(the mnist package is not installed)';
  }
  return out;
}

export function createBackend(opts: BackendOptions): Backend {
  // The app's own connection, opened once at start: runs left 'running' by dead processes (or an
  // earlier process with this pid) are marked interrupted.
  const store = openStore(opts.dbPath);
  const queue = createJobQueue({
    dbPath: opts.dbPath,
    concurrency: opts.concurrency,
    workerUrl: opts.workerUrl,
    emit: opts.emit,
    markCancelled: (runId) => store.runs.fail(runId, 'cancelled: the worker was stopped', 'cancelled'),
  });
  const table = createHandlers({
    mode: opts.mode,
    appVersion: APP_VERSION,
    dbPath: opts.dbPath,
    store: storePort(store),
    queue,
    exports: opts.exports,
    emit: opts.emit,
    versions: opts.versions,
    dataLocations: dataLocations(opts.dbPath),
  });
  return {
    table,
    queue,
    async close() {
      await queue.close();
      store.close();
    },
  };
}
