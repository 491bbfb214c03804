import { describe, it, expect } from 'vitest';
import { createHandlers, dispatch, exportFileName, type RunStorePort } from '../../../src/server/handlers';
import { toMatrixPayload } from '../../../src/server/handlers/matrix';
import { CHANNELS } from '../../../src/shared/contract';
import { LeError } from '../../../src/shared/errors';
import type { JobQueue } from '../../../src/jobs/queue';
import type { LabelledMatrix } from '../../../src/shared/results';

const calls: string[] = [];
const store: RunStorePort = {
  list: (q) => (calls.push(`list ${JSON.stringify(q)}`), { rows: [], total: 0, offset: 0, limit: 50 }),
  get: (id) => {
    throw new LeError('not_found', `run ${id} not found`, 'id');
  },
  compare: () => ({ runs: [], params: [], metrics: [] }),
  delete: (ids) => ids.length,
  addTags: (_id, tags) => tags,
  removeTags: () => [],
  setNote: (_id, markdown) => ({ markdown }),
  matrix: (_id, name) => ({ name, rows: 2, cols: 2, data: Float64Array.from([1, 2, 3, 4]), ids: [0, 1], groups: [1, 1] }),
  exportCsv: () => Promise.resolve({ bytes: 10 }),
};
const queue = {
  enqueue: () => {
    throw new Error('boom: queue exploded');
  },
  cancel: () => {
    throw new LeError('not_found', 'no job', 'jobId');
  },
  list: () => [],
  counts: () => ({ running: 0, queued: 0, concurrency: 1 }),
  backend: () => ({ name: 'cpu', provider: 'test', fallbacks: [] }),
  probeBackend: () => Promise.resolve({ name: 'cpu', provider: 'test', fallbacks: [] }),
} as unknown as JobQueue;
const table = createHandlers({
  mode: 'browser',
  appVersion: '0.0.0',
  dbPath: '/tmp/x.db',
  store,
  queue,
  exports: { choose: (f) => Promise.resolve(f === 'runs.csv' ? null : `/tmp/${f}`), done: (_p, f) => ({ url: `/download/${f}` }) },
});

// Malformed payloads every channel must refuse without reaching its handler.
const junk: unknown[] = ['x', 42, [1], { id: 'a' }, { id: -1 }, { id: 1.5 }, { nope: true }, JSON.parse('{"__proto__": {"id": 1}}')];

