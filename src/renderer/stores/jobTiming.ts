// Percent, elapsed and ETA of a job, for the progress bars. The engine's own estimates are
// used when it sends them; otherwise they are derived from the overall fraction and the clock.
import type { JobInfo } from '../../shared/contract';

export interface JobTiming {
  /** 0..100 */
  percent: number;
  elapsedSeconds: number | null;
  etaSeconds: number | null;
  label: string;
}

export function jobTiming(job: Pick<JobInfo, 'status' | 'queuedAt' | 'startedAt' | 'endedAt' | 'progress'>, nowMs: number): JobTiming {
  const p = job.progress;
  const started = job.startedAt ? Date.parse(job.startedAt) : NaN;
  const ended = job.endedAt ? Date.parse(job.endedAt) : NaN;
  if (job.status === 'queued') return { percent: 0, elapsedSeconds: null, etaSeconds: null, label: 'queued' };
  const fraction = p ? (p.overall ?? (p.stage === 'done' ? 1 : undefined)) : undefined;
  const done = job.status !== 'running';
  const percent = done && job.status === 'finished' ? 100 : clamp01(fraction ?? 0) * 100;
  const clockElapsed = Number.isFinite(started) ? ((Number.isFinite(ended) ? ended : nowMs) - started) / 1000 : null;
  const elapsed = p?.elapsedSeconds ?? clockElapsed;
  let eta: number | null = null;
  if (!done) {
    if (p?.etaSeconds !== undefined && Number.isFinite(p.etaSeconds)) eta = Math.max(0, p.etaSeconds);
    else if (elapsed !== null && fraction !== undefined && fraction > 0.01) eta = (elapsed * (1 - fraction)) / fraction;
  }
  const label = p ? `${p.stage}${p.message ? ` · ${p.message}` : ''}` : job.status;
  return { percent, elapsedSeconds: elapsed === null ? null : Math.max(0, elapsed), etaSeconds: eta, label };
}

const clamp01 = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/** 75 → "1:15", 3725 → "1:02:05", null → "–". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}
