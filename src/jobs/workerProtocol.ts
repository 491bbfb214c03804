// The messages between the job queue (parent) and a job worker thread, and the worker side of
// the protocol: run one job, stream throttled progress, abort on { type: 'cancel' }.
// worker.ts plugs the real pipeline (executeRun) into serveJob; tests plug in fakes.
import type { ErrorDTO } from '../shared/errors';
import { toErrorDTO } from '../shared/errors';
import type { BackendName, Progress } from '../shared/types';

export interface JobData {
  kind: 'run';
  config: unknown;
  dbPath: string;
  experiment?: string;
  tags?: string[];
}
export interface BackendProbeData {
  kind: 'backend';
}
export type WorkerData = JobData | BackendProbeData;

export interface BackendReport {
  name: BackendName;
  provider: string;
  fallbacks: string[];
}

export type ToWorker = { type: 'cancel' };
export type FromWorker =
  | { type: 'progress'; progress: Progress }
  | { type: 'run'; runId: number }
  | { type: 'backend'; info: BackendReport }
  | { type: 'done'; runId: number; status: 'finished' | 'failed' | 'cancelled'; error?: ErrorDTO }
  | { type: 'error'; error: ErrorDTO };

export interface ExecuteOptions {
  dbPath: string;
  experiment?: string;
  tags?: string[];
  onProgress?(p: Progress): void;
  signal?: AbortSignal;
  /** Called once the run row exists, so a cancelled job can name its run. */
  onCreated?(runId: number): void;
}
export type Execute = (
  config: unknown,
  opts: ExecuteOptions,
) => Promise<{ runId: number; summary: { status: string; backend?: string } }>;

/** The parent side of a MessagePort / parentPort, as far as serveJob needs it. */
export interface PortLike {
  postMessage(msg: FromWorker): void;
  on(event: 'message', cb: (msg: unknown) => void): unknown;
}

/** Minimum interval between two forwarded progress messages of the same stage. */
export const PROGRESS_INTERVAL_MS = 100;

export function createProgressThrottle(post: (p: Progress) => void, intervalMs = PROGRESS_INTERVAL_MS, now = Date.now): (p: Progress) => void {
  let lastStage: string | undefined;
  let lastAt = -Infinity;
  return (p) => {
    const t = now();
    if (p.stage !== lastStage || p.fraction >= 1 || t - lastAt >= intervalMs) {
      lastStage = p.stage;
      lastAt = t;
      post(p);
    }
  };
}

/** Runs one job in this worker; resolves when the final message has been posted. */
export async function serveJob(
  port: PortLike,
  data: JobData,
  execute: Execute,
  backend: () => BackendReport | undefined = () => undefined,
): Promise<void> {
  const controller = new AbortController();
  port.on('message', (msg) => {
    if (msg && typeof msg === 'object' && (msg as { type?: unknown }).type === 'cancel') controller.abort();
  });
  const onProgress = createProgressThrottle((progress) => port.postMessage({ type: 'progress', progress }));
  try {
    const { runId, summary } = await execute(data.config, {
      dbPath: data.dbPath,
      experiment: data.experiment,
      tags: data.tags,
      onProgress,
      signal: controller.signal,
      onCreated: (id) => port.postMessage({ type: 'run', runId: id }),
    });
    const info = backend();
    if (info) port.postMessage({ type: 'backend', info });
    const status = summary.status === 'finished' || summary.status === 'cancelled' ? summary.status : 'failed';
    port.postMessage({
      type: 'done',
      runId,
      status: controller.signal.aborted && status !== 'finished' ? 'cancelled' : status,
      ...(status === 'failed' ? { error: { code: 'internal', message: `the run ended with status ${summary.status}` } } : {}),
    });
  } catch (err) {
    const error = controller.signal.aborted ? { code: 'cancelled' as const, message: 'cancelled' } : toErrorDTO(err);
    port.postMessage({ type: 'error', error });
  }
}
