// Crash safety and concurrency with real child processes (node --import tsx writer.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store';
import { config, matrix, summary, tempDir } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRITER = path.join(ROOT, 'test/fixtures/store/writer.ts');

function writer(file: string, runs: number, epochs: number, label: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(runs), String(epochs), label], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

const exited = (child: ChildProcess): Promise<{ code: number | null; signal: string | null }> =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

async function waitFor(pred: () => boolean, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting for the writer');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('crash safety', () => {
  it('kill -9 mid-run: integrity ok, the run is interrupted with its epochs, an earlier run untouched', async () => {
    const file = path.join(tempDir(), 'crash.db');
    const s0 = openStore(file);
    const done = s0.runs.create({ config: config(), backend: 'wasm', appVersion: '1' });
    s0.recorder(done).matrix(matrix('similarity-relative', 8));
    s0.runs.finish(done, summary());
    const before = s0.runs.get(done);
    s0.close();

    const w = writer(file, 1, 0, 'crash');
    const exit = exited(w.child);
    await waitFor(() => /epoch 30\b/.test(w.output()));
    w.child.kill('SIGKILL');
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    const crashed = Number(/run (\d+)/.exec(w.output())![1]);

    const s = openStore(file);
    try {
      expect(s.integrityCheck()).toBe('ok');
      expect(s.recovered).toEqual([crashed]);
      const d = s.runs.get(crashed);
      expect(d.status).toBe('interrupted');
      expect(d.error).toMatch(/interrupted/);
      expect(d.endedAt).not.toBeNull();
      expect(d.epochs.length).toBeGreaterThanOrEqual(30);
      expect(d.epochs.map((e) => e.epoch)).toEqual(d.epochs.map((_, i) => i + 1)); // no gaps
      expect(d.matrices.length).toBeGreaterThanOrEqual(3);
      expect(s.matrices.get(crashed, 'm10').data.every((v) => v === 0.5)).toBe(true);
      expect(s.runs.get(done)).toEqual(before);
    } finally {
      s.close();
    }
  });

  it('two processes writing to one database at once both succeed', async () => {
    const file = path.join(tempDir(), 'two.db');
    openStore(file).close(); // schema in place; the writers still race on their own opens
    const a = writer(file, 3, 60, 'a');
    const b = writer(file, 3, 60, 'b');
    const [ea, eb] = await Promise.all([exited(a.child), exited(b.child)]);
    expect(ea, a.output()).toEqual({ code: 0, signal: null });
    expect(eb, b.output()).toEqual({ code: 0, signal: null });
    const s = openStore(file);
    try {
      expect(s.integrityCheck()).toBe('ok');
      for (const tag of ['a', 'b']) {
        const page = s.runs.list({ tag });
        expect(page.total).toBe(3);
        for (const r of page.rows) {
          expect(r.status).toBe('finished');
          const d = s.runs.get(r.id);
          expect(d.epochs).toHaveLength(60);
          expect(d.matrices).toHaveLength(3);
        }
      }
    } finally {
      s.close();
    }
  });

  it('two processes opening a new database at once both migrate it safely', async () => {
    const file = path.join(tempDir(), 'fresh.db');
    const a = writer(file, 1, 10, 'a');
    const b = writer(file, 1, 10, 'b');
    const [ea, eb] = await Promise.all([exited(a.child), exited(b.child)]);
    expect([ea.code, eb.code], a.output() + b.output()).toEqual([0, 0]);
    const s = openStore(file);
    expect(s.runs.list().total).toBe(2);
    expect((s.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(s.migration.to);
    s.close();
  });
});
