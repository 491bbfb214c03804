// The runs-table row as SQL and as a DTO, shared by list, get, compare and export.
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { RunStatus } from '../shared/results';
import type { RunRow } from '../shared/store-types';
import type { Measure } from '../shared/types';
import { fromJson } from './codec';

export const RUN_ROW_SELECT = `
SELECT r.id, r.uid, r.name, r.status, e.name AS experiment, r.data_kind, r.dataset, r.arch, r.width,
  r.loss, json_extract(r.config_json, '$.probe.measures') AS measures_json, r.seed, r.backend,
  r.app_version, r.created_at, r.started_at, r.ended_at, r.error,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM run_tags t WHERE t.run_id = r.id ORDER BY tag)) AS tags_json,
  (SELECT json_group_object(key, value) FROM run_scalars s WHERE s.run_id = r.id) AS scalars_json
FROM runs r LEFT JOIN experiments e ON e.id = r.experiment_id`;

export interface RunRowRecord {
  id: number;
  uid: string;
  name: string;
  status: RunStatus;
  experiment: string | null;
  data_kind: string;
  dataset: string;
  arch: string;
  width: number | null;
  loss: string;
  measures_json: string | null;
  seed: number;
  backend: string;
  app_version: string;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  error: string | null;
  tags_json: string;
  scalars_json: string;
}

export function toRunRow(r: RunRowRecord): RunRow {
  return {
    id: r.id,
    uid: r.uid,
    name: r.name,
    status: r.status,
    experiment: r.experiment,
    dataKind: r.data_kind,
    dataset: r.dataset,
    arch: r.arch,
    width: r.width,
    loss: r.loss,
    measures: r.measures_json ? (JSON.parse(r.measures_json) as Measure[]) : [],
    seed: r.seed,
    backend: r.backend,
    appVersion: r.app_version,
    createdAt: r.created_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    error: r.error,
    tags: JSON.parse(r.tags_json) as string[],
    // SQLite renders ±Infinity as ±9e999 in JSON, which JSON.parse reads back as ±Infinity.
    scalars: fromJson<Record<string, number | null>>(r.scalars_json),
  };
}

export function checkRunId(id: unknown, field = 'id'): number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
    throw new LeError('invalid_input', `${field} must be a positive integer run id, got ${String(id)}`, field);
  return id;
}

const existsStmt = new WeakMap<Database.Database, Database.Statement<[number]>>();

/** Throws not_found unless the run exists. */
export function requireRun(db: Database.Database, id: number): void {
  checkRunId(id);
  let stmt = existsStmt.get(db);
  if (!stmt) existsStmt.set(db, (stmt = db.prepare<[number]>('SELECT 1 FROM runs WHERE id = ?')));
  if (!stmt.get(id)) throw new LeError('not_found', `run ${id} not found`, 'id');
}
