import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store';
import { csvField, csvLine, exportComparisonCsv, exportMatrixCsv, exportRunCsv, exportRunsCsv, writeFileAtomic } from '../../../src/store';
import { config, matrix, summary, tempDir, tempStore } from './helpers';

let s: Store;
let dir: string;
let a: number;
let b: number;
beforeAll(() => {
  s = tempStore().store;
  dir = tempDir();
  a = s.runs.create({ config: config({ name: 'a, "quoted"\nname' }), backend: 'wasm', appVersion: '1', tags: ['t1', 't2'] });
  b = s.runs.create({ config: config({ name: 'b', model: { arch: 'linear2', width: 64 } }), backend: 'cpu', appVersion: '1' });
  const sink = s.recorder(a);
  sink.epochs([1, 2, 3].map((e) => ({ epoch: e, loss: 1 / e, accuracy: e / 4 })));
  sink.snapshot({ epoch: 2, correlations: { relative: { pearson: -0.5, spearman: -0.25 } } });
  sink.snapshot({ epoch: 4, correlations: { kernelized: { pearson: NaN, spearman: 0.125 } } });
  const m = matrix('similarity-kernelized', 3);
  m.data[0] = NaN;
  m.data[1] = -0;
  m.data[2] = 1e-300;
  sink.matrix(m);
  sink.matrix(matrix('embedding', 3, 2));
  s.runs.finish(a, summary(0.9));
  s.runs.finish(b, summary(0.6));
});
afterAll(() => s.close());

const read = (f: string) => fs.readFileSync(f, 'utf8');
/** Slow reference parser for RFC 4180 CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  return rows;
}

describe('csv', () => {
  it('quotes only where needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
    expect(csvLine(['a', 1, true, null])).toBe('a,1,true,\n');
  });

  it('writes atomically: a failure leaves neither the target nor a temp file', async () => {
    const out = path.join(dir, 'fail.csv');
    await expect(
      writeFileAtomic(out, async (w) => {
        await w.write('x'.repeat(100));
        throw new Error('disk on fire');
      }, { chunkBytes: 10 }),
    ).rejects.toThrow(/disk on fire/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('fail'))).toEqual([]);
    await expect(writeFileAtomic(path.join(dir, 'no', 'such', 'dir.csv'), async () => {})).rejects.toThrow(/cannot write/);
  });
});

describe('exports', () => {
  it('matrix in S.csv format with shortest round-trip values', async () => {
    const out = path.join(dir, 'S.csv');
    const st = await exportMatrixCsv(s, a, 'similarity-kernelized', out);
    const m = s.matrices.get(a, 'similarity-kernelized');
    let expected = 'id,0,2,4\n';
    for (let i = 0; i < 3; i++) {
      const cells = [String(m.ids[i])];
      for (let j = 0; j < 3; j++) cells.push(String(m.data[i * 3 + j]));
      expected += cells.join(',') + '\n';
    }
    expect(read(out)).toBe(expected);
    expect(read(out).split('\n')[1]).toBe('0,NaN,0,1e-300');
    expect(st.bytes).toBe(Buffer.byteLength(expected));
    const parsed = parseCsv(read(out)).slice(1).map((r) => r.slice(1).map(Number));
    expect(parsed.flat().slice(3)).toEqual(Array.from(m.data).slice(3));
  });

  it('non-square matrices head their columns with indices', async () => {
    const out = path.join(dir, 'E.csv');
    await exportRunCsv(s, a, 'matrix:embedding', out);
    expect(read(out).split('\n')[0]).toBe('id,0,1');
    await exportRunCsv(s, a, 'embedding', out);
    expect(read(out).split('\n')).toHaveLength(5);
  });

  it('series joins epochs and snapshots by epoch', async () => {
    const out = path.join(dir, 'series.csv');
    await exportRunCsv(s, a, 'series', out);
    expect(read(out)).toBe(
      'epoch,loss,accuracy,pearson.kernelized,spearman.kernelized,pearson.relative,spearman.relative\n' +
        '1,1,0.25,,,,\n2,0.5,0.5,,,-0.5,-0.25\n3,0.3333333333333333,0.75,,,,\n4,,,,0.125,,\n',
    );
  });

  it('params, summary and clustering tables', async () => {
    const out = path.join(dir, 't.csv');
    await exportRunCsv(s, a, 'params', out);
    const params = parseCsv(read(out));
    expect(params[0]).toEqual(['key', 'value']);
    expect(params).toContainEqual(['name', 'a, "quoted"\nname']);
    expect(params).toContainEqual(['probe.measures', '["relative","kernelized"]']);
    await exportRunCsv(s, a, 'summary', out);
    expect(parseCsv(read(out))).toContainEqual(['trainAccuracy', '0.9']);
    await exportRunCsv(s, a, 'clustering', out);
    expect(parseCsv(read(out))[1]).toEqual(['kernel-kmeans', '0.8', '0.8', '0.3', '0.25', '12.5']);
    await expect(exportRunCsv(s, a, 'nonsense', out)).rejects.toThrow(/no table or matrix named nonsense/);
    await expect(exportRunCsv(s, 999, 'series', out)).rejects.toThrow(/not found/);
  });

  it('runs table with quoting and scalar columns, filtered', async () => {
    const out = path.join(dir, 'runs.csv');
    await exportRunsCsv(s, { sort: 'id', order: 'asc' }, out);
    const rows = parseCsv(read(out));
    expect(rows).toHaveLength(3);
    const h = rows[0];
    expect(rows[1][h.indexOf('name')]).toBe('a, "quoted"\nname');
    expect(rows[1][h.indexOf('tags')]).toBe('t1 t2');
    expect(rows[2][h.indexOf('trainAccuracy')]).toBe('0.6');
    await exportRunsCsv(s, { arch: 'linear2' }, out);
    expect(parseCsv(read(out))).toHaveLength(2);
  });

  it('comparison table', async () => {
    const out = path.join(dir, 'cmp.csv');
    await exportComparisonCsv(s, [a, b], out, { differencesOnly: true });
    const rows = parseCsv(read(out));
    expect(rows[0]).toEqual(['section', 'key', String(a), String(b)]);
    expect(rows).toContainEqual(['param', 'model.arch', 'relu2', 'linear2']);
    expect(rows).toContainEqual(['metric', 'trainAccuracy', '0.9', '0.6']);
    expect(rows.find((r) => r[0] === 'param' && r[1] === 'seed')).toBeUndefined();
  });
});
