// The store's RunSink: each call is its own transaction, so a crash keeps every call that
// returned. Replayed epochs, snapshots, matrices and clusterings replace earlier rows.
import type Database from 'better-sqlite3';
import { LeError } from '../shared/errors';
import type { ClusteringResult, ElasticitySnapshot, EpochMetrics, LabelledMatrix, RunSink } from '../shared/results';
import { CLUSTER_METHODS, MEASURES } from '../shared/types';
import { intsToBlob, nullIfNaN, toJson } from './codec';
import type { MatricesRepo } from './matrices';
import { requireRun } from './rows';

function checkEpoch(epoch: unknown, field: string): number {
  if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || epoch < 0)
    throw new LeError('invalid_input', `${field} must be a non-negative integer, got ${String(epoch)}`, field);
  return epoch;
}

function checkNumber(v: unknown, field: string): number {
  if (typeof v !== 'number') throw new LeError('invalid_input', `${field} must be a number, got ${typeof v}`, field);
  return v;
}

/** Prepared writers for the per-run series; shared by the recorder and `runs.finish`. */
export class SeriesWriters {
  private readonly epochStmt: Database.Statement;
  private readonly snapStmt: Database.Statement;
  private readonly clusterStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.epochStmt = db.prepare('INSERT OR REPLACE INTO run_epochs (run_id, epoch, loss, accuracy) VALUES (?, ?, ?, ?)');
    this.snapStmt = db.prepare(
      'INSERT OR REPLACE INTO run_snapshots (run_id, epoch, measure, pearson, spearman) VALUES (?, ?, ?, ?, ?)',
    );
    this.clusterStmt = db.prepare(`INSERT OR REPLACE INTO run_clustering
      (run_id, method, accuracy, hungarian_accuracy, ari, nmi, objective, assignments, repeats_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  epochs(runId: number, rows: EpochMetrics[]): void {
    if (!Array.isArray(rows)) throw new LeError('invalid_input', 'epochs must be an array', 'epochs');
    rows.forEach((r, i) => {
      checkEpoch(r.epoch, `epochs[${i}].epoch`);
      checkNumber(r.loss, `epochs[${i}].loss`);
      checkNumber(r.accuracy, `epochs[${i}].accuracy`);
    });
    this.db.transaction(() => {
      requireRun(this.db, runId);
      for (const r of rows) this.epochStmt.run(runId, r.epoch, nullIfNaN(r.loss), nullIfNaN(r.accuracy));
    }).immediate();
  }

  snapshot(runId: number, s: ElasticitySnapshot): void {
    checkEpoch(s.epoch, 'snapshot.epoch');
    const entries = Object.entries(s.correlations ?? {});
    for (const [measure, c] of entries) {
      if (!(MEASURES as readonly string[]).includes(measure))
        throw new LeError('invalid_input', `snapshot.correlations: unknown measure ${measure}`, 'snapshot.correlations');
      checkNumber(c?.pearson, `snapshot.correlations.${measure}.pearson`);
      checkNumber(c?.spearman, `snapshot.correlations.${measure}.spearman`);
    }
    this.db.transaction(() => {
      requireRun(this.db, runId);
      for (const [measure, c] of entries) this.snapStmt.run(runId, s.epoch, measure, nullIfNaN(c.pearson), nullIfNaN(c.spearman));
    }).immediate();
  }

  /** Upserts clustering results; call inside a transaction or alone (then it is one). */
  clustering(runId: number, results: ClusteringResult[]): void {
    const prepared = results.map((r, i) => {
      if (!(CLUSTER_METHODS as readonly string[]).includes(r.method))
        throw new LeError('invalid_input', `clustering[${i}].method: unknown method ${String(r.method)}`, 'method');
      for (const k of ['accuracy', 'hungarianAccuracy', 'ari', 'nmi'] as const) checkNumber(r[k], `clustering.${r.method}.${k}`);
      if (!Array.isArray(r.assignments))
        throw new LeError('invalid_input', `clustering.${r.method}.assignments must be an array`, 'assignments');
      return [
        runId,
        r.method,
        nullIfNaN(r.accuracy),
        nullIfNaN(r.hungarianAccuracy),
        nullIfNaN(r.ari),
        nullIfNaN(r.nmi),
        nullIfNaN(r.objective),
        intsToBlob(r.assignments, `clustering.${r.method}.assignments`),
        r.repeats ? toJson(r.repeats) : null,
      ];
    });
    this.db.transaction(() => {
      requireRun(this.db, runId);
      for (const p of prepared) this.clusterStmt.run(...p);
    }).immediate();
  }
}

/** A RunSink writing to one run; every call is one transaction. */
export function createRecorder(runId: number, series: SeriesWriters, matrices: MatricesRepo): RunSink {
  return {
    epochs: (rows: EpochMetrics[]) => series.epochs(runId, rows),
    snapshot: (s: ElasticitySnapshot) => series.snapshot(runId, s),
    matrix: (m: LabelledMatrix) => matrices.put(runId, m),
    clustering: (r: ClusteringResult) => series.clustering(runId, [r]),
  };
}
