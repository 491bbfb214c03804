import { describe, it, expect, beforeEach } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../../../src/renderer/api';
import { useJobsStore } from '../../../../src/renderer/stores/jobs';
import { formatDuration, jobTiming } from '../../../../src/renderer/stores/jobTiming';
import type { JobInfo } from '../../../../src/shared/contract';
import { fakeApi } from './fakeApi';

const job = (jobId: string, status: JobInfo['status']): JobInfo =>
  ({ jobId, status, name: jobId, config: {}, queuedAt: '2024-01-01T00:00:00Z' }) as unknown as JobInfo;

describe('jobTiming', () => {
  const t0 = Date.parse('2024-01-01T00:00:00Z');
  it('queued: 0 %, no clock', () => {
    expect(jobTiming(job('a', 'queued'), t0)).toEqual({ percent: 0, elapsedSeconds: null, etaSeconds: null, label: 'queued' });
  });
  it('running: ETA from the overall fraction when the engine sends none', () => {
    const j = { ...job('a', 'running'), startedAt: '2024-01-01T00:00:00Z', progress: { stage: 'train' as const, fraction: 0.5, overall: 0.25, message: 'epoch 5' } };
    const t = jobTiming(j, t0 + 60_000);
    expect(t.percent).toBeCloseTo(25, 12);
    expect(t.elapsedSeconds).toBeCloseTo(60, 12);
    expect(t.etaSeconds).toBeCloseTo(180, 12);
    expect(t.label).toBe('train · epoch 5');
  });
  it("the engine's elapsed/eta win; finished is 100 % without ETA", () => {
    const j = { ...job('a', 'running'), startedAt: '2024-01-01T00:00:00Z', progress: { stage: 'probe' as const, fraction: 0.1, overall: 0.5, message: '', elapsedSeconds: 10, etaSeconds: 3 } };
    expect(jobTiming(j, t0 + 99_000)).toMatchObject({ elapsedSeconds: 10, etaSeconds: 3 });
    const done = { ...j, status: 'finished' as const, endedAt: '2024-01-01T00:00:30Z', progress: undefined };
    expect(jobTiming(done, t0 + 99_000)).toMatchObject({ percent: 100, elapsedSeconds: 30, etaSeconds: null });
  });
  it('formatDuration', () => {
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(NaN)).toBe('–');
  });
});

describe('useJobsStore', () => {
  beforeEach(() => setActivePinia(createPinia()));
  it('follows jobs:changed, job:progress and job:done events; cancel replaces the job', async () => {
    const api = fakeApi({ 'jobs:list': () => [job('a', 'queued')], 'jobs:cancel': () => ({ ...job('a', 'cancelled') }) });
    setApi(api.client);
    const s = useJobsStore();
    await s.load();
    const off = s.listen();
    api.emit('job:progress', { jobId: 'a', runId: 7, progress: { stage: 'train', fraction: 0.1, overall: 0.05, message: '' } });
    expect(s.jobs[0]).toMatchObject({ status: 'running', runId: 7 });
    expect(s.byRunId(7)?.jobId).toBe('a');
    expect(s.active).toHaveLength(1);
    api.emit('job:done', { jobId: 'a', runId: 7, status: 'failed', error: { code: 'numeric', message: 'NaN loss' } });
    expect(s.jobs[0]).toMatchObject({ status: 'failed', error: { message: 'NaN loss' } });
    expect(s.active).toHaveLength(0);
    api.emit('jobs:changed', [job('b', 'queued')]);
    expect(s.jobs.map((j) => j.jobId)).toEqual(['b']);
    off();
    api.emit('jobs:changed', []);
    expect(s.jobs).toHaveLength(1);
    s.jobs = [job('a', 'running')];
    await s.cancel('a');
    expect(s.jobs[0].status).toBe('cancelled');
  });
});
