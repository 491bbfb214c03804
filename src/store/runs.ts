// The runs repository: lifecycle (create → finish / fail), one run's full detail, delete.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ExperimentConfig } from '../shared/config';
import { resolveConfig } from '../shared/config';
import { LeError, type ErrorDTO } from '../shared/errors';
import type { ClusteringResult, ElasticitySnapshot, ExperimentSummary, RunMetrics, RunStatus } from '../shared/results';
import type { ClusterMethod, Measure } from '../shared/types';
import type { ParamValue, RunComparison, RunDetail, RunListPage, RunQuery, RunRow } from '../shared/store-types';
import { blobToInt32, flattenNumbers, flattenParams, fromJson, nowIso, numOrNaN, toJson } from './codec';
import type { ExperimentsRepo } from './experiments';
import type { MatricesRepo } from './matrices';
import type { SeriesWriters } from './recorder';
import { RUN_ROW_SELECT, checkRunId, requireRun, toRunRow, type RunRowRecord } from './rows';
import type { TagsRepo, NotesRepo } from './annotations';
import { compareRuns } from './compare';
import { iterateRuns, listRuns } from './list';

export interface CreateRunInput {
  /** Validated and completed with resolveConfig; the stored config is always complete. */
  config: unknown;
  experiment?: string;
  tags?: string[];
  backend: string;
  appVersion: string;
  /** 'running' (default: started now, pid = this process) or 'queued'. */
  status?: 'running' | 'queued';
}

export type FinishSummary = Pick<ExperimentSummary, 'status' | 'metrics' | 'timings' | 'probe' | 'backend'>;

const TERMINAL: readonly RunStatus[] = ['finished', 'failed', 'cancelled', 'interrupted'];

function nonEmpty(v: unknown, field: string): string {
  if (typeof v !== 'string' || !v.trim()) throw new LeError('invalid_input', `${field} must be a non-empty string`, field);
  return v;
}

/** Summary scalars of a finished run: metrics and timings flattened to key paths. */
export function summaryScalars(s: FinishSummary): Record<string, number> {
  const out: Record<string, number> = {};
  const { clustering, ...rest } = s.metrics;
  flattenNumbers(rest, '', out);
  for (const [method, r] of Object.entries(clustering ?? {}))
    for (const k of ['accuracy', 'hungarianAccuracy', 'ari', 'nmi', 'objective'] as const)
      if (typeof r?.[k] === 'number') out[`clustering.${method}.${k}`] = r[k];
  flattenNumbers(s.timings, 'timings', out);
  return out;
}

interface DetailRecord extends RunRowRecord {
  config_json: string;
  metrics_json: string | null;
  timings_json: string | null;
  probe_json: string | null;
}

export class RunsRepo {
  private readonly insertRun: Database.Statement;
  private readonly insertParam: Database.Statement;
  private readonly insertScalar: Database.Statement;
  private readonly detailStmt: Database.Statement<[number]>;

  constructor(
    private readonly db: Database.Database,
    private readonly series: SeriesWriters,
    private readonly matrices: MatricesRepo,
    private readonly experiments: ExperimentsRepo,
    private readonly tags: TagsRepo,
    private readonly notes: NotesRepo,
  ) {
    this.insertRun = db.prepare(`INSERT INTO runs (uid, experiment_id, name, status, config_json, seed, data_kind,
      dataset, arch, width, loss, backend, app_version, pid, created_at, started_at)
      VALUES (@uid, @experimentId, @name, @status, @configJson, @seed, @dataKind, @dataset, @arch, @width, @loss,
      @backend, @appVersion, @pid, @createdAt, @startedAt)`);
    this.insertParam = db.prepare('INSERT INTO run_params (run_id, key, value_json, num) VALUES (?, ?, ?, ?)');
    this.insertScalar = db.prepare('INSERT OR REPLACE INTO run_scalars (run_id, key, value) VALUES (?, ?, ?)');
    this.detailStmt = db.prepare(`${RUN_ROW_SELECT.replace('SELECT ', 'SELECT r.config_json, r.metrics_json, r.timings_json, r.probe_json, ')}
      WHERE r.id = ?`);
  }

