import { describe, it, expect, beforeEach } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../../../src/renderer/api';
import { buildQuery, emptyFilters, useRunsStore } from '../../../../src/renderer/stores/runs';
import { useCompareStore } from '../../../../src/renderer/stores/compare';
import type { RunRow } from '../../../../src/shared/store-types';
import { fakeApi } from './fakeApi';

const row = (id: number): RunRow =>
  ({ id, uid: `u${id}`, name: `run ${id}`, status: 'finished', tags: [], scalars: {} }) as unknown as RunRow;

describe('buildQuery', () => {
  it('omits empty filters and trims text', () => {
    expect(buildQuery(emptyFilters(), 'id', 'desc', 0, 25)).toEqual({ sort: 'id', order: 'desc', offset: 0, limit: 25 });
    const f = { ...emptyFilters(), dataset: 'torus', loss: 'bce' as const, text: '  relu ', tag: ' ' };
    expect(buildQuery(f, 'name', 'asc', 2, 10)).toEqual({ sort: 'name', order: 'asc', offset: 20, limit: 10, dataset: 'torus', loss: 'bce', text: 'relu' });
  });
});

describe('useRunsStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads a page, filters reset the page, sort toggles order', async () => {
    const api = fakeApi({ 'runs:list': () => ({ rows: [row(1), row(2)], total: 60, offset: 0, limit: 25 }) });
    setApi(api.client);
    const s = useRunsStore();
    await s.load();
    expect(s.rows.map((r) => r.id)).toEqual([1, 2]);
    expect(s.pageCount).toBe(3);
    await s.goPage(2);
    expect(api.calls.at(-1)!.req).toMatchObject({ offset: 50 });
    await s.setFilter('arch', 'relu2');
    expect(s.page).toBe(0);
    expect(api.calls.at(-1)!.req).toMatchObject({ arch: 'relu2', offset: 0 });
    await s.sortBy('id');
    expect(s.order).toBe('asc');
    await s.sortBy('name');
    expect(api.calls.at(-1)!.req).toMatchObject({ sort: 'name', order: 'asc' });
  });

  it('shows the back end error and keeps the old rows', async () => {
    let fail = false;
    setApi(fakeApi({ 'runs:list': () => { if (fail) throw new Error('database is locked'); return { rows: [row(1)], total: 1, offset: 0, limit: 25 }; } }).client);
    const s = useRunsStore();
    await s.load();
    fail = true;
    await s.load();
    expect(s.error).toBe('database is locked');
    expect(s.rows).toHaveLength(1);
    expect(s.loading).toBe(false);
  });

  it('selection survives paging; delete drops deleted ids and reloads', async () => {
    const api = fakeApi({
      'runs:list': () => ({ rows: [row(1), row(2), row(3)], total: 3, offset: 0, limit: 25 }),
      'runs:delete': (req) => ({ deleted: (req as { ids: number[] }).ids.length }),
    });
    setApi(api.client);
    const s = useRunsStore();
    await s.load();
    s.toggle(1);
    s.toggle(3);
    s.toggle(1);
    expect(s.selected).toEqual([3]);
    s.selectPage(true);
    expect([...s.selected].sort()).toEqual([1, 2, 3]);
    expect(await s.remove([1, 2])).toBe(2);
    expect(s.selected).toEqual([3]);
    expect(api.calls.map((c) => c.channel)).toEqual(['runs:list', 'runs:delete', 'runs:list']);
  });

  it('an out-of-range page after deletion falls back to the last page', async () => {
    const api = fakeApi({
      'runs:list': (req) => ((req as { offset: number }).offset >= 25 ? { rows: [], total: 20, offset: 25, limit: 25 } : { rows: [row(1)], total: 20, offset: 0, limit: 25 }),
    });
    setApi(api.client);
    const s = useRunsStore();
    s.total = 40;
    s.page = 1;
    await s.load();
    expect(s.page).toBe(0);
    expect(s.rows.map((r) => r.id)).toEqual([1]);
  });
});

describe('useCompareStore', () => {
  beforeEach(() => setActivePinia(createPinia()));
  it('loads the comparison, one matrix per run (errors kept per run) and geodesics of synthetic runs', async () => {
    const payload = (name: string) => ({ name, rows: 2, cols: 2, fullSize: 2, data: new Float32Array([1, 0, 0, 1]), ids: [0, 1], groups: [1, 1], min: 0, max: 1 });
    const api = fakeApi({
      'runs:compare': () => ({ runs: [{ ...row(1), dataKind: 'synthetic' }, { ...row(2), dataKind: 'mnist' }], params: [], metrics: [] }),
      'runs:matrix': (req) => {
        const { id, name } = req as { id: number; name: string };
        if (id === 2 && name !== 'geodesic') throw new Error('run 2 has no matrix');
        return payload(name);
      },
    });
    setApi(api.client);
    const s = useCompareStore();
    await s.open([1, 2]);
    expect(s.comparison?.runs).toHaveLength(2);
    expect((s.matrices[1] as { name: string }).name).toBe('similarity-kernelized');
    expect(s.matrices[2]).toEqual({ error: 'run 2 has no matrix' });
    expect(s.geodesic[1]?.name).toBe('geodesic');
    expect(2 in s.geodesic).toBe(false); // mnist: not asked
    await s.setMeasure('similarity-relative');
    expect((s.matrices[1] as { name: string }).name).toBe('similarity-relative');
    await s.open([1]);
    expect(s.comparison).toBeNull();
  });
});
