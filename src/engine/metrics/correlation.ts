// Pearson and Spearman correlation of two equal-length vectors.
// Non-finite entries and a length mismatch throw (naming `x` or `y`); fewer than two
// points or a constant vector leave the correlation undefined and return NaN (as scipy).
import { LeError } from '../../shared/errors';

function check(x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (y.length !== x.length)
    throw new LeError('invalid_input', `y has length ${y.length} but x has length ${x.length}`, 'y');
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new LeError('invalid_input', `x[${i}] is not finite (${x[i]})`, 'x');
    if (!Number.isFinite(y[i])) throw new LeError('invalid_input', `y[${i}] is not finite (${y[i]})`, 'y');
  }
}

function pearsonUnchecked(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  check(x, y);
  return pearsonUnchecked(x, y);
}

/** Ranks 1..n; tied values share the average of their ranks. */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[order[t]] = avg;
    i = j + 1;
  }
  return ranks;
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  check(x, y);
  return pearsonUnchecked(averageRanks(x), averageRanks(y));
}
