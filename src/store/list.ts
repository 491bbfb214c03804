// The runs table: filters, sort by any column or summary scalar, pagination, total count.
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { RunFilter, RunListPage, RunQuery, RunRow, RunSortKey } from '../shared/store-types';
import { RUN_SORT_COLUMNS, RUN_STATUSES } from '../shared/store-types';
import { MEASURES } from '../shared/types';
import { RUN_ROW_SELECT, toRunRow, type RunRowRecord } from './rows';

const SORT_SQL: Record<(typeof RUN_SORT_COLUMNS)[number], string> = {
  id: 'r.id',
  name: 'r.name COLLATE NOCASE',
  status: 'r.status',
  experiment: 'e.name COLLATE NOCASE',
  dataset: 'r.dataset',
  arch: 'r.arch',
  loss: 'r.loss',
  seed: 'r.seed',
  backend: 'r.backend',
  createdAt: 'r.created_at',
  startedAt: 'r.started_at',
  endedAt: 'r.ended_at',
  trainAccuracy: "(SELECT value FROM run_scalars s WHERE s.run_id = r.id AND s.key = 'trainAccuracy')",
};

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;

const like = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function str(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.length > 200) throw new LeError('invalid_input', `${field} must be a string of at most 200 characters`, field);
  return v;
}

/** WHERE clause and its parameters for a filter; every value validated. */
export function whereOf(f: RunFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.dataset !== undefined) {
    parts.push('(r.dataset = ? OR r.data_kind = ?)');
    params.push(str(f.dataset, 'dataset'), f.dataset);
  }
  if (f.arch !== undefined) {
    parts.push('r.arch = ?');
    params.push(str(f.arch, 'arch'));
  }
  if (f.loss !== undefined) {
    parts.push('r.loss = ?');
    params.push(str(f.loss, 'loss'));
  }
  if (f.measure !== undefined) {
    if (!(MEASURES as readonly string[]).includes(f.measure))
      throw new LeError('invalid_input', `measure must be one of ${MEASURES.join(', ')}`, 'measure');
    parts.push("EXISTS (SELECT 1 FROM json_each(r.config_json, '$.probe.measures') m WHERE m.value = ?)");
    params.push(f.measure);
  }
  if (f.tag !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND t.tag = ?)');
    params.push(str(f.tag, 'tag'));
  }
  if (f.experiment !== undefined) {
    parts.push('e.name = ?');
    params.push(str(f.experiment, 'experiment'));
  }
  if (f.status !== undefined) {
    const list = Array.isArray(f.status) ? f.status : [f.status];
    for (const s of list)
      if (!(RUN_STATUSES as readonly string[]).includes(s))
        throw new LeError('invalid_input', `status must be one of ${RUN_STATUSES.join(', ')}, got ${String(s)}`, 'status');
    if (!list.length) throw new LeError('invalid_input', 'status must name at least one status', 'status');
    parts.push(`r.status IN (${list.map(() => '?').join(', ')})`);
    params.push(...list);
  }
  if (f.text !== undefined && f.text.trim()) {
    const p = like(str(f.text, 'text').trim());
    parts.push(`(r.name LIKE ? ESCAPE '\\' OR r.config_json LIKE ? ESCAPE '\\' OR r.error LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM run_notes n WHERE n.run_id = r.id AND n.markdown LIKE ? ESCAPE '\\'))`);
    params.push(p, p, p, p);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** ORDER BY clause for a sort key; unknown keys are refused. Ties break on id. */
export function orderOf(sort: RunSortKey = 'createdAt', order: 'asc' | 'desc' = 'desc'): { sql: string; params: unknown[] } {
  if (order !== 'asc' && order !== 'desc') throw new LeError('invalid_input', 'order must be asc or desc', 'order');
  const dir = order.toUpperCase();
  if (typeof sort === 'string' && sort.startsWith('metric:') && sort.length > 7)
    return {
      sql: `ORDER BY (SELECT value FROM run_scalars s WHERE s.run_id = r.id AND s.key = ?) ${dir} NULLS LAST, r.id ${dir}`,
      params: [sort.slice(7)],
    };
  const col = SORT_SQL[sort as keyof typeof SORT_SQL];
  if (!col || !Object.prototype.hasOwnProperty.call(SORT_SQL, sort))
    throw new LeError('invalid_input', `sort must be one of ${RUN_SORT_COLUMNS.join(', ')} or metric:<key>, got ${String(sort)}`, 'sort');
  return { sql: `ORDER BY ${col} ${dir} NULLS LAST, r.id ${dir}`, params: [] };
}

function pageArg(v: unknown, dflt: number, min: number, max: number, field: string): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
    throw new LeError('invalid_input', `${field} must be an integer in [${min}, ${max}], got ${JSON.stringify(v)}`, field);
  return v;
}

export function listRuns(db: Database.Database, q: RunQuery = {}): RunListPage {
  const limit = pageArg(q.limit, DEFAULT_PAGE, 1, MAX_PAGE, 'limit');
  const offset = pageArg(q.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
  const where = whereOf(q);
  const order = orderOf(q.sort, q.order);
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM runs r LEFT JOIN experiments e ON e.id = r.experiment_id ${where.sql}`).get(...where.params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(`${RUN_ROW_SELECT} ${where.sql} ${order.sql} LIMIT ? OFFSET ?`)
    .all(...where.params, ...order.params, limit, offset) as RunRowRecord[];
  return { rows: rows.map(toRunRow), total, offset, limit };
}

/** Every matching row, read one at a time (constant memory, for exports). */
export function* iterateRuns(db: Database.Database, q: Omit<RunQuery, 'offset' | 'limit'> = {}): Generator<RunRow> {
  const where = whereOf(q);
  const order = orderOf(q.sort, q.order);
  const stmt = db.prepare(`${RUN_ROW_SELECT} ${where.sql} ${order.sql}`);
  for (const r of stmt.iterate(...where.params, ...order.params)) yield toRunRow(r as RunRowRecord);
}
