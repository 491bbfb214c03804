// The Hungarian algorithm (Kuhn-Munkres with potentials, O(r²·c) for r ≤ c): a minimum-cost
// assignment of every row of a cost matrix to a distinct column.
import { LeError } from '../../shared/errors';

/**
 * Minimum-cost assignment. `cost` is rows × cols, row-major, finite. Returns, for each row,
 * its column; when rows > cols the problem is solved on the transpose and the rows left
 * without a column get -1.
 */
export function hungarian(cost: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || cost.length !== rows * cols)
    throw new LeError('invalid_input', `cost must hold rows × cols = ${rows} × ${cols} entries, got ${cost.length}`, 'cost');
  for (let i = 0; i < cost.length; i++)
    if (!Number.isFinite(cost[i])) throw new LeError('invalid_input', `cost[${i}] is not finite`, 'cost');
  if (rows > cols) {
    const t = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = cost[r * cols + c];
    const colToRow = solve(t, cols, rows);
    const out = new Int32Array(rows).fill(-1);
    colToRow.forEach((r, c) => (out[r] = c));
    return out;
  }
  return solve(cost, rows, cols);
}

/** e-maxx formulation, 1-based internally; requires n ≤ m. */
function solve(a: ArrayLike<number>, n: number, m: number): Int32Array {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row matched to column j (0: none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    // Each pass marks one more column as used, so this loop runs at most m + 1 times.
    for (let guard = 0; guard <= m; guard++) {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = a[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
      if (p[j0] === 0) break;
    }
    while (j0 !== 0) {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    }
  }
  const out = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] > 0) out[p[j] - 1] = j - 1;
  return out;
}
