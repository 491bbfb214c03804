// Small statistics used by the plots: Pearson correlation, finite ranges, least-squares lines.

interface Moments {
  n: number;
  mx: number;
  my: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/** Means and centred second moments over the pairs where both values are finite. */
function pairMoments(x: ArrayLike<number>, y: ArrayLike<number>): Moments {
  if (x.length !== y.length) throw new Error(`paired samples: lengths differ (${x.length} vs ${y.length})`);
  const ok = (i: number): boolean => Number.isFinite(x[i]) && Number.isFinite(y[i]);
  let n = 0, mx = 0, my = 0;
  for (let i = 0; i < x.length; i++) if (ok(i)) { n++; mx += x[i]; my += y[i]; }
  if (n) { mx /= n; my /= n; }
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (!ok(i)) continue;
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { n, mx, my, sxx, syy, sxy };
}

/** Pearson correlation of paired samples; NaN when fewer than 2 finite pairs or zero variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const m = pairMoments(x, y);
  return m.n >= 2 && m.sxx > 0 && m.syy > 0 ? m.sxy / Math.sqrt(m.sxx * m.syy) : NaN;
}

/** Least-squares line y = slope·x + intercept over finite pairs; null when undetermined. */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; intercept: number } | null {
  const m = pairMoments(x, y);
  if (m.n < 2 || m.sxx === 0) return null;
  const slope = m.sxy / m.sxx;
  return { slope, intercept: m.my - slope * m.mx };
}

/** [min, max] of the finite values; null when there are none. */
export function finiteRange(values: ArrayLike<number>): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The q-quantile (0..1, linear interpolation) of the finite values; NaN when there are none. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new Error('quantile: q must lie in [0, 1]');
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return NaN;
  const pos = q * (finite.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, finite.length - 1);
  return finite[lo] + (finite[hi] - finite[lo]) * (pos - lo);
}

/** A stable permutation that sorts items by class (then by original position). */
export function classOrder(groups: ArrayLike<number>): number[] {
  return Array.from({ length: groups.length }, (_, i) => i).sort((a, b) => groups[a] - groups[b] || a - b);
}

/** Boundaries (positions in the ordered list) where the class changes, with each block's class. */
export function classBlocks(groups: ArrayLike<number>, order: readonly number[]): { group: number; start: number; end: number }[] {
  const blocks: { group: number; start: number; end: number }[] = [];
  order.forEach((idx, pos) => {
    const g = groups[idx];
    const last = blocks[blocks.length - 1];
    if (last && last.group === g) last.end = pos + 1;
    else blocks.push({ group: g, start: pos, end: pos + 1 });
  });
  return blocks;
}

/**
 * An ordering that walks the data along its manifold: start at the point farthest from
 * point 0 (an end of an open curve), then repeatedly step to the nearest unvisited point
 * of the distance matrix. On a 1-D manifold (the torus angle, a curve) neighbours end up
 * adjacent, so local elasticity shows as a band along the diagonal of the heat map.
 */
export function nearestNeighbourOrder(dist: ArrayLike<number>, n: number): number[] {
  if (dist.length !== n * n) throw new Error(`nearestNeighbourOrder: expected ${n}×${n} values, got ${dist.length}`);
  if (n === 0) return [];
  let start = 0;
  for (let j = 1; j < n; j++) if (dist[j] > dist[start]) start = j;
  const seen = new Uint8Array(n);
  const order = [start];
  seen[start] = 1;
  for (let k = 1; k < n; k++) {
    const cur = order[k - 1];
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (seen[j]) continue;
      const d = dist[cur * n + j];
      if (best < 0 || d < dist[cur * n + best] || (Number.isNaN(dist[cur * n + best]) && !Number.isNaN(d))) best = j;
    }
    order.push(best);
    seen[best] = 1;
  }
  return order;
}
