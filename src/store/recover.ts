// Crash safety at open: a run left 'running' by a process that no longer exists (or by an
// earlier process with this same pid) is marked 'interrupted'; what it finished is kept.
import type Database from 'better-sqlite3';

/** True unless signalling the pid fails with ESRCH (EPERM means it exists but is not ours). */
export function isPidAlive(pid: number | null): boolean {
  if (pid === null || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * 'all': dead writers and this pid (the app opens its store once at start, so a 'running' row
 * with our pid is from an earlier process that had the same pid). 'dead-only': for a second
 * connection inside a live process (a worker thread). 'none': leave every row as it is.
 */
export type RecoverMode = 'all' | 'dead-only' | 'none';

export function recoverInterrupted(
  db: Database.Database,
  mode: RecoverMode = 'all',
  self: number = process.pid,
  alive: (pid: number | null) => boolean = isPidAlive,
): number[] {
  if (mode === 'none') return [];
  const running = db.prepare("SELECT id, pid FROM runs WHERE status = 'running'").all() as { id: number; pid: number | null }[];
  const stale = running.filter((r) => (mode === 'all' && r.pid === self) || !alive(r.pid));
  if (!stale.length) return [];
  const mark = db.prepare(
    `UPDATE runs SET status = 'interrupted', ended_at = COALESCE(ended_at, ?),
       error = COALESCE(error, ?) WHERE id = ? AND status = 'running'`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const r of stale)
      mark.run(now, `interrupted: the writing process (pid ${r.pid ?? '?'}) ended before the run finished`, r.id);
  }).immediate();
  return stale.map((r) => r.id);
}
