import { describe, expect, it } from 'vitest';
import { isPidAlive, openStore, recoverInterrupted } from '../../../src/store';
import { config, tempStore } from './helpers';

function withRuns(pids: (number | null)[]) {
  const { store, file } = tempStore({ recover: 'none' });
  const ids = pids.map((pid) => {
    const id = store.runs.create({ config: config(), backend: 'cpu', appVersion: '1' });
    store.db.prepare('UPDATE runs SET pid = ? WHERE id = ?').run(pid, id);
    return id;
  });
  return { store, file, ids };
}

describe('recovery of interrupted runs', () => {
  it('isPidAlive: this process yes, an impossible pid no, null no', () => {
    expect(isPidAlive(process.pid)).toBe(true);
    expect(isPidAlive(2 ** 22 + 12345)).toBe(false); // above Linux pid_max
    expect(isPidAlive(null)).toBe(false);
    expect(isPidAlive(0)).toBe(false);
  });

  it("marks dead writers' and this pid's running runs interrupted; keeps live ones and finished ones", () => {
    const { store, ids } = withRuns([111, 222, process.pid, null]);
    const finished = store.runs.create({ config: config(), backend: 'cpu', appVersion: '1' });
    store.db.prepare("UPDATE runs SET status = 'finished', pid = 111 WHERE id = ?").run(finished);
    store.recorder(ids[0]).epochs([{ epoch: 1, loss: 1, accuracy: 0.5 }]);
    const alive = (pid: number | null) => pid === 222 || pid === process.pid;
    expect(recoverInterrupted(store.db, 'all', process.pid, alive)).toEqual([ids[0], ids[2], ids[3]]);
    const status = (id: number) => store.runs.get(id).status;
    expect(ids.map(status)).toEqual(['interrupted', 'running', 'interrupted', 'interrupted']);
    expect(status(finished)).toBe('finished');
    expect(store.runs.get(ids[0]).epochs).toHaveLength(1);
    expect(store.runs.get(ids[0]).error).toMatch(/pid 111/);
    expect(recoverInterrupted(store.db, 'all', process.pid, alive)).toEqual([]);
    store.close();
  });

  it("'dead-only' spares this process's runs, 'none' touches nothing", () => {
    const { store, ids } = withRuns([process.pid, 2 ** 22 + 1]);
    expect(recoverInterrupted(store.db, 'none')).toEqual([]);
    expect(recoverInterrupted(store.db, 'dead-only')).toEqual([ids[1]]);
    expect(store.runs.get(ids[0]).status).toBe('running');
    store.close();
  });

  it('runs at open (default mode)', () => {
    const { store, file, ids } = withRuns([2 ** 22 + 7]);
    store.close();
    const again = openStore(file);
    expect(again.recovered).toEqual(ids);
    expect(again.runs.get(ids[0]).status).toBe('interrupted');
    again.close();
  });
});
