// The CLI end to end on small problems: train → weights → similarity → cluster, and
// run → runs list/show → export, all against one temporary database.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { json, le } from './harness';
import { generateSynthetic, writeCsvDataset } from '../../../src/engine/data';
import { parseMatrixCsv } from '../../../src/shared/matrixCsv';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'le-flow-'));
const db = path.join(dir, 'runs.db');
const file = (name: string): string => path.join(dir, name);

describe('le workflow', () => {
  it('datasets and presets list as JSON', async () => {
    const cat = json<{ synthetic: { name: string }[]; mnist: { available: Record<string, number> } }>(await le('datasets', '--json'));
    expect(cat.synthetic.map((s) => s.name)).toContain('torus');
    expect(cat.mnist.available['5']).toBeGreaterThan(800);
    const presets = json<{ id: string }[]>(await le('presets', '--json'));
    expect(presets.length).toBe(36);
  });

  it('train two cosine curves to ≥ 0.95, then similarity and cluster from the saved weights', async () => {
    fs.writeFileSync(file('cos.json'), JSON.stringify({
      data: { kind: 'synthetic', name: 'two_cosine', n: 40 },
      model: { arch: 'relu2', width: 64 },
      train: { epochs: 400, lr: 0.05 },
    }));
    const t = json<{ trainAccuracy: number; lossCurve: number[]; backend: string; seconds: number }>(
      await le('train', '--config', file('cos.json'), '--save-weights', file('w.safetensors'), '--json', '--quiet'),
    );
    expect(t.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(t.lossCurve).toHaveLength(400);
    expect(t.lossCurve[399]).toBeLessThan(t.lossCurve[0]);
    expect(['wasm', 'cpu', 'tensorflow']).toContain(t.backend);

    const ds = generateSynthetic('two_cosine', { n: 40, seed: 666 });
    await writeCsvDataset(file('D.csv'), ds);
    const s = json<{ n: number; engine: string }>(await le(
      'similarity', '--data', file('D.csv'), '--weights', file('w.safetensors'), '--arch', 'relu2',
      '--measure', 'kernelized', '--out', file('S.csv'), '--json', '--quiet',
    ));
    expect(s).toMatchObject({ n: 40, engine: 'exact' });
    const S = parseMatrixCsv(fs.readFileSync(file('S.csv'), 'utf8'), 'S.csv');
    expect(S.rows).toBe(40);
    expect(S.ids).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) expect(S.data[i * 40 + j]).toBe(S.data[j * 40 + i]);

    fs.writeFileSync(file('L.csv'), 'label\n' + Array.from(ds.group).join('\n') + '\n');
    const c = json<{ assignments: number[]; accuracy: number; ari: number; nmi: number; hungarianAccuracy: number }>(
      await le('cluster', '--matrix', file('S.csv'), '--method', 'kernel-kmeans', '--labels', file('L.csv'), '--json'),
    );
    expect(c.assignments).toHaveLength(40);
    expect(c.accuracy).toBeGreaterThanOrEqual(0.5);
    expect(c.accuracy).toBeLessThanOrEqual(1);
    expect(Number.isFinite(c.ari) && Number.isFinite(c.nmi)).toBe(true);
  });

  it('run stores a run; runs list/show/export read it back; delete removes it', async () => {
    fs.writeFileSync(file('torus.json'), JSON.stringify({
      data: { kind: 'synthetic', name: 'torus', n: 30 },
      model: { arch: 'relu2', width: 64 },
      train: { epochs: 20, lr: 1e-3 },
    }));
    const r = json<{ runId: number; status: string; backend: string; metrics: { pearson: Record<string, number> }; timings: Record<string, number> }>(
      await le('run', '--config', file('torus.json'), '--db', db, '--json', '--quiet'),
    );
    expect(r.status).toBe('finished');
    expect(Object.keys(r.metrics.pearson).sort()).toEqual(['kernelized', 'relative']);
    expect(r.timings.probeSeconds).toBeGreaterThan(0);

    const list = json<{ total: number; rows: { id: number; status: string }[] }>(await le('runs', 'list', '--db', db, '--json'));
    expect(list.rows.find((x) => x.id === r.runId)?.status).toBe('finished');
    const show = json<{ matrices: { name: string; rows: number }[] }>(await le('runs', 'show', String(r.runId), '--db', db, '--json'));
    expect(show.matrices.map((m) => m.name).sort()).toEqual(['geodesic', 'similarity-kernelized', 'similarity-relative']);

    const exp = json<{ bytes: number }>(await le('export', String(r.runId), '--what', 'similarity-relative', '--out', file('rel.csv'), '--db', db, '--json'));
    expect(exp.bytes).toBeGreaterThan(0);
    const S = parseMatrixCsv(fs.readFileSync(file('rel.csv'), 'utf8'), 'rel.csv');
    expect(S.rows).toBe(15);
    for (let i = 0; i < 15; i++) expect(S.data[i * 15 + i]).toBeCloseTo(1, 12);

    // a bundle moves the run, matrices included, to another database
    expect((await le('runs', 'bundle', String(r.runId), '--out', file('run.lerun'), '--db', db)).code).toBe(0);
    const other = file('other.db');
    const imp = json<{ runId: number; imported: boolean }[]>(await le('runs', 'import', file('run.lerun'), '--db', other, '--json'));
    expect(imp).toHaveLength(1);
    expect(imp[0].imported).toBe(true);
    const moved = json<{ matrices: { name: string }[]; status: string }>(await le('runs', 'show', String(imp[0].runId), '--db', other, '--json'));
    expect(moved.status).toBe('finished');
    expect(moved.matrices.map((m) => m.name).sort()).toEqual(['geodesic', 'similarity-kernelized', 'similarity-relative']);

    expect((await le('runs', 'delete', String(r.runId), '--db', db)).code).toBe(0);
    const gone = await le('runs', 'show', String(r.runId), '--db', db);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/run/);
  });

  it('a run that fails keeps its row, status and error message', async () => {
    fs.writeFileSync(file('nan.json'), JSON.stringify({
      data: { kind: 'synthetic', name: 'two_spheres', n: 20 },
      model: { arch: 'linear2', width: 256 },
      train: { epochs: 50, lr: 50 },
    }));
    const r = await le('run', '--config', file('nan.json'), '--db', db, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/loss became (NaN|Infinity) at epoch \d+/);
    const list = json<{ rows: { id: number; status: string; error: string | null }[] }>(await le('runs', 'list', '--db', db, '--status', 'failed', '--json'));
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0].error).toMatch(/loss became (NaN|Infinity) at epoch/);
  });
});
