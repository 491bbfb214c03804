import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/shared/config';
import type { Store } from '../../../src/store';
import { config, countRows, matrix, summary, tempStore } from './helpers';

const open: Store[] = [];
function store(): Store {
  const s = tempStore().store;
  open.push(s);
  return s;
}
afterEach(() => open.splice(0).forEach((s) => s.close()));

describe('runs lifecycle', () => {
  it('creates a running run with the resolved config, flattened params and filter columns', () => {
    const s = store();
    const id = s.runs.create({ config: config(), backend: 'wasm', appVersion: '0.1.0', tags: ['b', 'a', 'a'], experiment: 'torus study' });
    const d = s.runs.get(id);
    expect(d.status).toBe('running');
    expect(d.startedAt).not.toBeNull();
    expect(d.config).toEqual(resolveConfig(config()));
    expect(d.params['train.lr']).toBe(1e-5);
    expect(d.params['probe.measures']).toEqual(['relative', 'kernelized']);
    expect(d.params['data.name']).toBe('torus');
    expect([d.dataKind, d.dataset, d.arch, d.width, d.loss, d.seed]).toEqual(['synthetic', 'torus', 'relu2', 64, 'mse', 666]);
    expect(d.measures).toEqual(['relative', 'kernelized']);
    expect(d.tags).toEqual(['a', 'b']);
    expect(d.experiment).toBe('torus study');
    expect(d.metrics).toBeNull();
    const pid = (s.db.prepare('SELECT pid FROM runs WHERE id = ?').get(id) as { pid: number }).pid;
    expect(pid).toBe(process.pid);
  });

  it('rejects a bad config naming the field, and empty backend', () => {
    const s = store();
    expect(() => s.runs.create({ config: { ...config(), loss: 'hinge' }, backend: 'wasm', appVersion: '1' })).toThrow(/loss/);
    expect(() => s.runs.create({ config: config(), backend: '', appVersion: '1' })).toThrow(/backend/);
    expect(() => s.runs.get(999)).toThrow(/run 999 not found/);
    expect(() => s.runs.get(0)).toThrow(/positive integer/);
  });

  it('recorder writes epochs, snapshots, matrices, clustering; finish stores summary scalars', () => {
    const s = store();
    const id = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    const sink = s.recorder(id);
    sink.epochs([
      { epoch: 1, loss: 0.5, accuracy: 0.6 },
      { epoch: 2, loss: NaN, accuracy: 0.7 },
    ]);
    sink.epochs([{ epoch: 2, loss: 0.25, accuracy: 0.75 }]); // replay replaces
    sink.snapshot({ epoch: 2, correlations: { relative: { pearson: -0.1, spearman: -0.2 }, kernelized: { pearson: NaN, spearman: 0.3 } } });
    sink.matrix(matrix('similarity-relative', 3));
    sink.clustering({ method: 'spectral', accuracy: 0.7, hungarianAccuracy: 0.7, ari: 0.1, nmi: NaN, assignments: [1, 0, 1] });
    s.runs.finish(id, summary());
    const d = s.runs.get(id);
    expect(d.status).toBe('finished');
    expect(d.endedAt).not.toBeNull();
    expect(d.epochs).toEqual([
      { epoch: 1, loss: 0.5, accuracy: 0.6 },
      { epoch: 2, loss: 0.25, accuracy: 0.75 },
    ]);
    expect(d.snapshots).toEqual([
      { epoch: 2, correlations: { kernelized: { pearson: NaN, spearman: 0.3 }, relative: { pearson: -0.1, spearman: -0.2 } } },
    ]);
    expect(d.matrices).toMatchObject([{ name: 'similarity-relative', rows: 3, cols: 3, dtype: 'float64', bytes: 72 }]);
    expect(d.clustering.map((c) => c.method)).toEqual(['kernel-kmeans', 'spectral']);
    expect(d.clustering[1]).toEqual({ method: 'spectral', accuracy: 0.7, hungarianAccuracy: 0.7, ari: 0.1, nmi: NaN, assignments: [1, 0, 1] });
    expect(d.metrics?.trainAccuracy).toBe(0.9);
    expect(d.metrics?.clustering['kernel-kmeans']?.assignments).toEqual([0, 1, 1, 0]);
    expect(d.timings?.trainSeconds).toBe(2);
    expect(d.probe).toEqual({ engine: 'exact', unmoved: [] });
    expect(d.scalars).toMatchObject({
      trainAccuracy: 0.9,
      'pearson.relative': -0.5,
      'pearson.kernelized': -0.75,
      'clustering.kernel-kmeans.ari': 0.3,
      'clustering.kernel-kmeans.objective': 12.5,
      'timings.trainSeconds': 2,
    });
  });

  it('keeps NaN and Infinity in metrics JSON', () => {
    const s = store();
    const id = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    const sum = summary();
    sum.metrics.pearson = { relative: NaN, kernelized: -Infinity };
    s.runs.finish(id, sum);
    const d = s.runs.get(id);
    expect(d.metrics?.pearson).toEqual({ relative: NaN, kernelized: -Infinity });
    expect(d.scalars['pearson.relative']).toBeNull();
    expect(d.scalars['pearson.kernelized']).toBe(-Infinity);
  });

  it('recorder validates its input and its run', () => {
    const s = store();
    const id = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    const sink = s.recorder(id);
    expect(() => sink.epochs([{ epoch: -1, loss: 0, accuracy: 0 }])).toThrow(/epochs\[0\]\.epoch/);
    expect(() => sink.matrix({ ...matrix('m', 2), data: new Float64Array(3) })).toThrow(/data has 3 values/);
    expect(() => sink.matrix({ ...matrix('m', 2), ids: [1] })).toThrow(/ids has 1/);
    expect(() => sink.snapshot({ epoch: 1, correlations: { bogus: { pearson: 1, spearman: 1 } } as never })).toThrow(/unknown measure/);
    expect(() => sink.clustering({ method: 'spectral', accuracy: 1, hungarianAccuracy: 1, ari: 1, nmi: 1, assignments: [0.5] })).toThrow(
      /32-bit integer/,
    );
    expect(() => s.recorder(12345)).toThrow(/not found/);
    s.runs.delete(id);
    expect(() => sink.epochs([{ epoch: 1, loss: 0, accuracy: 0 }])).toThrow(/not found/);
  });

  it('fail and cancel keep what was written', () => {
    const s = store();
    const a = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    s.recorder(a).epochs([{ epoch: 1, loss: 1, accuracy: 0.5 }]);
    s.runs.fail(a, new Error('boom'));
    const b = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    s.runs.fail(b, { code: 'cancelled', message: 'cancelled by user' }, 'cancelled');
    expect(s.runs.get(a)).toMatchObject({ status: 'failed', error: 'boom', epochs: [{ epoch: 1, loss: 1, accuracy: 0.5 }] });
    expect(s.runs.get(b)).toMatchObject({ status: 'cancelled', error: 'cancelled by user' });
    expect(() => s.runs.fail(a, 'x', 'finished' as never)).toThrow(/failed or cancelled/);
  });

  it('queued runs start later', () => {
    const s = store();
    const id = s.runs.create({ config: config(), backend: 'pending', appVersion: '1', status: 'queued' });
    expect(s.runs.get(id)).toMatchObject({ status: 'queued', startedAt: null });
    s.runs.start(id, 'cpu');
    expect(s.runs.get(id)).toMatchObject({ status: 'running', backend: 'cpu' });
    expect(() => s.runs.start(id)).toThrow(/not queued/);
  });

  it('delete cascades to every table, matrices included', () => {
    const s = store();
    const keep = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    s.recorder(keep).matrix(matrix('similarity-kernelized', 4));
    const id = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1', tags: ['x'] });
    const sink = s.recorder(id);
    sink.epochs([{ epoch: 1, loss: 1, accuracy: 1 }]);
    sink.snapshot({ epoch: 1, correlations: { relative: { pearson: 0, spearman: 0 } } });
    sink.matrix(matrix('similarity-relative', 4));
    sink.matrix(matrix('ntk', 4));
    s.runs.finish(id, summary());
    s.notes.set(id, '# note');
    const tables = ['run_params', 'run_epochs', 'run_snapshots', 'run_scalars', 'run_matrices', 'run_clustering', 'run_tags', 'run_notes'];
    for (const t of tables) expect(countRows(s, t, id), t).toBeGreaterThan(0);
    expect(s.runs.delete([id, 999])).toBe(1);
    for (const t of tables) expect(countRows(s, t, id), t).toBe(0);
    expect(() => s.matrices.get(id, 'ntk')).toThrow(/no matrix/);
    expect(s.matrices.get(keep, 'similarity-kernelized').rows).toBe(4);
    expect(s.integrityCheck()).toBe('ok');
  });

  it('tags, notes and experiments', () => {
    const s = store();
    const id = s.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    expect(s.tags.add(id, [' relu ', 'baseline'])).toEqual(['baseline', 'relu']);
    expect(s.tags.remove(id, ['baseline', 'absent'])).toEqual(['relu']);
    expect(() => s.tags.add(id, [''])).toThrow(/tags\[0\]/);
    expect(s.tags.all()).toEqual([{ tag: 'relu', count: 1 }]);
    expect(s.runs.get(id).notes).toBeNull();
    expect(s.notes.set(id, 'first *note*').markdown).toBe('first *note*');
    expect(s.runs.get(id).notes?.markdown).toBe('first *note*');
    s.notes.set(id, '  ');
    expect(s.runs.get(id).notes).toBeNull();
    s.experiments.assign(id, 'grid A');
    expect(s.experiments.list()).toMatchObject([{ name: 'grid A', runCount: 1 }]);
    s.experiments.remove('grid A');
    expect(s.runs.get(id).experiment).toBeNull();
    expect(() => s.notes.set(77, 'x')).toThrow(/not found/);
  });
});
