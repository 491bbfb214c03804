// The real executable: scripts/le.mjs builds the CommonJS bundle when sources changed and runs
// it in a child process (exit codes, stdout/stderr separation, import.meta.url inside the bundle).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
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