describe('handler table', () => {
  it('refuses malformed requests on every channel with invalid_input, never a throw', async () => {
    for (const channel of CHANNELS)
      for (const payload of junk) {
        const r = await dispatch(table, channel, payload);
        if (r.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)}`);
        expect(r.error.code).toBe('invalid_input');
      }
  });

  it('refuses unknown and prototype channel names', async () => {
    for (const ch of ['nope', 'toString', '__proto__', 42, null, 'runs:list ']) {
      const r = await dispatch(table, ch, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('names the offending field', async () => {
    const r = await dispatch(table, 'runs:tags', { id: 1, add: ['ok', ''] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/add\.1/);
    const r2 = await dispatch(table, 'runs:list', { limit: 5000 });
    if (!r2.ok) expect(r2.error.message).toMatch(/limit/);
    expect(r2.ok).toBe(false);
  });

  it('turns handler throws into error DTOs with their code', async () => {
    expect(await dispatch(table, 'runs:get', { id: 7 })).toEqual({ ok: false, error: { code: 'not_found', message: 'run 7 not found' } });
    const cfg = { data: { kind: 'synthetic', name: 'two_cosine', n: 40 } };
    expect(await dispatch(table, 'jobs:start', { config: cfg })).toEqual({ ok: false, error: { code: 'internal', message: 'boom: queue exploded' } });
    const bad = await dispatch(table, 'jobs:start', { config: { data: { kind: 'synthetic', name: 'nope' } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_config' } });
  });

  it('serves valid requests', async () => {
    calls.length = 0;
    expect(await dispatch(table, 'runs:list', undefined)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await dispatch(table, 'runs:list', { status: ['finished', 'failed'], sort: 'metric:pearson.relative', limit: 10 })).toMatchObject({ ok: true });
    expect(calls[1]).toContain('metric:pearson.relative');
    const v = await dispatch(table, 'config:validate', { config: { data: { kind: 'synthetic', name: 'torus' }, foo: 1 } });
    expect(v).toMatchObject({ ok: true, value: { valid: false, field: '(root)' } });
    const ok = await dispatch(table, 'config:validate', { config: { data: { kind: 'synthetic', name: 'torus' } } });
    expect(ok).toMatchObject({ ok: true, value: { valid: true, config: { model: { width: 40960 } } } });
    const status = await dispatch(table, 'system:status', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'browser', backend: { name: 'cpu' } } });
    const m = await dispatch(table, 'runs:matrix', { id: 1, name: 'similarity-relative' });
    expect(m.ok && (m.value as { data: Float32Array }).data).toEqual(Float32Array.from([1, 2, 3, 4]));
    expect(await dispatch(table, 'export:csv', { what: 'runs' })).toMatchObject({ ok: true, value: { saved: false, fileName: 'runs.csv' } });
    expect(await dispatch(table, 'export:csv', { what: 'matrix', id: 3, name: 'ntk' })).toMatchObject({
      ok: true,
      value: { saved: true, bytes: 10, url: '/download/run-3-ntk.csv' },
    });
    const ds = await dispatch(table, 'datasets:list', undefined);
    expect(ds.ok && (ds.value as { kind: string }[]).map((d) => d.kind)).toContain('mnist');
  });

  it('makes export file names safe', () => {
    expect(exportFileName({ what: 'matrix', id: 2, name: '../../etc/passwd' })).toBe('run-2-.._.._etc_passwd.csv');
    expect(exportFileName({ what: 'comparison', ids: [1, 2, 3] })).toBe('compare-1-2-3.csv');
  });
});

describe('toMatrixPayload', () => {
  const n = 7;
  const m: LabelledMatrix = {
    name: 'm',
    rows: n,
    cols: n,
    data: Float64Array.from({ length: n * n }, (_, k) => (k === 3 ? NaN : Math.sin(k))),
    ids: Array.from({ length: n }, (_, i) => i * 10),
    groups: Array.from({ length: n }, (_, i) => i % 2),
  };
  it('block-averages like a double loop, skipping NaN', () => {
    const p = toMatrixPayload(m, 3);
    expect([p.rows, p.cols, p.fullSize]).toEqual([3, 3, 7]);
    for (let bi = 0; bi < 3; bi++)
      for (let bj = 0; bj < 3; bj++) {
        let s = 0;
        let c = 0;
        for (let i = bi * 3; i < Math.min(n, bi * 3 + 3); i++)
          for (let j = bj * 3; j < Math.min(n, bj * 3 + 3); j++)
            if (!Number.isNaN(m.data[i * n + j])) {
              s += m.data[i * n + j];
              c++;
            }
        expect(p.data[bi * 3 + bj]).toBeCloseTo(s / c, 6);
      }
    expect(p.ids).toEqual([0, 30, 60]);
  });
  it('keeps full size without maxSize and reports finite min/max', () => {
    const p = toMatrixPayload(m);
    expect(p.rows).toBe(7);
    expect(p.min).toBeCloseTo(Math.min(...[...m.data].filter((v) => !Number.isNaN(v))), 6);
    expect(p.max).toBeCloseTo(Math.max(...[...m.data].filter((v) => !Number.isNaN(v))), 6);
    expect(() => toMatrixPayload(m, 0)).toThrow(/maxSize/);
    const empty = toMatrixPayload({ ...m, rows: 0, cols: 0, data: new Float64Array(0), ids: [], groups: [] });
    expect([empty.rows, empty.min, empty.max]).toEqual([0, 0, 0]);
  });
});
