// Matrices as typed-array BLOBs: data (float64, or float32 on request), ids and groups as
// Int32 BLOBs. One row per (run, name); writing the same name again replaces it.
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { LabelledMatrix } from '../shared/results';
import type { MatrixDtype, MatrixInfo } from '../shared/store-types';
import { blobToFloat64, blobToInt32, intsToBlob, nowIso, toBlob } from './codec';
import { requireRun } from './rows';

interface MatrixRecord {
  rows: number;
  cols: number;
  dtype: MatrixDtype;
  data: Buffer;
  ids: Buffer;
  groups: Buffer;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim() || name.length > 200)
    throw new LeError('invalid_input', 'matrix name must be a non-empty string of at most 200 characters', 'name');
  return name;
}

export function validateMatrix(m: LabelledMatrix): void {
  checkName(m.name);
  for (const k of ['rows', 'cols'] as const)
    if (!Number.isSafeInteger(m[k]) || m[k] < 0)
      throw new LeError('invalid_input', `matrix ${m.name}: ${k} must be a non-negative integer, got ${m[k]}`, k);
  if (!(m.data instanceof Float64Array))
    throw new LeError('invalid_input', `matrix ${m.name}: data must be a Float64Array`, 'data');
  if (m.data.length !== m.rows * m.cols)
    throw new LeError('invalid_input', `matrix ${m.name}: data has ${m.data.length} values, rows × cols = ${m.rows * m.cols}`, 'data');
  if (m.ids.length !== m.rows)
    throw new LeError('invalid_input', `matrix ${m.name}: ids has ${m.ids.length} entries for ${m.rows} rows`, 'ids');
  if (m.groups.length !== m.rows && m.groups.length !== 0)
    throw new LeError('invalid_input', `matrix ${m.name}: groups has ${m.groups.length} entries for ${m.rows} rows`, 'groups');
}

export class MatricesRepo {
  private readonly upsert: Database.Statement;
  private readonly one: Database.Statement<[number, string]>;
  private readonly index: Database.Statement<[number]>;
  private readonly del: Database.Statement<[number, string]>;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO run_matrices (run_id, name, rows, cols, dtype, data, ids, groups, created_at)
      VALUES (@runId, @name, @rows, @cols, @dtype, @data, @ids, @groups, @createdAt)
      ON CONFLICT (run_id, name) DO UPDATE SET rows = excluded.rows, cols = excluded.cols, dtype = excluded.dtype,
        data = excluded.data, ids = excluded.ids, groups = excluded.groups, created_at = excluded.created_at`);
    this.one = db.prepare('SELECT rows, cols, dtype, data, ids, groups FROM run_matrices WHERE run_id = ? AND name = ?');
    this.index = db.prepare(`SELECT name, rows, cols, dtype, length(data) AS bytes, created_at AS createdAt
      FROM run_matrices WHERE run_id = ? ORDER BY id`);
    this.del = db.prepare('DELETE FROM run_matrices WHERE run_id = ? AND name = ?');
  }

  /** Stores (or replaces) a run's matrix in one transaction. */
  put(runId: number, m: LabelledMatrix, dtype: MatrixDtype = 'float64'): void {
    validateMatrix(m);
    if (dtype !== 'float64' && dtype !== 'float32')
      throw new LeError('invalid_input', `dtype must be float64 or float32, got ${String(dtype)}`, 'dtype');
    const data = toBlob(dtype === 'float64' ? m.data : Float32Array.from(m.data));
    const ids = intsToBlob(m.ids, 'ids');
    const groups = intsToBlob(m.groups, 'groups');
    this.db.transaction(() => {
      requireRun(this.db, runId);
      this.upsert.run({ runId, name: m.name, rows: m.rows, cols: m.cols, dtype, data, ids, groups, createdAt: nowIso() });
    }).immediate();
  }

  get(runId: number, name: string): LabelledMatrix {
    const rec = this.one.get(runId, checkName(name)) as MatrixRecord | undefined;
    if (!rec) throw new LeError('not_found', `run ${runId} has no matrix named ${name}`, 'name');
    const data = blobToFloat64(rec.data, rec.dtype, `matrix ${name}`);
    if (data.length !== rec.rows * rec.cols)
      throw new LeError('store', `matrix ${name}: stored data has ${data.length} values for ${rec.rows} × ${rec.cols}`);
    return {
      name,
      rows: rec.rows,
      cols: rec.cols,
      data,
      ids: Array.from(blobToInt32(rec.ids, `matrix ${name} ids`)),
      groups: Array.from(blobToInt32(rec.groups, `matrix ${name} groups`)),
    };
  }

  /** The run's matrices without their data, in the order they were first written. */
  list(runId: number): MatrixInfo[] {
    return this.index.all(runId) as MatrixInfo[];
  }

  remove(runId: number, name: string): boolean {
    return this.del.run(runId, checkName(name)).changes > 0;
  }
}
