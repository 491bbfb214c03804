import { describe, it, expect } from 'vitest';
import { createJobQueue } from '../../../src/jobs/queue';
import { createProgressThrottle } from '../../../src/jobs/workerProtocol';
import { defaultWorkerUrl } from '../../../src/jobs/workerUrl';
import type { ExperimentConfig } from '../../../src/shared/config';
import type { EventName, Events } from '../../../src/shared/contract';
import type { Progress } from '../../../src/shared/types';

const workerUrl = new URL('./fixtures/fakeWorker.ts', import.meta.url);
const cfg = (name: string): ExperimentConfig => ({ name }) as unknown as ExperimentConfig;

function setup(opts: { cancelGraceMs?: number } = {}) {
  const events: { event: EventName; payload: unknown }[] = [];
  const cancelled: number[] = [];
  const queue = createJobQueue({
    dbPath: ':memory:',
    workerUrl,
    cancelGraceMs: opts.cancelGraceMs ?? 2000,
    emit: <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload }),
    markCancelled: (id) => void cancelled.push(id),
  });
  const done = (jobId: string) =>
    new Promise<Events['job:done']>((resolve) => {
      const poll = setInterval(() => {
        const e = events.find((x) => x.event === 'job:done' && (x.payload as Events['job:done']).jobId === jobId);
        if (e) {
          clearInterval(poll);
          resolve(e.payload as Events['job:done']);
        }
      }, 10);
    });
  const started = (jobId: string) =>
    new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (events.some((x) => x.event === 'job:progress' && (x.payload as Events['job:progress']).jobId === jobId)) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
  return { queue, events, cancelled, done, started };
}

describe('job queue', () => {
  it('runs a job in a worker, forwards throttled progress and reports the run id', async () => {
    const { queue, events, done } = setup();
    const job = queue.enqueue(cfg('ok'));
    expect(job.status).toBe('running');
    const end = await done(job.jobId);
    expect(end).toMatchObject({ status: 'finished', runId: 42 });
    const progress = events.filter((e) => e.event === 'job:progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThanOrEqual(20);
    expect(queue.list()[0]).toMatchObject({ status: 'finished', runId: 42 });
    expect(events.some((e) => e.event === 'runs:changed')).toBe(true);
    await queue.close();
  });

  it('runs one job at a time and cancels a queued job without starting it', async () => {
    const { queue, done } = setup();
    const a = queue.enqueue(cfg('ok'));
    const b = queue.enqueue(cfg('okay'));
    const c = queue.enqueue(cfg('fine'));
    expect(queue.counts()).toEqual({ running: 1, queued: 2, concurrency: 1 });
    expect(queue.cancel(c.jobId).status).toBe('cancelled');
    await done(a.jobId);
    expect((await done(b.jobId)).status).toBe('finished');
    expect(queue.list().map((j) => j.status)).toEqual(['finished', 'finished', 'cancelled']);
    await queue.close();
  });

  it('cancels a cooperative job through its AbortSignal', async () => {
    const { queue, done, cancelled, started } = setup();
    const job = queue.enqueue(cfg('coop'));
    await started(job.jobId);
    queue.cancel(job.jobId);
    const end = await done(job.jobId);
    expect(end.status).toBe('cancelled');
    expect(cancelled).toEqual([]); // the worker stopped by itself
    await queue.close();
  });

  it('terminates a worker that ignores cancel after the grace period and marks its run cancelled', async () => {
    const { queue, done, cancelled, started } = setup({ cancelGraceMs: 200 });
    const job = queue.enqueue(cfg('stubborn'));
    await started(job.jobId);
    const t0 = Date.now();
    queue.cancel(job.jobId);
    const end = await done(job.jobId);
    expect(end.status).toBe('cancelled');
    expect(end.error?.message).toMatch(/terminated/);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(cancelled).toEqual([48]);
    await queue.close();
  });

  it('reports a failing job with its error code', async () => {
    const { queue, done } = setup();
    const job = queue.enqueue(cfg('fail'));
    expect(await done(job.jobId)).toMatchObject({ status: 'failed', error: { code: 'numeric', message: 'the loss diverged' } });
    expect(() => queue.cancel('job-nope')).toThrow(/no job/);
    await queue.close();
  });

  it('validates its options', () => {
    expect(() => createJobQueue({ dbPath: 'x', workerUrl, concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createJobQueue({ dbPath: 'x', workerUrl, cancelGraceMs: NaN })).toThrow(/cancelGraceMs/);
  });
});

describe('worker helpers', () => {
  it('throttles progress but keeps stage changes and completions', () => {
    let t = 0;
    const seen: Progress[] = [];
    const post = createProgressThrottle((p) => seen.push(p), 100, () => t);
    for (let i = 0; i < 50; i++) {
      t = i * 10;
      post({ stage: 'train', fraction: i / 100, message: '' });
    }
    post({ stage: 'probe', fraction: 0, message: '' });
    post({ stage: 'probe', fraction: 1, message: '' });
    expect(seen.filter((p) => p.stage === 'train').length).toBe(5);
    expect(seen.filter((p) => p.stage === 'probe').length).toBe(2);
  });

  it('finds the worker entry next to the module or the bundle', () => {
    expect(defaultWorkerUrl(new URL('../../../src/jobs/queue.ts', import.meta.url).href).pathname).toMatch(/src\/jobs\/worker\.ts$/);
    expect(() => defaultWorkerUrl('file:///nonexistent/dir/queue.js')).toThrow(/worker entry not found/);
  });
});
