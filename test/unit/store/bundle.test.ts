import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../src/shared/store-types';
import type { Store } from '../../../src/store';
import { LATEST_VERSION, exportBundle, importBundle } from '../../../src/store';
import { config, matrix, summary, tempDir, tempStore } from './helpers';

let src: Store;
let dir: string;
let runId: number;
let bundle: string;

beforeAll(() => {
  src = tempStore().store;
  dir = tempDir();
  src.runs.create({ config: config({ name: 'other' }), backend: 'cpu', appVersion: '1' }); // ids differ across stores
  runId = src.runs.create({ config: config(), backend: 'wasm', appVersion: '1', tags: ['paper'], experiment: 'grid' });
  const sink = src.recorder(runId);
  sink.epochs([{ epoch: 1, loss: 0.5, accuracy: 0.75 }]);
  sink.snapshot({ epoch: 1, correlations: { relative: { pearson: -0.5, spearman: -0.4 } } });
  sink.matrix(matrix('similarity-relative', 5));
  sink.matrix(matrix('ntk', 5));
  src.runs.finish(runId, summary());
  src.notes.set(runId, 'bundle me');
  bundle = path.join(dir, 'run.lerun');
  const res = exportBundle(src, runId, bundle, '0.1.0');
  expect(res.bytes).toBe(fs.statSync(bundle).size);
});
afterAll(() => src.close());

const strip = (d: RunDetail) => ({ ...d, id: 0, matrices: d.matrices.map((m) => ({ ...m, createdAt: '' })) });

describe('run bundles', () => {
  it('round-trips a run with its matrices into another store under a new id', () => {
    const { store: dst } = tempStore();
    const [res] = importBundle(dst, bundle);
    expect(res.imported).toBe(true);
    expect(res.runId).toBe(1);
    expect(strip(dst.runs.get(res.runId))).toEqual(strip(src.runs.get(runId)));
    const a = src.matrices.get(runId, 'ntk');
    const b = dst.matrices.get(res.runId, 'ntk');
    expect(b).toEqual(a);
    expect(dst.integrityCheck()).toBe('ok');
    dst.close();
  });

  it('tolerates an existing copy: skip by default, or a new copy with a new uid', () => {
    const before = src.runs.list().total;
    expect(importBundle(src, bundle)).toEqual([{ runId, imported: false }]);
    expect(src.runs.list().total).toBe(before);
    const [copy] = importBundle(src, bundle, { onExisting: 'copy' });
    expect(copy.imported).toBe(true);
    expect(copy.runId).not.toBe(runId);
    const d = src.runs.get(copy.runId);
    expect(d.uid).not.toBe(src.runs.get(runId).uid);
    expect(d.matrices.map((m) => m.name)).toEqual(['similarity-relative', 'ntk']);
    expect(d.experiment).toBe('grid');
    src.runs.delete(copy.runId);
    expect(src.matrices.list(runId)).toHaveLength(2); // the original keeps its matrices
  });

  it('imports an older bundle by migrating a temporary copy, leaving the file as it was', () => {
    const old = path.join(dir, 'old.lerun');
    fs.copyFileSync(bundle, old);
    const b = new Database(old);
    // What 0002 added, taken away again: a bundle written by a version-1 app.
    b.exec(`DROP TABLE run_notes; DROP INDEX runs_status; DROP INDEX runs_created; DROP INDEX runs_dataset;
      DROP INDEX run_scalars_key; DELETE FROM schema_migrations WHERE version > 1;`);
    b.close();
    const bytes = fs.readFileSync(old);
    const { store: dst } = tempStore();
    const [res] = importBundle(dst, old);
    expect(dst.runs.get(res.runId)).toMatchObject({ name: 'torus, ReLU', notes: null, tags: ['paper'] });
    expect(fs.readFileSync(old).equals(bytes)).toBe(true);
    dst.close();
  });

  it('refuses newer bundles, non-bundles and missing files', () => {
    const newer = path.join(dir, 'newer.lerun');
    fs.copyFileSync(bundle, newer);
    const b = new Database(newer);
    b.prepare("INSERT INTO schema_migrations VALUES (?, 'future', 'x')").run(LATEST_VERSION + 1);
    b.close();
    const { store: dst, file } = tempStore();
    expect(() => importBundle(dst, newer)).toThrow(/newer than this app/);
    expect(() => importBundle(dst, file)).toThrow(/not a run bundle/);
    expect(() => importBundle(dst, path.join(dir, 'absent.lerun'))).toThrow(/cannot open bundle/);
    expect(dst.runs.list().total).toBe(0);
    dst.close();
  });

  it('a running run imports as interrupted; export of a missing run leaves no file', () => {
    const id = src.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    const out = path.join(dir, 'running.lerun');
    exportBundle(src, id, out);
    const { store: dst } = tempStore();
    const [res] = importBundle(dst, out);
    expect(dst.runs.get(res.runId).status).toBe('interrupted');
    dst.close();
    expect(() => exportBundle(src, 9999, path.join(dir, 'missing.lerun'))).toThrow(/not found/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('missing'))).toEqual([]);
  });
});
