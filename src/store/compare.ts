// Runs side by side: flattened params and summary scalars, one column per run.
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { ComparisonRow, ParamValue, RunComparison } from '../shared/store-types';
import { RUN_ROW_SELECT, checkRunId, toRunRow, type RunRowRecord } from './rows';

export const MAX_COMPARE = 1000;

function sameValues(values: unknown[]): boolean {
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first);
}

function rowsOf<T>(
  ids: number[],
  entries: { run_id: number; key: string; value: T }[],
  differencesOnly: boolean,
): ComparisonRow<T | null>[] {
  const col = new Map(ids.map((id, i) => [id, i]));
  const byKey = new Map<string, (T | null)[]>();
  for (const e of entries) {
    let values = byKey.get(e.key);
    if (!values) byKey.set(e.key, (values = ids.map(() => null)));
    values[col.get(e.run_id)!] = e.value;
  }
  return [...byKey.keys()]
    .sort()
    .map((key) => {
      const values = byKey.get(key)!;
      return { key, values, differs: !sameValues(values) };
    })
    .filter((r) => !differencesOnly || r.differs);
}

/** Compares runs in the order given (duplicates dropped); every id must exist. */
export function compareRuns(db: Database.Database, ids: number[], opts: { differencesOnly?: boolean } = {}): RunComparison {
  if (!Array.isArray(ids) || !ids.length || ids.length > MAX_COMPARE)
    throw new LeError('invalid_input', `ids must list 1 to ${MAX_COMPARE} runs`, 'ids');
  const list = [...new Set(ids.map((id, i) => checkRunId(id, `ids[${i}]`)))];
  const marks = list.map(() => '?').join(', ');
  const found = db.prepare(`${RUN_ROW_SELECT} WHERE r.id IN (${marks})`).all(...list) as RunRowRecord[];
  const byId = new Map(found.map((r) => [r.id, toRunRow(r)]));
  const missing = list.filter((id) => !byId.has(id));
  if (missing.length) throw new LeError('not_found', `run${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found`, 'ids');
  const differencesOnly = opts.differencesOnly ?? false;
  const params = (
    db.prepare(`SELECT run_id, key, value_json FROM run_params WHERE run_id IN (${marks})`).all(...list) as {
      run_id: number;
      key: string;
      value_json: string;
    }[]
  ).map((p) => ({ run_id: p.run_id, key: p.key, value: JSON.parse(p.value_json) as ParamValue }));
  const metrics = db.prepare(`SELECT run_id, key, value FROM run_scalars WHERE run_id IN (${marks})`).all(...list) as {
    run_id: number;
    key: string;
    value: number | null;
  }[];
  return {
    runs: list.map((id) => byId.get(id)!),
    params: rowsOf(list, params, differencesOnly),
    metrics: rowsOf(list, metrics, differencesOnly),
  };
}
