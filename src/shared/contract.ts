// The one contract between the renderer and the back end (Electron main or the browser-mode
// server): a request → response map of channels named `domain:verb`, the events pushed to the
// renderer, and a zod validator per request. Every response is a Result<T>; a request that
// fails its validator gets { ok: false, error: { code: 'invalid_input' } } and never reaches a
// handler. Typed arrays (Float32Array, Int32Array) cross IPC by structured clone and HTTP in the
// binary envelope of ./wire.
import { z } from 'zod';
import type { ExperimentConfig } from './config';
import type { Preset } from './presets';
import type { BackendName, Progress } from './types';
import type { ErrorDTO, Result } from './errors';
import type { RunComparison, RunDetail, RunListPage, RunQuery } from './store-types';
import { RUN_SORT_COLUMNS, RUN_STATUSES } from './store-types';
import { LOSSES, MEASURES } from './types';

// ---------------------------------------------------------------- request validators
const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const ids = z.array(id).min(1).max(1000);
const empty = z.strictObject({}).optional();
const tag = z.string().trim().min(1).max(64);
const sortKey = z.union([
  z.enum(RUN_SORT_COLUMNS),
  z.templateLiteral(['metric:', z.string().min(1).max(200)]),
]);
const status = z.enum(RUN_STATUSES);

