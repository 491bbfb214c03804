// What the runs table shows from a row's summary scalars.
import type { RunRow } from '../../../shared/store-types';
import { fmt } from '../../charts/theme';

/** The best clustering accuracy of a run and the method that reached it. */
export function bestClustering(row: Pick<RunRow, 'scalars'>): { method: string; accuracy: number } | null {
  let best: { method: string; accuracy: number } | null = null;
  for (const [key, v] of Object.entries(row.scalars)) {
    const m = /^clustering\.(.+)\.accuracy$/.exec(key);
    if (!m || v === null || !Number.isFinite(v)) continue;
    if (!best || v > best.accuracy) best = { method: m[1], accuracy: v };
  }
  return best;
}

export function scalar(row: Pick<RunRow, 'scalars'>, key: string, digits = 3): string {
  const v = row.scalars[key];
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : fmt(v, digits);
}

export function shortDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
