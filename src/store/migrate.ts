// Forward-only migration runner: each pending migration runs in its own IMMEDIATE
// transaction and is recorded in schema_migrations. A database newer than this app, or a
// migration that fails, stops startup with LeError('store').
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';

export interface MigrationReport {
  /** Schema version found at open (0: a new database). */
  from: number;
  to: number;
  applied: string[];
}

function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new LeError('store', `migration list is not numbered 1..n: ${m.name} has version ${m.version} at position ${i + 1}`);
  });
}

function currentVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  checkList(migrations);
  const latest = migrations.length;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const from = currentVersion(db);
  if (from > latest)
    throw new LeError(
      'store',
      `the database has schema version ${from}, newer than this app supports (${latest}); use a newer version of the app`,
    );
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations.slice(from)) {
    const step = db.transaction(() => {
      // Another process may have applied it while we waited for the write lock.
      if (currentVersion(db) >= m.version) return false;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      return true;
    });
    try {
      if (step.immediate()) applied.push(m.name);
    } catch (err) {
      throw new LeError('store', `migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { from, to: Math.max(from, currentVersion(db)), applied };
}
