// The run store: better-sqlite3 connection, numbered migrations, repositories, CSV export
// and run bundles. See store.ts for the facade most callers need.
export { Store, openStore } from './store';
export type { OpenOptions, OpenedDatabase } from './connection';
export { openDatabase } from './connection';
export { defaultDbPath, appDataDir } from './paths';
export { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';
export { applyMigrations, type MigrationReport } from './migrate';
export { isPidAlive, recoverInterrupted, type RecoverMode } from './recover';
export type { CreateRunInput, FinishSummary } from './runs';
export { RunsRepo, summaryScalars } from './runs';
export { MatricesRepo } from './matrices';
export { TagsRepo, NotesRepo } from './annotations';
export { ExperimentsRepo } from './experiments';
export { csvField, csvLine, writeFileAtomic, type WriteStats, type ChunkWriter } from './csv';
export { exportMatrixCsv, exportRunsCsv, exportRunCsv, exportComparisonCsv, RUN_TABLES, type ExportOptions } from './export';
export { exportBundle, importBundle, BUNDLE_FORMAT, type ImportResult } from './bundle';
