// Bar-chart data of the comparison view from the runs' summary scalars
// (`pearson.relative`, `clustering.spectral.accuracy`, …).
import type { BarRun } from './compareBars';

export interface ScalarRun {
  id: number;
  name: string;
  arch: string;
  scalars: Record<string, number | null>;
}

/** Runs as bars over the categories found in keys `${prefix}<category>${suffix}`. */
export function scalarBars(runs: readonly ScalarRun[], prefix: string, suffix = ''): { categories: string[]; runs: BarRun[] } {
  const cats = new Set<string>();
  const pick = (key: string): string | null =>
    key.startsWith(prefix) && key.endsWith(suffix) && key.length > prefix.length + suffix.length ? key.slice(prefix.length, key.length - suffix.length) : null;
  for (const r of runs) for (const k of Object.keys(r.scalars)) {
    const c = pick(k);
    if (c !== null && !c.includes('.')) cats.add(c);
  }
  const categories = [...cats].sort();
  return {
    categories,
    runs: runs.map((r) => ({
      label: `#${r.id} ${r.arch}`,
      values: Object.fromEntries(categories.map((c) => [c, r.scalars[`${prefix}${c}${suffix}`] ?? undefined])),
    })),
  };
}
