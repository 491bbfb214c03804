// The database the CLI uses: --db, else $LE_DB, else the app's default (shared with the app).
import { defaultDbPath, openStore, type Store } from '../store';

export function dbPathOf(values: Record<string, unknown>): string {
  return typeof values.db === 'string' && values.db ? values.db : defaultDbPath();
}

export async function withStore<T>(values: Record<string, unknown>, fn: (store: Store) => T | Promise<T>): Promise<T> {
  const store = openStore(dbPathOf(values));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
