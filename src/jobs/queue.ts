// The job queue: runs experiments one at a time (concurrency configurable) each in its own
// node:worker_threads Worker, forwards progress as contract events, cancels by message and,
// when the worker does not stop within `cancelGraceMs`, terminates it and marks the run
// cancelled. Node-only, no Electron: the app and the browser-mode server share it.
import type { Worker } from 'node:worker_threads';
import type { ExperimentConfig } from '../shared/config';
import type { EventName, Events, JobInfo } from '../shared/contract';
import { LeError, type ErrorDTO } from '../shared/errors';
import { defaultWorkerUrl, spawnWorker } from './workerUrl';
import type { BackendReport, FromWorker, WorkerData } from './workerProtocol';

export interface JobQueueOptions {
  dbPath: string;
  /** Jobs running at once (default 1: one CPU-heavy run at a time). */
  concurrency?: number;
  /** How long a cancelled worker may take to stop before it is terminated (default 2000 ms). */
  cancelGraceMs?: number;
  /** The worker entry (default: worker.ts / worker.js next to this module or the bundle). */
  workerUrl?: URL;
  /** Ended jobs kept in the listing (default 50). */
  keepEnded?: number;
  emit?: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Marks a run cancelled in the store after its worker had to be terminated. */
  markCancelled?: (runId: number) => void;
}

export interface JobQueue {
  enqueue(config: ExperimentConfig, opts?: { experiment?: string; tags?: string[] }): JobInfo;
  cancel(jobId: string): JobInfo;
  list(): JobInfo[];
  counts(): { running: number; queued: number; concurrency: number };
  /** The backend the last worker reported, or null. */
  backend(): BackendReport | null;
  /** Starts a short-lived worker that only reports its backend. */
  probeBackend(): Promise<BackendReport>;
  /** Cancels everything and waits for the workers to end. */
  close(): Promise<void>;
}

interface Slot {
  info: JobInfo;
  extra: { experiment?: string; tags?: string[] };
  worker?: Worker;
  cancelTimer?: NodeJS.Timeout;
  ended?: Promise<void>;
}

const now = (): string => new Date().toISOString();
const snapshot = (s: Slot): JobInfo => structuredClone(s.info);

