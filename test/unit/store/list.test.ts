import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store';
import { config, summary, tempStore } from './helpers';

let s: Store;
const ids: Record<string, number> = {};

beforeAll(() => {
  s = tempStore().store;
  const mk = (key: string, over: Parameters<typeof config>[0], acc: number | null, tags: string[] = []) => {
    const id = s.runs.create({ config: config(over), backend: 'wasm', appVersion: '1', tags });
    if (acc !== null) s.runs.finish(id, summary(acc));
    ids[key] = id;
  };
  mk('torusRelu', { name: 'torus relu' }, 0.9, ['paper']);
  mk('torusLinear', { name: 'torus linear', model: { arch: 'linear2', width: 64 } }, 0.6, ['paper']);
  mk('helixRelu', { name: 'helix 50%_x', data: { kind: 'synthetic', name: 'double_helix', n: 100 }, probe: { measures: ['ntk'] } }, 0.8);
  mk('mnistBce', { name: 'mnist bce', data: { kind: 'mnist' }, model: { arch: 'relu2-sigmoid', width: 64 }, loss: 'bce' }, null);
  s.runs.fail(ids.mnistBce, 'out of memory');
  s.notes.set(ids.torusLinear, 'leverage effect visible');
});
afterAll(() => s.close());

const names = (q: Parameters<Store['runs']['list']>[0]) => s.runs.list(q).rows.map((r) => r.name);

describe('runs list', () => {
  it('defaults to newest first with a total', () => {
    const page = s.runs.list();
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([ids.mnistBce, ids.helixRelu, ids.torusLinear, ids.torusRelu]);
    expect(page).toMatchObject({ offset: 0, limit: 50 });
    expect(page.rows[3].scalars.trainAccuracy).toBe(0.9);
    expect(page.rows[3].tags).toEqual(['paper']);
  });

  it('filters by dataset, kind, arch, loss, measure, tag, status and text', () => {
    expect(names({ dataset: 'torus', sort: 'id', order: 'asc' })).toEqual(['torus relu', 'torus linear']);
    expect(names({ dataset: 'synthetic' })).toHaveLength(3);
    expect(names({ arch: 'linear2' })).toEqual(['torus linear']);
    expect(names({ loss: 'bce' })).toEqual(['mnist bce']);
    expect(names({ measure: 'ntk' })).toEqual(['helix 50%_x']);
    expect(names({ measure: 'relative' })).toHaveLength(3);
    expect(names({ tag: 'paper' })).toHaveLength(2);
    expect(names({ status: 'failed' })).toEqual(['mnist bce']);
    expect(names({ status: ['failed', 'finished'] })).toHaveLength(4);
    expect(names({ text: 'LEVERAGE' })).toEqual(['torus linear']); // notes, case-insensitive
    expect(names({ text: 'memory' })).toEqual(['mnist bce']); // error text
    expect(names({ text: '50%_' })).toEqual(['helix 50%_x']); // LIKE wildcards are literal
    expect(names({ text: '%' })).toEqual(['helix 50%_x']);
    expect(names({ dataset: 'torus', arch: 'relu2' })).toEqual(['torus relu']);
  });

  it('sorts by columns and by summary scalars, nulls last', () => {
    expect(names({ sort: 'name', order: 'asc' })).toEqual(['helix 50%_x', 'mnist bce', 'torus linear', 'torus relu']);
    expect(names({ sort: 'trainAccuracy', order: 'desc' })).toEqual(['torus relu', 'helix 50%_x', 'torus linear', 'mnist bce']);
    expect(names({ sort: 'metric:trainAccuracy', order: 'asc' })).toEqual(['torus linear', 'helix 50%_x', 'torus relu', 'mnist bce']);
  });

  it('paginates with a stable total', () => {
    const p1 = s.runs.list({ sort: 'id', order: 'asc', limit: 3 });
    const p2 = s.runs.list({ sort: 'id', order: 'asc', limit: 3, offset: 3 });
    expect(p1.total).toBe(4);
    expect(p2.total).toBe(4);
    expect([...p1.rows, ...p2.rows].map((r) => r.id)).toEqual(Object.values(ids));
    expect(s.runs.list({ offset: 10 }).rows).toEqual([]);
  });

  it('refuses bad queries naming the field', () => {
    expect(() => s.runs.list({ sort: 'bogus' as never })).toThrow(/sort must be/);
    expect(() => s.runs.list({ order: 'up' as never })).toThrow(/order/);
    expect(() => s.runs.list({ limit: 0 })).toThrow(/limit/);
    expect(() => s.runs.list({ offset: -1 })).toThrow(/offset/);
    expect(() => s.runs.list({ status: 'done' as never })).toThrow(/status/);
    expect(() => s.runs.list({ measure: 'cosine' as never })).toThrow(/measure/);
  });

  it('iterate yields every matching row', () => {
    expect([...s.runs.iterate({ tag: 'paper', sort: 'id', order: 'asc' })].map((r) => r.id)).toEqual([ids.torusRelu, ids.torusLinear]);
  });
});

describe('compare', () => {
  it('puts params and metrics side by side in the order asked', () => {
    const c = s.runs.compare([ids.torusLinear, ids.torusRelu]);
    expect(c.runs.map((r) => r.id)).toEqual([ids.torusLinear, ids.torusRelu]);
    const arch = c.params.find((p) => p.key === 'model.arch');
    expect(arch).toEqual({ key: 'model.arch', values: ['linear2', 'relu2'], differs: true });
    expect(c.params.find((p) => p.key === 'seed')).toEqual({ key: 'seed', values: [666, 666], differs: false });
    expect(c.metrics.find((m) => m.key === 'trainAccuracy')).toEqual({ key: 'trainAccuracy', values: [0.6, 0.9], differs: true });
    const keys = c.params.map((p) => p.key);
    expect(keys).toEqual([...keys].sort());
  });

  it('differences only; missing values are null', () => {
    const c = s.runs.compare([ids.torusRelu, ids.mnistBce, ids.torusRelu], { differencesOnly: true });
    expect(c.runs).toHaveLength(2);
    expect(c.params.every((p) => p.differs)).toBe(true);
    expect(c.params.find((p) => p.key === 'data.name')?.values).toEqual(['torus', null]);
    expect(c.metrics.find((m) => m.key === 'trainAccuracy')?.values).toEqual([0.9, null]);
    expect(c.params.find((p) => p.key === 'seed')).toBeUndefined();
  });

  it('names missing runs', () => {
    expect(() => s.runs.compare([ids.torusRelu, 404, 405])).toThrow(/runs 404, 405 not found/);
    expect(() => s.runs.compare([])).toThrow(/ids/);
  });
});
