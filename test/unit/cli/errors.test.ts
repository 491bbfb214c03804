// Bad input: a non-zero exit and a one-line reason on stderr that names the field or file.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { le } from './harness';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'le-cli-'));
function config(name: string, body: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}

function expectOneLine(r: { code: number; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(pattern);
}

describe('le errors', () => {
  it('unknown dataset name', async () => {
    const c = config('bad-name.json', { data: { kind: 'synthetic', name: 'donut' } });
    expectOneLine(await le('train', '--config', c), /config field data\.name: Invalid option/);
  });

  it('width 0', async () => {
    const c = config('w0.json', { data: { kind: 'synthetic', name: 'torus' }, model: { arch: 'relu2', width: 0 } });
    expectOneLine(await le('train', '--config', c), /config field model\.width/);
  });

  it('negative learning rate', async () => {
    const c = config('lr.json', { data: { kind: 'synthetic', name: 'torus' }, train: { lr: -0.1 } });
    expectOneLine(await le('run', '--config', c, '--db', path.join(dir, 'x.db')), /config field train\.lr/);
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
  });

  it('a corrupt IDX file names the file', async () => {
    const images = path.join(dir, 'imgs.idx3-ubyte');
    const labels = path.join(dir, 'labels.idx1-ubyte');
    const header = Buffer.alloc(16);
    header.writeUInt32BE(0x00000803, 0);
    header.writeUInt32BE(100, 4);
    header.writeUInt32BE(28, 8);
    header.writeUInt32BE(28, 12);
    fs.writeFileSync(images, Buffer.concat([header, Buffer.alloc(500)]));
    const lh = Buffer.alloc(8);
    lh.writeUInt32BE(0x00000801, 0);
    lh.writeUInt32BE(100, 4);
    fs.writeFileSync(labels, Buffer.concat([lh, Buffer.alloc(100)]));
    const c = config('idx.json', { data: { kind: 'idx', images, labels, perClass: 5, auxiliaryCount: 4 } });
    expectOneLine(await le('train', '--config', c), /imgs\.idx3-ubyte.*truncated/);
  });

  it('a missing config file and invalid JSON name the file', async () => {
    expectOneLine(await le('train', '--config', path.join(dir, 'nope.json')), /nope\.json: cannot read config: ENOENT/);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{ "data": ');
    expectOneLine(await le('train', '--config', broken), /broken\.json: config is not valid JSON/);
  });

  it('unknown command, unknown option, missing option', async () => {
    expectOneLine(await le('trian'), /unknown command "trian"/);
    expectOneLine(await le('train', '--confg', 'x'), /Unknown option '--confg'/);
    expectOneLine(await le('similarity', '--arch', 'relu2', '--measure', 'relative'), /missing required option --out/);
    expectOneLine(await le('similarity', '--arch', 'relu5'), /--arch must be one of/);
  });

  it('cluster: NaN entries, k > n and labels of the wrong length', async () => {
    const m = path.join(dir, 'S.csv');
    fs.writeFileSync(m, 'id,0,1,2\n0,1,0.5,0\n1,0.5,1,0\n2,0,0,1\n');
    const nan = path.join(dir, 'Snan.csv');
    fs.writeFileSync(nan, 'id,0,1\n0,1,NaN\n1,0.5,1\n');
    const labels = path.join(dir, 'L.csv');
    fs.writeFileSync(labels, 'label\n0\n1\n');
    expectOneLine(await le('cluster', '--matrix', nan, '--method', 'spectral'), /Snan\.csv: entry \(0, 1\) is NaN/);
    expectOneLine(await le('cluster', '--matrix', m, '--method', 'spectral', '--k', '4'), /--k 4 is larger than the 3 rows/);
    expectOneLine(await le('cluster', '--matrix', m, '--method', 'kernel-kmeans', '--labels', labels), /L\.csv has 2 labels but .*S\.csv has 3 rows/);
  });
});