  /** Creates a run (status 'running', started now, pid = this process; or 'queued') and returns its id. */
  create(input: CreateRunInput): number {
    const config = resolveConfig(input.config);
    const backend = nonEmpty(input.backend, 'backend');
    const appVersion = nonEmpty(input.appVersion, 'appVersion');
    const status = input.status ?? 'running';
    if (status !== 'running' && status !== 'queued')
      throw new LeError('invalid_input', `status must be running or queued, got ${String(status)}`, 'status');
    const params = flattenParams(config);
    const now = nowIso();
    return this.db.transaction(() => {
      const experimentId = input.experiment === undefined ? null : this.experiments.ensure(input.experiment);
      const id = Number(
        this.insertRun.run({
          uid: randomUUID(),
          experimentId,
          name: config.name,
          status,
          configJson: JSON.stringify(config),
          seed: config.seed,
          dataKind: config.data.kind,
          dataset: config.data.kind === 'synthetic' ? config.data.name : config.data.kind,
          arch: config.model.arch,
          width: config.model.width,
          loss: config.loss,
          backend,
          appVersion,
          pid: status === 'running' ? process.pid : null,
          createdAt: now,
          startedAt: status === 'running' ? now : null,
        }).lastInsertRowid,
      );
      for (const [key, value] of Object.entries(params))
        this.insertParam.run(id, key, JSON.stringify(value), typeof value === 'number' ? value : null);
      if (input.tags?.length) this.tags.add(id, input.tags);
      return id;
    }).immediate();
  }

  /** A queued run starts: status 'running', started now, pid = this process. */
  start(id: number, backend?: string): void {
    requireRun(this.db, id);
    const res = this.db
      .prepare(`UPDATE runs SET status = 'running', started_at = ?, pid = ?, backend = COALESCE(?, backend)
        WHERE id = ? AND status = 'queued'`)
      .run(nowIso(), process.pid, backend ?? null, id);
    if (!res.changes) throw new LeError('invalid_input', `run ${id} is not queued`, 'id');
  }

  /** Records the outcome: status, metrics (flattened into summary scalars), timings, probe, backend. */
  finish(id: number, summary: FinishSummary): void {
    checkRunId(id);
    if (!TERMINAL.includes(summary.status))
      throw new LeError('invalid_input', `finish status must be one of ${TERMINAL.join(', ')}, got ${summary.status}`, 'status');
    if (!summary.metrics || typeof summary.metrics !== 'object')
      throw new LeError('invalid_input', 'metrics must be an object', 'metrics');
    const scalars = summaryScalars(summary);
    const clustering = Object.values(summary.metrics.clustering ?? {}).filter((r): r is ClusteringResult => !!r);
    const metricsJson = toJson({ ...summary.metrics, clustering: {} });
    this.db.transaction(() => {
      requireRun(this.db, id);
      this.db
        .prepare(`UPDATE runs SET status = ?, ended_at = ?, metrics_json = ?, timings_json = ?, probe_json = ?,
          backend = ?, pid = NULL WHERE id = ?`)
        .run(summary.status, nowIso(), metricsJson, toJson(summary.timings), toJson(summary.probe), summary.backend, id);
      this.db.prepare('DELETE FROM run_scalars WHERE run_id = ?').run(id);
      for (const [k, v] of Object.entries(scalars)) this.insertScalar.run(id, k, Number.isNaN(v) ? null : v);
      this.series.clustering(id, clustering);
    }).immediate();
  }

  /** Ends a run as failed or cancelled, keeping everything it wrote. */
  fail(id: number, error: string | Error | ErrorDTO, status: 'failed' | 'cancelled' = 'failed'): void {
    if (status !== 'failed' && status !== 'cancelled')
      throw new LeError('invalid_input', `status must be failed or cancelled, got ${String(status)}`, 'status');
    const message = typeof error === 'string' ? error : error.message;
    requireRun(this.db, id);
    this.db
      .prepare('UPDATE runs SET status = ?, ended_at = ?, error = ?, pid = NULL WHERE id = ?')
      .run(status, nowIso(), message, id);
  }

