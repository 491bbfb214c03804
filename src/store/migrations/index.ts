// The ordered list of migrations. The SQL lives in TS modules (template literals) so it
// survives bundling; nothing is read from disk at runtime.
import { sql as init } from './0001_init';
import { sql as notes } from './0002_notes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_notes', sql: notes },
];

/** The schema version this build of the app writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
