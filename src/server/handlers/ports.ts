// What the shared handler table needs from its host (Electron main or the browser-mode server).
// The store and queue are narrowed to the calls the handlers make, so tests pass fakes.
import type { EventName, Events, ExportRequest } from '../../shared/contract';
import type { LabelledMatrix } from '../../shared/results';
import type { RunComparison, RunDetail, RunListPage, RunQuery } from '../../shared/store-types';
import type { JobQueue } from '../../jobs/queue';

export interface RunStorePort {
  list(q: RunQuery): RunListPage;
  get(id: number): RunDetail;
  compare(ids: number[], opts: { differencesOnly?: boolean }): RunComparison;
  delete(ids: number[]): number;
  addTags(id: number, tags: string[]): string[];
  removeTags(id: number, tags: string[]): string[];
  setNote(id: number, markdown: string): { markdown: string };
  matrix(id: number, name: string): LabelledMatrix;
  /** Writes the CSV an export request describes to `path` (streamed, atomically); returns its size. */
  exportCsv(req: ExportRequest, path: string): Promise<{ bytes: number }>;
}

/**
 * Where exports go. Electron: `choose` shows a save dialog (null when cancelled) and `done`
 * returns the path. Browser: `choose` is a temp file and `done` registers a one-time download URL.
 */
export interface ExportTarget {
  choose(fileName: string): Promise<string | null>;
  done(path: string, fileName: string): { path?: string; url?: string };
}

export interface HandlerDeps {
  mode: 'electron' | 'browser';
  appVersion: string;
  dbPath: string;
  store: RunStorePort;
  queue: Pick<JobQueue, 'enqueue' | 'cancel' | 'list' | 'counts' | 'backend' | 'probeBackend'>;
  exports: ExportTarget;
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
  versions?: Record<string, string>;
  dataLocations?: Record<string, string>;
}