/** Filters, sort and page of the runs table (the store's RunQuery). Every field optional. */
const runListQuery = z.strictObject({
  dataset: z.string().max(100).optional(),
  arch: z.string().max(100).optional(),
  loss: z.enum(LOSSES).optional(),
  measure: z.enum(MEASURES).optional(),
  status: z.union([status, z.array(status).max(6)]).optional(),
  tag: tag.optional(),
  experiment: z.string().max(200).optional(),
  text: z.string().max(200).optional(),
  sort: sortKey.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

const exportRequest = z.discriminatedUnion('what', [
  /** One stored matrix in the S.csv format of cli.md. */
  z.strictObject({ what: z.literal('matrix'), id, name: z.string().min(1).max(200) }),
  /** The runs table (same filters as runs:list, all pages). */
  z.strictObject({ what: z.literal('runs'), query: runListQuery.optional() }),
  /** A run's per-epoch series (epoch, loss, accuracy) and elasticity snapshots. */
  z.strictObject({ what: z.literal('series'), id }),
  /** Another per-run table: params (key, value), summary scalars (key, value), clustering scores. */
  z.strictObject({ what: z.literal('table'), id, table: z.enum(['params', 'summary', 'clustering']) }),
  /** Params and metrics of several runs side by side. */
  z.strictObject({ what: z.literal('comparison'), ids, differencesOnly: z.boolean().optional() }),
]);

export const requestSchemas = {
  'system:status': empty,
  'datasets:list': empty,
  'presets:list': empty,
  /** Live validation of a config (the builder form). `config` is anything; the answer says why not. */
  'config:validate': z.strictObject({ config: z.unknown() }),
  /** Queues one run; the config is validated with resolveConfig before it is queued. */
  'jobs:start': z.strictObject({
    config: z.unknown(),
    /** A named group the run joins (e.g. the two runs of a ReLU / linear pair). */
    experiment: z.string().trim().min(1).max(200).optional(),
    tags: z.array(tag).max(50).optional(),
  }),
  'jobs:cancel': z.strictObject({ jobId: z.string().min(1).max(64) }),
  'jobs:list': empty,
  'runs:list': runListQuery.optional(),
  'runs:get': z.strictObject({ id }),
  'runs:compare': z.strictObject({ ids, differencesOnly: z.boolean().optional() }),
  'runs:delete': z.strictObject({ ids }),
  'runs:tags': z.strictObject({ id, add: z.array(tag).max(50).optional(), remove: z.array(tag).max(50).optional() }),
  'runs:note': z.strictObject({ id, markdown: z.string().max(100_000) }),
  /**
   * A stored matrix for the heat map, as float32. With `maxSize` the matrix is block-averaged
   * down to at most maxSize × maxSize (ids/groups then belong to each block's first row).
   */
  'runs:matrix': z.strictObject({ id, name: z.string().min(1).max(200), maxSize: z.number().int().min(2).max(20000).optional() }),
  /** The run's dataset regenerated from its config and seed (synthetic datasets only). */
  'runs:points': z.strictObject({ id }),
  'export:csv': exportRequest,
} as const;

export type RunListQuery = z.output<typeof runListQuery>;
export type ExportRequest = z.output<typeof exportRequest>;
// the validated query is assignable to the store's RunQuery (a compile-time check)
const _queryFits: (q: RunListQuery) => RunQuery = (q) => q;

// ---------------------------------------------------------------- response types
export interface SystemStatus {
  mode: 'electron' | 'browser';
  appVersion: string;
  /** The compute backend the engine worker selected; null until a worker has reported. */
  backend: { name: BackendName; provider: string; fallbacks: string[] } | null;
  dbPath: string;
  /** Where datasets come from: the bundled MNIST package directory, and similar. */
  dataLocations: Record<string, string>;
  platform: string;
  versions: Record<string, string>;
  queue: { running: number; queued: number; concurrency: number };
}

/** A dataset family and its parameters (from the engine's listDatasets). */
export interface DatasetInfo {
  kind: string;
  name?: string;
  description: string;
  /** Defaults and required fields, as the config expects them. */
  params: Record<string, unknown>;
}

export type ConfigValidation =
  | { valid: true; config: ExperimentConfig }
  | { valid: false; field: string; message: string };

export type JobStatus = 'queued' | 'running' | 'finished' | 'failed' | 'cancelled';

export interface JobInfo {
  jobId: string;
  status: JobStatus;
  name: string;
  config: ExperimentConfig;
  /** Set once the run row exists (the worker reports it). */
  runId?: number;
  queuedAt: string;
  startedAt?: string;
  endedAt?: string;
  progress?: Progress;
  error?: ErrorDTO;
}

export interface MatrixPayload {
  name: string;
  /** Rows/cols of `data` (after any downsampling); `fullSize` the stored size. */
  rows: number;
  cols: number;
  fullSize: number;
  data: Float32Array;
  ids: number[];
  groups: number[];
  min: number;
  max: number;
}

export interface PointsPayload {
  /** Dataset rows: n × d coordinates (row-major), labels and true classes. */
  n: number;
  d: number;
  x: Float32Array;
  y: Int32Array;
  group: Int32Array;
}

/** Electron: saved through a dialog (`path`); browser: fetched from `url`; `saved: false` when the user cancelled. */
export interface ExportResult {
  saved: boolean;
  fileName: string;
  path?: string;
  url?: string;
  bytes?: number;
}

// ---------------------------------------------------------------- the map
export interface Responses {
  'system:status': SystemStatus;
  'datasets:list': DatasetInfo[];
  'presets:list': Preset[];
  'config:validate': ConfigValidation;
  'jobs:start': JobInfo;
  'jobs:cancel': JobInfo;
  'jobs:list': JobInfo[];
  'runs:list': RunListPage;
  'runs:get': RunDetail;
  'runs:compare': RunComparison;
  'runs:delete': { deleted: number };
  'runs:tags': { tags: string[] };
  'runs:note': { markdown: string };
  'runs:matrix': MatrixPayload;
  'runs:points': PointsPayload;
  'export:csv': ExportResult;
}

export type Channel = keyof typeof requestSchemas & keyof Responses;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];
export type Req<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
/** The request after validation (defaults applied); what handlers receive. */
export type ValidReq<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
export type Res<C extends Channel> = Responses[C];
/** Requests that may be omitted (no payload or all-optional payload). */
export type ReqArgs<C extends Channel> = undefined extends Req<C> ? [req?: Req<C>] : [req: Req<C>];

/** Events pushed from the back end to the renderer. */
export interface Events {
  'job:progress': { jobId: string; runId?: number; progress: Progress };
  'job:done': { jobId: string; runId?: number; status: 'finished' | 'failed' | 'cancelled'; error?: ErrorDTO };
  /** The queue changed (a job queued, started, ended or was cancelled): the full list. */
  'jobs:changed': JobInfo[];
  /** Runs were added, changed or deleted; refresh lists. `ids` when known. */
  'runs:changed': { ids?: number[] };
}
export type EventName = keyof Events;
export const EVENT_NAMES: EventName[] = ['job:progress', 'job:done', 'jobs:changed', 'runs:changed'];

/** What the renderer uses: window.api in Electron, the HTTP client in a browser. */
export interface ApiClient {
  invoke<C extends Channel>(channel: C, ...args: ReqArgs<C>): Promise<Result<Res<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/** Validates a request payload for a channel; the error names the offending field. */
export function validateRequest<C extends Channel>(channel: C, payload: unknown): Result<ValidReq<C>> {
  const parsed = requestSchemas[channel].safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data as ValidReq<C> };
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? issue.path.map(String).join('.') : '(request)';
  const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : issue.message;
  return { ok: false, error: { code: 'invalid_input', message: `${channel}: ${field}: ${message}` } };
}