  get(id: number): RunDetail {
    checkRunId(id);
    const rec = this.detailStmt.get(id) as DetailRecord | undefined;
    if (!rec) throw new LeError('not_found', `run ${id} not found`, 'id');
    const params: Record<string, ParamValue> = {};
    for (const p of this.db.prepare('SELECT key, value_json FROM run_params WHERE run_id = ? ORDER BY key').all(id) as {
      key: string;
      value_json: string;
    }[])
      params[p.key] = JSON.parse(p.value_json) as ParamValue;
    const clustering = this.clusteringOf(id);
    let metrics: RunMetrics | null = null;
    if (rec.metrics_json) {
      metrics = fromJson<RunMetrics>(rec.metrics_json);
      metrics.clustering = Object.fromEntries(clustering.map((c) => [c.method, c]));
    }
    const epochs = (
      this.db.prepare('SELECT epoch, loss, accuracy FROM run_epochs WHERE run_id = ? ORDER BY epoch').all(id) as {
        epoch: number;
        loss: number | null;
        accuracy: number | null;
      }[]
    ).map((e) => ({ epoch: e.epoch, loss: numOrNaN(e.loss), accuracy: numOrNaN(e.accuracy) }));
    return {
      ...toRunRow(rec),
      config: JSON.parse(rec.config_json) as ExperimentConfig,
      params,
      metrics,
      timings: rec.timings_json ? fromJson(rec.timings_json) : null,
      probe: rec.probe_json ? fromJson(rec.probe_json) : null,
      epochs,
      snapshots: this.snapshotsOf(id),
      matrices: this.matrices.list(id),
      clustering,
      notes: this.notes.get(id),
    };
  }

  private snapshotsOf(id: number): ElasticitySnapshot[] {
    const rows = this.db
      .prepare('SELECT epoch, measure, pearson, spearman FROM run_snapshots WHERE run_id = ? ORDER BY epoch, measure')
      .all(id) as { epoch: number; measure: Measure; pearson: number | null; spearman: number | null }[];
    const out: ElasticitySnapshot[] = [];
    for (const r of rows) {
      if (out.at(-1)?.epoch !== r.epoch) out.push({ epoch: r.epoch, correlations: {} });
      out[out.length - 1].correlations[r.measure] = { pearson: numOrNaN(r.pearson), spearman: numOrNaN(r.spearman) };
    }
    return out;
  }

  private clusteringOf(id: number): ClusteringResult[] {
    const rows = this.db
      .prepare(`SELECT method, accuracy, hungarian_accuracy, ari, nmi, objective, assignments, repeats_json
        FROM run_clustering WHERE run_id = ? ORDER BY method`)
      .all(id) as {
      method: ClusterMethod;
      accuracy: number | null;
      hungarian_accuracy: number | null;
      ari: number | null;
      nmi: number | null;
      objective: number | null;
      assignments: Buffer;
      repeats_json: string | null;
    }[];
    return rows.map((r) => ({
      method: r.method,
      accuracy: numOrNaN(r.accuracy),
      hungarianAccuracy: numOrNaN(r.hungarian_accuracy),
      ari: numOrNaN(r.ari),
      nmi: numOrNaN(r.nmi),
      assignments: Array.from(blobToInt32(r.assignments, `clustering ${r.method} assignments`)),
      ...(r.objective !== null ? { objective: r.objective } : {}),
      ...(r.repeats_json ? { repeats: fromJson<NonNullable<ClusteringResult['repeats']>>(r.repeats_json) } : {}),
    }));
  }

  /** One page of the runs table (filters, sort, page) and the total count. */
  list(q: RunQuery = {}): RunListPage {
    return listRuns(this.db, q);
  }

  /** Every run matching the filter, one row at a time. */
  iterate(q: Omit<RunQuery, 'offset' | 'limit'> = {}): Generator<RunRow> {
    return iterateRuns(this.db, q);
  }

  /** Params and summary scalars of runs side by side. */
  compare(ids: number[], opts: { differencesOnly?: boolean } = {}): RunComparison {
    return compareRuns(this.db, ids, opts);
  }

  /** Deletes runs and (by cascade) everything they own; returns how many existed. */
  delete(ids: number | number[]): number {
    const list = (Array.isArray(ids) ? ids : [ids]).map((id, i) => checkRunId(id, `ids[${i}]`));
    const del = this.db.prepare('DELETE FROM runs WHERE id = ?');
    return this.db.transaction(() => list.reduce((n, id) => n + del.run(id).changes, 0)).immediate();
  }
}
