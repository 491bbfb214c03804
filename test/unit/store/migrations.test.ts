import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, openStore } from '../../../src/store';
import { tempDir } from './helpers';

const FIXTURE = fileURLToPath(new URL('../../fixtures/store/v1-one-run.db', import.meta.url));

describe('an old database opens after later migrations', () => {
  it('applies 0002+ to the v1 fixture and reads its run', () => {
    const file = path.join(tempDir(), 'old.db');
    fs.copyFileSync(FIXTURE, file);
    const s = openStore(file);
    try {
      expect(s.migration).toEqual({ from: 1, to: LATEST_VERSION, applied: MIGRATIONS.slice(1).map((m) => m.name) });
      expect(s.integrityCheck()).toBe('ok');
      const d = s.runs.get(1);
      expect(d).toMatchObject({ name: 'v1 fixture run', status: 'finished', dataset: 'torus', arch: 'relu2', tags: ['fixture'], notes: null });
      expect(d.epochs).toEqual([1, 2, 3].map((e) => ({ epoch: e, loss: 1 / e, accuracy: e / 4 })));
      expect(d.snapshots).toEqual([{ epoch: 3, correlations: { relative: { pearson: -0.5, spearman: -0.25 } } }]);
      expect(d.scalars).toEqual({ trainAccuracy: 0.875, 'pearson.relative': -0.5 });
      expect(d.metrics?.clustering['kernel-kmeans']?.assignments).toEqual([0, 0, 1, 1]);
      const m = s.matrices.get(1, 'similarity-relative');
      expect([m.rows, m.cols, m.ids, m.groups]).toEqual([4, 4, [0, 1, 2, 3], [0, 0, 1, 1]]);
      expect(m.data[0]).toBe(1);
      expect(m.data[1]).toBe(1 / 2);
      // 0002's notes table works on the old run; the list finds it by note text.
      s.notes.set(1, 'added after the upgrade');
      expect(s.runs.list({ text: 'upgrade' }).rows.map((r) => r.id)).toEqual([1]);
      // New runs get ids after the old one.
      const id = s.runs.create({ config: d.config, backend: 'cpu', appVersion: 'test' });
      expect(id).toBe(2);
    } finally {
      s.close();
    }
  });

  it('the committed fixture itself is at version 1', () => {
    const file = path.join(tempDir(), 'probe.db');
    fs.copyFileSync(FIXTURE, file);
    const s = openStore(file, { migrations: MIGRATIONS.slice(0, 1), recover: 'none' });
    expect(s.migration).toEqual({ from: 1, to: 1, applied: [] });
    s.close();
  });
});
