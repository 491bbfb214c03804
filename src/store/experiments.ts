// Experiments: named groups of runs. Deleting one keeps its runs (they become ungrouped).
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { ExperimentRow } from '../shared/store-types';
import { nowIso } from './codec';
import { requireRun } from './rows';

function checkName(name: unknown): string {
  const s = typeof name === 'string' ? name.trim() : '';
  if (!s || s.length > 200) throw new LeError('invalid_input', 'experiment must be a non-empty name of at most 200 characters', 'experiment');
  return s;
}

export class ExperimentsRepo {
  constructor(private readonly db: Database.Database) {}

  /** The experiment's id, creating it if needed. */
  ensure(name: string, description = ''): number {
    const n = checkName(name);
    this.db
      .prepare('INSERT INTO experiments (name, description, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING')
      .run(n, description, nowIso());
    return (this.db.prepare('SELECT id FROM experiments WHERE name = ?').get(n) as { id: number }).id;
  }

  list(): ExperimentRow[] {
    return this.db
      .prepare(`SELECT e.id, e.name, e.description, e.created_at AS createdAt,
        (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.id) AS runCount FROM experiments e ORDER BY e.name`)
      .all() as ExperimentRow[];
  }

  /** Moves a run into an experiment (created if needed), or out of any with null. */
  assign(runId: number, name: string | null): void {
    this.db.transaction(() => {
      requireRun(this.db, runId);
      const id = name === null ? null : this.ensure(name);
      this.db.prepare('UPDATE runs SET experiment_id = ? WHERE id = ?').run(id, runId);
    }).immediate();
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM experiments WHERE name = ?').run(checkName(name)).changes > 0;
  }
}
