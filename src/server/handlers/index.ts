// The one handler table behind every front end: Electron's ipcMain.handle and the browser-mode
// HTTP server both call `dispatch`, which validates the payload against the contract, runs the
// handler and turns any throw into { ok: false, error } — a malformed message never crashes.
import os from 'node:os';
import type { Channel, ConfigValidation, DatasetInfo, ExportRequest, Res, ValidReq } from '../../shared/contract';
import { isChannel, validateRequest } from '../../shared/contract';
import { resolveConfig } from '../../shared/config';
import { LeError, toErrorDTO, type Result } from '../../shared/errors';
import { PRESETS } from '../../shared/presets';
import { listDatasets } from '../../engine/data';
import { toMatrixPayload } from './matrix';
import { runPoints } from './points';
import type { HandlerDeps } from './ports';

export type { HandlerDeps, RunStorePort, ExportTarget } from './ports';
export type Handler<C extends Channel> = (req: ValidReq<C>) => Promise<Res<C>> | Res<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };

function datasets(): DatasetInfo[] {
  const c = listDatasets();
  return [
    ...c.synthetic.map(({ name, description, ...params }) => ({ kind: 'synthetic', name, description, params })),
    { kind: 'mnist', description: c.mnist.description, params: { ...c.mnist.defaults, available: c.mnist.available, imageShape: c.mnist.imageShape } },
    { kind: 'idx', description: c.idx.description, params: { ...c.idx.defaults, required: c.idx.required } },
    { kind: 'cifar10', description: c.cifar10.description, params: { ...c.cifar10.defaults, required: c.cifar10.required, classes: c.cifar10.classes } },
    { kind: 'csv', description: c.csv.description, params: { required: c.csv.required } },
  ];
}

function validateConfig(config: unknown): ConfigValidation {
  try {
    return { valid: true, config: resolveConfig(config) };
  } catch (err) {
    if (err instanceof LeError) return { valid: false, field: err.field ?? '(root)', message: err.message };
    throw err;
  }
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._@-]+/g, '_').slice(0, 80);

export function exportFileName(req: ExportRequest): string {
  switch (req.what) {
    case 'matrix':
      return `run-${req.id}-${safe(req.name)}.csv`;
    case 'runs':
      return 'runs.csv';
    case 'series':
      return `run-${req.id}-series.csv`;
    case 'table':
      return `run-${req.id}-${req.table}.csv`;
    case 'comparison':
      return `compare-${req.ids.slice(0, 8).join('-')}${req.ids.length > 8 ? '-more' : ''}.csv`;
  }
}

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { store, queue } = deps;
  const changed = (ids?: number[]): void => deps.emit?.('runs:changed', ids ? { ids } : {});
  // The first status call starts a short worker that reports which compute backend starts.
  let probe: Promise<unknown> | undefined;
  return {
    'system:status': async () => ({
      mode: deps.mode,
      appVersion: deps.appVersion,
      backend: queue.backend() ?? (await (probe ??= queue.probeBackend().catch(() => null)), queue.backend()),
      dbPath: deps.dbPath,
      dataLocations: deps.dataLocations ?? {},
      platform: `${os.platform()} ${os.arch()}`,
      versions: { node: process.versions.node, ...(deps.versions ?? {}) },
      queue: queue.counts(),
    }),
    'datasets:list': datasets,
    'presets:list': () => PRESETS,
    'config:validate': (req) => validateConfig(req.config),
    'jobs:start': (req) => queue.enqueue(resolveConfig(req.config), { experiment: req.experiment, tags: req.tags }),
    'jobs:cancel': (req) => queue.cancel(req.jobId),
    'jobs:list': () => queue.list(),
    'runs:list': (req) => store.list(req ?? {}),
    'runs:get': (req) => store.get(req.id),
    'runs:compare': (req) => store.compare(req.ids, { differencesOnly: req.differencesOnly }),
    'runs:delete': (req) => {
      const running = new Set(queue.list().filter((j) => j.status === 'running').map((j) => j.runId));
      const busy = req.ids.filter((id) => running.has(id));
      if (busy.length) throw new LeError('invalid_input', `run ${busy.join(', ')} is still running; cancel it first`, 'ids');
      const deleted = store.delete(req.ids);
      changed(req.ids);
      return { deleted };
    },
    'runs:tags': (req) => {
      let tags = req.add?.length ? store.addTags(req.id, req.add) : undefined;
      if (req.remove?.length) tags = store.removeTags(req.id, req.remove);
      changed([req.id]);
      return { tags: tags ?? store.get(req.id).tags };
    },
    'runs:note': (req) => {
      const note = store.setNote(req.id, req.markdown);
      changed([req.id]);
      return { markdown: note.markdown };
    },
    'runs:matrix': (req) => toMatrixPayload(store.matrix(req.id, req.name), req.maxSize),
    'runs:points': (req) => runPoints(store.get(req.id).config),
    'export:csv': async (req) => {
      const fileName = exportFileName(req);
      const path = await deps.exports.choose(fileName);
      if (!path) return { saved: false, fileName };
      const { bytes } = await store.exportCsv(req, path);
      return { saved: true, fileName, bytes, ...deps.exports.done(path, fileName) };
    },
  };
}

/** Validates and runs one request; every failure comes back as data. */
export async function dispatch(table: HandlerTable, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'invalid_input', message: `unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}` } };
  const req = validateRequest(channel, payload);
  if (!req.ok) return req;
  try {
    const handler = table[channel] as (r: unknown) => unknown;
    return { ok: true, value: await handler(req.value) };
  } catch (err) {
    return { ok: false, error: toErrorDTO(err) };
  }
}
