// Run bundles: one run (with its params, series, matrices, clustering, tags and notes) in
// a small SQLite file of the store's own schema, plus a `bundle_info` table. Export copies
// the rows through ATTACH; import copies them back under new ids, migrating an older bundle
// first (on a temporary copy) and refusing a newer one. A bundle whose run is already in the
// store (same uid) is skipped by default, or imported again as a copy with a new uid.
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LeError } from '../shared/errors';
import { nowIso } from './codec';
import { applyMigrations } from './migrate';
import { LATEST_VERSION } from './migrations';
import { requireRun } from './rows';
import type { Store } from './store';

export const BUNDLE_FORMAT = 'le-run-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const tmpName = (dir: string, base: string): string => path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Tables owning rows of a run (a `run_id` column), in creation order. */
function childTables(db: Database.Database, schema: string): string[] {
  const tables = db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY rowid`).all() as { name: string }[];
  return tables.map((t) => t.name).filter((t) => columns(db, schema, t).includes('run_id'));
}

function columns(db: Database.Database, schema: string, table: string): string[] {
  return (db.prepare(`PRAGMA ${schema}.table_info(${ident(table)})`).all() as { name: string }[]).map((c) => c.name);
}

function withAttached<T>(db: Database.Database, file: string, fn: () => T): T {
  db.prepare('ATTACH DATABASE ? AS bundle').run(file);
  try {
    return fn();
  } finally {
    db.exec('DETACH DATABASE bundle');
  }
}

/** Writes run `runId` to a bundle file at `out` (temporary name, then renamed). */
export function exportBundle(store: Store, runId: number, out: string, appVersion = 'unknown'): { path: string; bytes: number } {
  requireRun(store.db, runId);
  const abs = path.resolve(out);
  const tmp = tmpName(path.dirname(abs), path.basename(abs));
  try {
    const b = new Database(tmp);
    try {
      b.pragma('journal_mode = DELETE');
      applyMigrations(b);
      b.exec('CREATE TABLE bundle_info (format TEXT NOT NULL, format_version INTEGER NOT NULL, app_version TEXT NOT NULL, exported_at TEXT NOT NULL)');
      b.prepare('INSERT INTO bundle_info VALUES (?, ?, ?, ?)').run(BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, appVersion, nowIso());
    } finally {
      b.close();
    }
    withAttached(store.db, tmp, () =>
      store.db.transaction(() => {
        store.db
          .prepare('INSERT INTO bundle.experiments SELECT * FROM main.experiments WHERE id = (SELECT experiment_id FROM main.runs WHERE id = ?)')
          .run(runId);
        store.db.prepare('INSERT INTO bundle.runs SELECT * FROM main.runs WHERE id = ?').run(runId);
        for (const t of childTables(store.db, 'main'))
          store.db.prepare(`INSERT INTO bundle.${ident(t)} SELECT * FROM main.${ident(t)} WHERE run_id = ?`).run(runId);
      }).immediate(),
    );
    fs.renameSync(tmp, abs);
    return { path: abs, bytes: fs.statSync(abs).size };
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof LeError) throw err;
    throw new LeError('bad_file', `cannot write bundle ${out}: ${err instanceof Error ? err.message : String(err)}`, 'out');
  }
}

/** Opens a bundle read-only and checks what it is; returns its schema version. */
function inspect(file: string): number {
  let b: Database.Database;
  try {
    b = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new LeError('bad_file', `cannot open bundle ${file}: ${err instanceof Error ? err.message : String(err)}`, 'path');
  }
  try {
    if (!b.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bundle_info'").get()) throw new Error('not a run bundle');
    const info = b.prepare('SELECT format, format_version FROM bundle_info').get() as { format: string; format_version: number } | undefined;
    if (info?.format !== BUNDLE_FORMAT) throw new Error('not a run bundle');
    if (info.format_version > BUNDLE_FORMAT_VERSION) throw new Error(`bundle format ${info.format_version} is newer than this app reads`);
    const v = (b.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (v > LATEST_VERSION) throw new Error(`its schema version ${v} is newer than this app supports (${LATEST_VERSION})`);
    return v;
  } catch (err) {
    throw new LeError('bad_file', `cannot import ${file}: ${err instanceof Error ? err.message : String(err)}`, 'path');
  } finally {
    b.close();
  }
}

export interface ImportResult {
  /** Id of the run in this store (new, or the existing copy when skipped). */
  runId: number;
  imported: boolean;
}

/** Imports a bundle's run under a new id. onExisting: 'skip' (default) or 'copy' (new uid). */
export function importBundle(store: Store, file: string, opts: { onExisting?: 'skip' | 'copy' } = {}): ImportResult[] {
  const onExisting = opts.onExisting ?? 'skip';
  if (onExisting !== 'skip' && onExisting !== 'copy') throw new LeError('invalid_input', 'onExisting must be skip or copy', 'onExisting');
  let source = file;
  let tmp: string | undefined;
  if (inspect(file) < LATEST_VERSION) {
    tmp = tmpName(os.tmpdir(), path.basename(file));
    fs.copyFileSync(file, tmp);
    const b = new Database(tmp);
    try {
      applyMigrations(b);
    } finally {
      b.close();
    }
    source = tmp;
  }
  const db = store.db;
  try {
    return withAttached(db, source, () =>
      db.transaction(() => {
        const runCols = columns(db, 'main', 'runs').filter((c) => c !== 'id');
        const tables = childTables(db, 'main');
        const runs = db.prepare('SELECT r.id, r.uid, e.name AS experiment FROM bundle.runs r LEFT JOIN bundle.experiments e ON e.id = r.experiment_id ORDER BY r.id').all() as {
          id: number;
          uid: string;
          experiment: string | null;
        }[];
        return runs.map((r): ImportResult => {
          const existing = db.prepare('SELECT id FROM main.runs WHERE uid = ?').get(r.uid) as { id: number } | undefined;
          if (existing && onExisting === 'skip') return { runId: existing.id, imported: false };
          const experimentId = r.experiment === null ? null : store.experiments.ensure(r.experiment);
          const select = runCols.map((c) =>
            c === 'uid' ? '@uid' : c === 'experiment_id' ? '@experimentId' : c === 'pid' ? 'NULL'
              : c === 'status' ? "CASE WHEN status IN ('running', 'queued') THEN 'interrupted' ELSE status END" : ident(c),
          );
          const res = db
            .prepare(`INSERT INTO main.runs (${runCols.map(ident).join(', ')}) SELECT ${select.join(', ')} FROM bundle.runs WHERE id = @id`)
            .run({ uid: existing ? randomUUID() : r.uid, experimentId, id: r.id });
          const runId = Number(res.lastInsertRowid);
          for (const t of tables) {
            const cols = columns(db, 'main', t).filter((c) => c !== 'id'); // a child's own rowid key is renumbered
            const sel = cols.map((c) => (c === 'run_id' ? '@runId' : ident(c)));
            const order = cols.length < columns(db, 'main', t).length ? ' ORDER BY id' : ''; // keep write order
            db.prepare(`INSERT INTO main.${ident(t)} (${cols.map(ident).join(', ')}) SELECT ${sel.join(', ')} FROM bundle.${ident(t)} WHERE run_id = @old${order}`).run({ runId, old: r.id });
          }
          return { runId, imported: true };
        });
      }).immediate(),
    );
  } finally {
    if (tmp) fs.rmSync(tmp, { force: true });
  }
}
