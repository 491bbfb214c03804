// The store facade: one connection and its repositories. The CLI, the app's main process and
// the browser-mode server each open one Store (see OpenOptions.recover for a second one).
import type Database from 'better-sqlite3';
import type { RunSink } from '../shared/results';
import { NotesRepo, TagsRepo } from './annotations';
import { openDatabase, type OpenOptions } from './connection';
import { ExperimentsRepo } from './experiments';
import { MatricesRepo } from './matrices';
import type { MigrationReport } from './migrate';
import { defaultDbPath } from './paths';
import { SeriesWriters, createRecorder } from './recorder';
import { requireRun } from './rows';
import { RunsRepo } from './runs';

export class Store {
  readonly db: Database.Database;
  readonly migration: MigrationReport;
  /** Runs this open marked 'interrupted'. */
  readonly recovered: number[];
  readonly matrices: MatricesRepo;
  readonly tags: TagsRepo;
  readonly notes: NotesRepo;
  readonly experiments: ExperimentsRepo;
  readonly runs: RunsRepo;
  private readonly series: SeriesWriters;

  constructor(
    readonly path: string,
    opts: OpenOptions = {},
  ) {
    const opened = openDatabase(path, opts);
    this.db = opened.db;
    this.migration = opened.migration;
    this.recovered = opened.recovered;
    this.series = new SeriesWriters(this.db);
    this.matrices = new MatricesRepo(this.db);
    this.tags = new TagsRepo(this.db);
    this.notes = new NotesRepo(this.db);
    this.experiments = new ExperimentsRepo(this.db);
    this.runs = new RunsRepo(this.db, this.series, this.matrices, this.experiments, this.tags, this.notes);
  }

  /** A RunSink that writes to the run; each call is one transaction. */
  recorder(runId: number): RunSink {
    requireRun(this.db, runId);
    return createRecorder(runId, this.series, this.matrices);
  }

  /** PRAGMA integrity_check: 'ok' or the problems found. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating as needed) the store at `file`, by default `defaultDbPath()`. */
export function openStore(file: string = defaultDbPath(), opts: OpenOptions = {}): Store {
  return new Store(file, opts);
}
