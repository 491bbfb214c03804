// One stored run: validate the config, create the run row, run the pipeline recording as it
// goes, then finish the row — or mark it failed / cancelled with its error. An invalid config
// never creates a row. Used in-process by the CLI and inside the job worker by the app.
import { resolveConfig } from '../shared/config';
import { toErrorDTO } from '../shared/errors';
import type { ExperimentSummary } from '../shared/results';
import type { Progress } from '../shared/types';
import { APP_VERSION } from '../shared/version';
import { initBackend } from '../engine/backend';
import { runExperiment } from '../engine/experiment';
import { openStore } from '../store';

export interface ExecuteOptions {
  dbPath: string;
  experiment?: string;
  tags?: string[];
  onProgress?: (p: Progress) => void;
  /** Called once the run row exists (before any training). */
  onCreated?: (runId: number) => void;
  signal?: AbortSignal;
  log?: (msg: string) => void;
}

export async function executeRun(rawConfig: unknown, opts: ExecuteOptions): Promise<{ runId: number; summary: ExperimentSummary }> {
  const config = resolveConfig(rawConfig);
  const backend = await initBackend({ log: opts.log });
  // 'dead-only': this process may hold other live runs (the app's job worker shares its pid).
  const store = openStore(opts.dbPath, { recover: 'dead-only' });
  try {
    const runId = store.runs.create({ config, experiment: opts.experiment, tags: opts.tags, backend: backend.name, appVersion: APP_VERSION });
    opts.onCreated?.(runId);
    try {
      const summary = await runExperiment(config, {
        sink: store.recorder(runId),
        onProgress: opts.onProgress,
        signal: opts.signal,
        log: opts.log,
      });
      store.runs.finish(runId, summary);
      return { runId, summary };
    } catch (err) {
      const e = toErrorDTO(err);
      store.runs.fail(runId, e, e.code === 'cancelled' ? 'cancelled' : 'failed');
      throw err;
    }
  } finally {
    store.close();
  }
}