export function createJobQueue(opts: JobQueueOptions): JobQueue {
  const concurrency = opts.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    throw new LeError('invalid_input', `concurrency must be an integer in 1..16, got ${concurrency}`, 'concurrency');
  const grace = opts.cancelGraceMs ?? 2000;
  if (!(grace >= 0)) throw new LeError('invalid_input', `cancelGraceMs must be ≥ 0, got ${grace}`, 'cancelGraceMs');
  const workerUrl = opts.workerUrl ?? defaultWorkerUrl();
  const keepEnded = opts.keepEnded ?? 50;
  const emit = opts.emit ?? (() => undefined);
  const slots: Slot[] = [];
  let seq = 0;
  let lastBackend: BackendReport | null = null;
  let closed = false;

  const spawn = (data: WorkerData): Worker => spawnWorker(workerUrl, data);
  const changed = (): void => emit('jobs:changed', list());

  function list(): JobInfo[] {
    return slots.map(snapshot);
  }

  function prune(): void {
    const ended = slots.filter((s) => !['queued', 'running'].includes(s.info.status));
    for (const s of ended.slice(0, Math.max(0, ended.length - keepEnded))) slots.splice(slots.indexOf(s), 1);
  }

  function finish(slot: Slot, status: 'finished' | 'failed' | 'cancelled', error?: ErrorDTO): void {
    if (!['queued', 'running'].includes(slot.info.status)) return;
    clearTimeout(slot.cancelTimer);
    Object.assign(slot.info, { status, endedAt: now() }, error ? { error } : {});
    const w = slot.worker;
    slot.worker = undefined;
    if (w) void w.terminate();
    emit('job:done', { jobId: slot.info.jobId, runId: slot.info.runId, status, ...(error ? { error } : {}) });
    emit('runs:changed', slot.info.runId !== undefined ? { ids: [slot.info.runId] } : {});
    prune();
    changed();
    pump();
  }

  function onMessage(slot: Slot, msg: FromWorker): void {
    switch (msg.type) {
      case 'progress':
        slot.info.progress = msg.progress;
        emit('job:progress', { jobId: slot.info.jobId, runId: slot.info.runId, progress: msg.progress });
        break;
      case 'run':
        slot.info.runId = msg.runId;
        emit('runs:changed', { ids: [msg.runId] });
        changed();
        break;
      case 'backend':
        lastBackend = msg.info;
        break;
      case 'done':
        slot.info.runId = msg.runId;
        finish(slot, msg.status, msg.error);
        break;
      case 'error':
        finish(slot, msg.error.code === 'cancelled' ? 'cancelled' : 'failed', msg.error);
        break;
    }
  }

  function start(slot: Slot): void {
    const worker = spawn({ kind: 'run', config: slot.info.config, dbPath: opts.dbPath, ...slot.extra });
    slot.worker = worker;
    Object.assign(slot.info, { status: 'running', startedAt: now() });
    slot.ended = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (msg: FromWorker) => onMessage(slot, msg));
    worker.on('error', (err) => finish(slot, 'failed', { code: 'internal', message: `worker crashed: ${err.message}` }));
    worker.on('exit', (code) => {
      if (slot.worker === worker)
        finish(slot, slot.cancelTimer ? 'cancelled' : 'failed', { code: slot.cancelTimer ? 'cancelled' : 'internal', message: `worker exited with code ${code}` });
    });
    changed();
  }

  function pump(): void {
    if (closed) return;
    let running = slots.filter((s) => s.info.status === 'running').length;
    for (const s of slots) {
      if (running >= concurrency) break;
      if (s.info.status === 'queued') {
        start(s);
        running++;
      }
    }
  }

  function find(jobId: string): Slot {
    const slot = slots.find((s) => s.info.jobId === jobId);
    if (!slot) throw new LeError('not_found', `no job ${jobId}`, 'jobId');
    return slot;
  }

  return {
    enqueue(config, extra = {}) {
      if (closed) throw new LeError('internal', 'the job queue is closed');
      const info: JobInfo = { jobId: `job-${Date.now().toString(36)}-${++seq}`, status: 'queued', name: config.name, config, queuedAt: now() };
      const slot: Slot = { info, extra: { experiment: extra.experiment, tags: extra.tags } };
      slots.push(slot);
      changed();
      pump();
      return snapshot(slot);
    },
    cancel(jobId) {
      const slot = find(jobId);
      if (slot.info.status === 'queued') finish(slot, 'cancelled', { code: 'cancelled', message: 'cancelled before it started' });
      else if (slot.info.status === 'running' && !slot.cancelTimer) {
        slot.worker?.postMessage({ type: 'cancel' });
        slot.cancelTimer = setTimeout(() => {
          const runId = slot.info.runId;
          if (runId !== undefined) {
            try {
              opts.markCancelled?.(runId);
            } catch {
              // the store may be closed at shutdown; the run is then recovered as interrupted
            }
          }
          finish(slot, 'cancelled', { code: 'cancelled', message: `the worker did not stop within ${grace} ms and was terminated` });
        }, grace);
      }
      return snapshot(slot);
    },
    list,
    counts: () => ({
      running: slots.filter((s) => s.info.status === 'running').length,
      queued: slots.filter((s) => s.info.status === 'queued').length,
      concurrency,
    }),
    backend: () => lastBackend,
    probeBackend() {
      return new Promise<BackendReport>((resolve, reject) => {
        const worker = spawn({ kind: 'backend' });
        worker.once('message', (msg: FromWorker) => {
          void worker.terminate();
          if (msg.type === 'backend') resolve((lastBackend = msg.info));
          else reject(new LeError('backend', msg.type === 'error' ? msg.error.message : 'unexpected worker answer'));
        });
        worker.once('error', (err) => reject(new LeError('backend', err.message)));
      });
    },
    async close() {
      closed = true;
      const live = slots.filter((s) => s.info.status === 'running' || s.info.status === 'queued');
      const waits = live.map((s) => s.ended).filter((p): p is Promise<void> => p !== undefined);
      for (const s of live) {
        if (s.info.status === 'queued') finish(s, 'cancelled', { code: 'cancelled', message: 'the app closed' });
        else {
          const runId = s.info.runId;
          try {
            if (runId !== undefined) opts.markCancelled?.(runId);
          } catch {
            // recovered as interrupted at the next open
          }
          finish(s, 'cancelled', { code: 'cancelled', message: 'the app closed' });
        }
      }
      await Promise.all(waits);
    },
  };
}
