// What a researcher adds to a run: tags (short labels, case-sensitive, trimmed) and one
// Markdown note per run.
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { RunNotes } from '../shared/store-types';
import { nowIso } from './codec';
import { requireRun } from './rows';

export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 100_000;

function cleanTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) throw new LeError('invalid_input', 'tags must be an array of strings', 'tags');
  return [
    ...new Set(
      tags.map((t, i) => {
        const s = typeof t === 'string' ? t.trim() : '';
        if (!s || s.length > MAX_TAG_LENGTH)
          throw new LeError('invalid_input', `tags[${i}] must be a non-empty string of at most ${MAX_TAG_LENGTH} characters`, `tags.${i}`);
        return s;
      }),
    ),
  ];
}

export class TagsRepo {
  private readonly ins: Database.Statement<[number, string]>;
  private readonly del: Database.Statement<[number, string]>;
  private readonly of: Database.Statement<[number]>;

  constructor(private readonly db: Database.Database) {
    this.ins = db.prepare('INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)');
    this.del = db.prepare('DELETE FROM run_tags WHERE run_id = ? AND tag = ?');
    this.of = db.prepare('SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag');
  }

  /** Adds tags (duplicates ignored); returns the run's tags. */
  add(runId: number, tags: string[]): string[] {
    const clean = cleanTags(tags);
    this.db.transaction(() => {
      requireRun(this.db, runId);
      for (const t of clean) this.ins.run(runId, t);
    }).immediate();
    return this.list(runId);
  }

  /** Removes tags (absent ones ignored); returns the run's tags. */
  remove(runId: number, tags: string[]): string[] {
    const clean = cleanTags(tags);
    this.db.transaction(() => {
      requireRun(this.db, runId);
      for (const t of clean) this.del.run(runId, t);
    }).immediate();
    return this.list(runId);
  }

  list(runId: number): string[] {
    return (this.of.all(runId) as { tag: string }[]).map((r) => r.tag);
  }

  /** Every tag in use, with how many runs carry it. */
  all(): { tag: string; count: number }[] {
    return this.db.prepare('SELECT tag, COUNT(*) AS count FROM run_tags GROUP BY tag ORDER BY tag').all() as {
      tag: string;
      count: number;
    }[];
  }
}

export class NotesRepo {
  constructor(private readonly db: Database.Database) {}

  /** Sets the run's Markdown note; an empty or blank note removes it. */
  set(runId: number, markdown: string): RunNotes {
    if (typeof markdown !== 'string' || markdown.length > MAX_NOTE_LENGTH)
      throw new LeError('invalid_input', `markdown must be a string of at most ${MAX_NOTE_LENGTH} characters`, 'markdown');
    const updatedAt = nowIso();
    this.db.transaction(() => {
      requireRun(this.db, runId);
      if (!markdown.trim()) this.db.prepare('DELETE FROM run_notes WHERE run_id = ?').run(runId);
      else
        this.db
          .prepare(`INSERT INTO run_notes (run_id, markdown, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (run_id) DO UPDATE SET markdown = excluded.markdown, updated_at = excluded.updated_at`)
          .run(runId, markdown, updatedAt);
    }).immediate();
    return { markdown: markdown.trim() ? markdown : '', updatedAt };
  }

  get(runId: number): RunNotes | null {
    const row = this.db.prepare('SELECT markdown, updated_at AS updatedAt FROM run_notes WHERE run_id = ?').get(runId) as
      | RunNotes
      | undefined;
    return row ?? null;
  }
}
