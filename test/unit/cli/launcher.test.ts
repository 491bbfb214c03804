// The real executable: scripts/le.mjs builds the CommonJS bundle when sources changed and runs
// it in a child process (exit codes, stdout/stderr separation, import.meta.url inside the bundle).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const le = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts', 'le.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('le launcher', () => {
  it('runs a command from the bundle and prints JSON', () => {
    const r = le('datasets', '--json');
    expect(r.status).toBe(0);
    const cat = JSON.parse(r.stdout) as { mnist: { available: Record<string, number> } };
    expect(cat.mnist.available['0']).toBeGreaterThan(900); // the bundle found the mnist package
  });

  it('exits non-zero with one line on stderr for a bad command', () => {
    const r = le('train', '--config', path.join(root, 'no-such-config.json'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no-such-config\.json: cannot read config/);
  });
});

describe('le start-up', () => {
  it('loads no tfjs, zod or SQLite for --help and for an exact similarity', async () => {
    const { generateSynthetic, writeCsvDataset } = await import('../../../src/engine/data');
    const { writeWeightsFile } = await import('../../../src/engine/models/weightsFile');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'le-startup-'));
    await writeCsvDataset(path.join(dir, 'D.csv'), generateSynthetic('two_cosine', { n: 20, seed: 1 }));
    const width = 16;
    const fill = (len: number, s: number) => Float64Array.from({ length: len }, (_, i) => Math.sin(s * (i + 1)) / 4);
    writeWeightsFile(path.join(dir, 'W.json'), {
      layers: [
        { weight: { shape: [width, 2], data: fill(2 * width, 1) }, bias: { shape: [width], data: fill(width, 2) } },
        { weight: { shape: [1, width], data: fill(width, 3) }, bias: { shape: [1], data: fill(1, 4) } },
      ],
    });
    // records every package the process requires
    const hook = path.join(dir, 'hook.cjs');
    fs.writeFileSync(hook, `const M = require('node:module'); const seen = new Set(); const load = M._load;
M._load = function (req, ...rest) { if (!/^(node:|\\.|\\/)/.test(req)) seen.add(req); return load.call(this, req, ...rest); };
process.on('exit', () => require('node:fs').writeFileSync(process.env.LE_HOOK_OUT, [...seen].join('\\n')));`);
    const loaded = (...args: string[]): string[] => {
      const out = path.join(dir, `loaded-${args[0]}.txt`);
      const r = spawnSync(process.execPath, ['-r', hook, path.join(root, 'scripts', 'le.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LE_HOOK_OUT: out } });
      expect(r.status, r.stderr).toBe(0);
      return fs.readFileSync(out, 'utf8').split('\n');
    };
    const heavy = ['@tensorflow/tfjs', 'zod', 'better-sqlite3'];
    for (const pkgs of [loaded('--help'), loaded('similarity', '--data', path.join(dir, 'D.csv'), '--weights', path.join(dir, 'W.json'), '--arch', 'relu2', '--measure', 'kernelized', '--out', path.join(dir, 'S.csv'))])
      for (const h of heavy) expect(pkgs).not.toContain(h);
    expect(fs.readFileSync(path.join(dir, 'S.csv'), 'utf8').split('\n')[0]).toBe(`id,${Array.from({ length: 20 }, (_, i) => i).join(',')}`);
    // and a command that needs them still finds them
    expect(loaded('datasets', '--json')).toContain('zod');
  });
});
