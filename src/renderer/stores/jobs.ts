// The job queue: the list from jobs:list, kept current by the pushed events.
import { defineStore } from 'pinia';
import type { Events, JobInfo } from '../../shared/contract';
import { errorMessage, request, subscribe } from '../api';

export const useJobsStore = defineStore('jobs', {
  state: (): { jobs: JobInfo[]; error: string | null; listening: boolean } => ({ jobs: [], error: null, listening: false }),
  getters: {
    active: (s): JobInfo[] => s.jobs.filter((j) => j.status === 'running' || j.status === 'queued'),
    byRunId: (s) => (runId: number): JobInfo | undefined => s.jobs.find((j) => j.runId === runId),
  },
  actions: {
    async load(): Promise<void> {
      try {
        this.jobs = await request('jobs:list');
        this.error = null;
      } catch (err) {
        this.error = errorMessage(err);
      }
    },
    listen(): () => void {
      if (this.listening) return () => undefined;
      this.listening = true;
      const offs = [
        subscribe('jobs:changed', (list) => {
          this.jobs = list;
        }),
        subscribe('job:progress', (e) => this.applyProgress(e)),
        subscribe('job:done', (e) => this.applyDone(e)),
      ];
      return () => {
        offs.forEach((off) => off());
        this.listening = false;
      };
    },
    applyProgress(e: Events['job:progress']): void {
      const job = this.jobs.find((j) => j.jobId === e.jobId);
      if (!job) return;
      job.progress = e.progress;
      if (e.runId !== undefined) job.runId = e.runId;
      if (job.status === 'queued') {
        job.status = 'running';
        job.startedAt ??= new Date().toISOString();
      }
    },
    applyDone(e: Events['job:done']): void {
      const job = this.jobs.find((j) => j.jobId === e.jobId);
      if (!job) return;
      job.status = e.status;
      job.endedAt ??= new Date().toISOString();
      if (e.runId !== undefined) job.runId = e.runId;
      if (e.error) job.error = e.error;
    },
    async start(config: unknown): Promise<JobInfo> {
      const job = await request('jobs:start', { config });
      if (!this.jobs.some((j) => j.jobId === job.jobId)) this.jobs.push(job);
      return job;
    },
    async cancel(jobId: string): Promise<void> {
      try {
        const job = await request('jobs:cancel', { jobId });
        const i = this.jobs.findIndex((j) => j.jobId === jobId);
        if (i >= 0) this.jobs[i] = job;
      } catch (err) {
        this.error = errorMessage(err);
      }
    },
  },
});
