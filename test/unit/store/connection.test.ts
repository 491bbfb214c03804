import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LeError } from '../../../src/shared/errors';
import { LATEST_VERSION, MIGRATIONS, defaultDbPath, openStore, type Store } from '../../../src/store';
import { tempDir, tempStore } from './helpers';

const open: Store[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

describe('connection', () => {
  it('opens with WAL, foreign keys, busy timeout and synchronous NORMAL', () => {
    const { store } = tempStore();
    open.push(store);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(store.integrityCheck()).toBe('ok');
  });

  it('records every migration once and reopens without reapplying', () => {
    const { store, file } = tempStore();
    expect(store.migration).toEqual({ from: 0, to: LATEST_VERSION, applied: MIGRATIONS.map((m) => m.name) });
    store.close();
    const again = openStore(file);
    open.push(again);
    expect(again.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, applied: [] });
    const rows = again.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('refuses a database newer than the app', () => {
    const { store, file } = tempStore();
    store.db.prepare("INSERT INTO schema_migrations VALUES (?, '9999_future', 'x')").run(LATEST_VERSION + 1);
    store.close();
    expect(() => openStore(file)).toThrow(/newer than this app supports/);
    try {
      openStore(file);
    } catch (err) {
      expect(err).toBeInstanceOf(LeError);
      expect((err as LeError).code).toBe('store');
    }
  });

  it('stops when a migration fails and leaves that migration unapplied', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.db');
    const bad = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: '0099_bad', sql: 'CREATE TABLE half (x); SELEC nonsense;' }];
    expect(() => openStore(file, { migrations: bad })).toThrow(/migration 0099_bad failed/);
    const db = new Database(file);
    expect((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a misnumbered migration list', () => {
    const file = path.join(tempDir(), 'x.db');
    expect(() => openStore(file, { migrations: [MIGRATIONS[1]] })).toThrow(/numbered 1..n/);
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(file, 'this is not sqlite, just text that is long enough to look like a header....');
    expect(() => openStore(file)).toThrow(LeError);
  });

  it('creates the parent directory of a new database', () => {
    const file = path.join(tempDir(), 'a', 'b', 'w.db');
    const s = openStore(file);
    open.push(s);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('defaultDbPath: LE_DB, then the OS app-data directory', () => {
    expect(defaultDbPath('linux', { LE_DB: '/x/y.db' }, '/home/u')).toBe('/x/y.db');
    expect(defaultDbPath('linux', {}, '/home/u')).toBe('/home/u/.config/local-elasticity-workbench/workbench.db');
    expect(defaultDbPath('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/local-elasticity-workbench/workbench.db');
    expect(defaultDbPath('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/local-elasticity-workbench/workbench.db');
    expect(defaultDbPath('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\local-elasticity-workbench\\workbench.db',
    );
  });
});
