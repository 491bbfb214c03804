// CSV exports of stored data, streamed through writeFileAtomic: a matrix in the S.csv format
// of cli.md, the runs table, a run's series, params, summary and clustering, a comparison.
import { LeError } from '../shared/errors';
import type { RunQuery } from '../shared/store-types';
import type { ChunkWriter, WriteStats } from './csv';
import { csvLine, writeFileAtomic } from './csv';
import { matrixCsvLines } from '../shared/matrixCsv';
import { RUN_COLUMNS, runCells } from './exportColumns';
import { requireRun } from './rows';
import type { Store } from './store';

const PAGE = 500;
type Cell = string | number | boolean | null;

export interface ExportOptions {
  chunkBytes?: number;
}

/**
 * S.csv: header `id,<id_1>,…,<id_n>`, then `<id_i>,S_i1,…,S_in`; values in shortest
 * round-trip form (String(v)). A non-square matrix heads its columns with 0..cols-1.
 */
export async function exportMatrixCsv(store: Store, runId: number, name: string, out: string, opts: ExportOptions = {}): Promise<WriteStats> {
  const m = store.matrices.get(runId, name);
  return writeFileAtomic(
    out,
    async (w) => {
      for (const line of matrixCsvLines(m.ids, m.data, m.rows, m.cols)) await w.write(line);
    },
    opts,
  );
}

/** The runs table (all pages of a filter): fixed columns, then every summary scalar key. */
export async function exportRunsCsv(store: Store, query: Omit<RunQuery, 'offset' | 'limit'> = {}, out: string, opts: ExportOptions = {}): Promise<WriteStats> {
  const keys = (store.db.prepare('SELECT DISTINCT key FROM run_scalars ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  return writeFileAtomic(
    out,
    async (w) => {
      await w.write(csvLine([...RUN_COLUMNS, ...keys]));
      // Pages, not one open iterator: other code may use the connection between chunk writes.
      for (let offset = 0; ; offset += PAGE) {
        const page = store.runs.list({ ...query, offset, limit: PAGE });
        for (const row of page.rows) await w.write(csvLine([...runCells(row), ...keys.map((k) => row.scalars[k] ?? null)]));
        if (page.rows.length < PAGE) break;
      }
    },
    opts,
  );
}

async function writeSeries(store: Store, runId: number, w: ChunkWriter): Promise<void> {
  const measures = (
    store.db.prepare('SELECT DISTINCT measure FROM run_snapshots WHERE run_id = ? ORDER BY measure').all(runId) as { measure: string }[]
  ).map((r) => r.measure);
  const joins = measures
    .map((_, k) => `LEFT JOIN run_snapshots s${k} ON s${k}.run_id = @id AND s${k}.epoch = ep.epoch AND s${k}.measure = @m${k}`)
    .join('\n');
  const cols = measures.map((_, k) => `, s${k}.pearson AS p${k}, s${k}.spearman AS r${k}`).join('');
  const stmt = store.db.prepare(`WITH ep AS (SELECT epoch FROM run_epochs WHERE run_id = @id
      UNION SELECT epoch FROM run_snapshots WHERE run_id = @id)
    SELECT ep.epoch, e.loss, e.accuracy${cols} FROM ep
    LEFT JOIN run_epochs e ON e.run_id = @id AND e.epoch = ep.epoch ${joins}
    WHERE ep.epoch > @after ORDER BY ep.epoch LIMIT ${PAGE}`);
  const params: Record<string, unknown> = { id: runId, after: -1 };
  measures.forEach((m, k) => (params[`m${k}`] = m));
  await w.write(csvLine(['epoch', 'loss', 'accuracy', ...measures.flatMap((m) => [`pearson.${m}`, `spearman.${m}`])]));
  for (;;) {
    const page = stmt.all(params) as Record<string, number | null>[];
    for (const r of page) {
      const cells: (number | null)[] = [r.epoch, r.loss, r.accuracy];
      measures.forEach((_, k) => cells.push(r[`p${k}`], r[`r${k}`]));
      await w.write(csvLine(cells));
    }
    if (page.length < PAGE) break;
    params.after = page[page.length - 1].epoch;
  }
}

/** What `le export ID --what WHAT` can write besides a matrix name. */
export const RUN_TABLES = ['series', 'params', 'summary', 'clustering'] as const;
export type RunTable = (typeof RUN_TABLES)[number];

/**
 * One run's table or matrix as CSV. `what`: series (epoch, loss, accuracy, snapshot
 * correlations), params (key, value), summary (key, value), clustering (method, scores),
 * `matrix:<name>` or a bare matrix name.
 */
export async function exportRunCsv(store: Store, runId: number, what: string, out: string, opts: ExportOptions = {}): Promise<WriteStats> {
  requireRun(store.db, runId);
  if (typeof what !== 'string' || !what) throw new LeError('invalid_input', 'what must name a table or matrix', 'what');
  if (what.startsWith('matrix:')) return exportMatrixCsv(store, runId, what.slice(7), out, opts);
  const db = store.db;
  // Per-run tables are small (tens of rows): read whole, then written.
  const table = (header: string[], sql: string, map = (r: Cell[]): Cell[] => r): Promise<WriteStats> => {
    const rows = db.prepare(sql).raw().all(runId) as Cell[][];
    return writeFileAtomic(
      out,
      async (w) => {
        await w.write(csvLine(header));
        for (const r of rows) await w.write(csvLine(map(r)));
      },
      opts,
    );
  };
  switch (what) {
    case 'series':
      return writeFileAtomic(out, (w) => writeSeries(store, runId, w), opts);
    case 'params':
      return table(['key', 'value'], 'SELECT key, value_json FROM run_params WHERE run_id = ? ORDER BY key', ([k, v]) => {
        const value = JSON.parse(String(v)) as unknown;
        return [k, Array.isArray(value) ? JSON.stringify(value) : (value as Cell)];
      });
    case 'summary':
      return table(['key', 'value'], 'SELECT key, value FROM run_scalars WHERE run_id = ? ORDER BY key');
    case 'clustering':
      return table(
        ['method', 'accuracy', 'hungarianAccuracy', 'ari', 'nmi', 'objective'],
        'SELECT method, accuracy, hungarian_accuracy, ari, nmi, objective FROM run_clustering WHERE run_id = ? ORDER BY method',
      );
    default:
      if (!store.matrices.list(runId).some((m) => m.name === what))
        throw new LeError('not_found', `run ${runId} has no table or matrix named ${what} (tables: ${RUN_TABLES.join(', ')})`, 'what');
      return exportMatrixCsv(store, runId, what, out, opts);
  }
}

/** Runs side by side: `section,key,<id…>`; sections run (name, status, …), param, metric. */
export async function exportComparisonCsv(
  store: Store,
  ids: number[],
  out: string,
  opts: ExportOptions & { differencesOnly?: boolean } = {},
): Promise<WriteStats> {
  const cmp = store.runs.compare(ids, { differencesOnly: opts.differencesOnly });
  return writeFileAtomic(
    out,
    async (w) => {
      await w.write(csvLine(['section', 'key', ...cmp.runs.map((r) => r.id)]));
      for (const [k, col] of RUN_COLUMNS.entries())
        if (col !== 'id') await w.write(csvLine(['run', col, ...cmp.runs.map((r) => runCells(r)[k])]));
      for (const p of cmp.params)
        await w.write(csvLine(['param', p.key, ...p.values.map((v) => (Array.isArray(v) ? JSON.stringify(v) : v))]));
      for (const m of cmp.metrics) await w.write(csvLine(['metric', m.key, ...m.values]));
    },
    opts,
  );
}
