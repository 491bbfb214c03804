// Opens a store database the same way every time: busy timeout, WAL, foreign keys,
// synchronous NORMAL; then migrations, then the crash-recovery sweep.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LeError } from '../shared/errors';
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';
import type { MigrationReport } from './migrate';
import { applyMigrations } from './migrate';
import type { RecoverMode } from './recover';
import { recoverInterrupted } from './recover';

export interface OpenOptions {
  /** Migrations to apply (tests pass a prefix of MIGRATIONS or a failing list). */
  migrations?: readonly Migration[];
  /** Which 'running' rows to mark interrupted at open (default 'all'). */
  recover?: RecoverMode;
  /** How long a writer waits for the lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  migration: MigrationReport;
  /** Ids of runs marked 'interrupted' by this open. */
  recovered: number[];
}

export const PAGE_SIZE = 16384;

/** Applies the connection pragmas; WAL is refused only for in-memory databases. */
export function configureConnection(db: Database.Database, busyTimeoutMs = 5000): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // Takes effect only while the file is still empty (a new database); an existing one keeps
  // its page size. Matrices are multi-MB BLOBs: fewer, larger overflow pages store a
  // 2000×2000 float64 matrix about twice as fast as 4 KiB pages, at a small cost per small write.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true }) as string;
  if (mode !== 'wal' && !db.memory) throw new LeError('store', `could not switch ${db.name} to WAL (journal_mode is ${mode})`);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Keep the WAL file from staying at the size of the largest matrix ever written.
  db.pragma('journal_size_limit = 67108864');
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  if (typeof file !== 'string' || !file) throw new LeError('invalid_input', 'database path must be a non-empty string', 'path');
  let db: Database.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
  } catch (err) {
    throw new LeError('store', `cannot open database ${file}: ${err instanceof Error ? err.message : String(err)}`, file);
  }
  try {
    configureConnection(db, opts.busyTimeoutMs);
    const migration = applyMigrations(db, opts.migrations ?? MIGRATIONS);
    const recovered = recoverInterrupted(db, opts.recover ?? 'all');
    return { db, migration, recovered };
  } catch (err) {
    db.close();
    if (err instanceof LeError) throw err;
    throw new LeError('store', `cannot open database ${file}: ${err instanceof Error ? err.message : String(err)}`, file);
  }
}
