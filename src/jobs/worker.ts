// Worker-thread entry of the job queue: runs one experiment (executeRun: data → train → probe →
// cluster, recorded in the store) off the main thread, or, with { kind: 'backend' }, only
// reports which compute backend starts here. Built as its own entry by electron-vite
// (out/main/worker.js); under tsx it is loaded as src/jobs/worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { backendInfo, initBackend } from '../engine/backend';
import { toErrorDTO } from '../shared/errors';
import { executeRun } from './executeRun';
import type { PortLike, WorkerData } from './workerProtocol';
import { serveJob } from './workerProtocol';

async function main(): Promise<void> {
  if (!parentPort) throw new Error('worker.ts must run in a worker thread');
  const port = parentPort as unknown as PortLike;
  const data = workerData as WorkerData;
  if (data.kind === 'backend') {
    try {
      const info = await initBackend();
      port.postMessage({ type: 'backend', info: { name: info.name, provider: info.provider, fallbacks: info.fallbacks } });
    } catch (err) {
      port.postMessage({ type: 'error', error: toErrorDTO(err) });
    }
    return;
  }
  await serveJob(port, data, executeRun, () => {
    const info = backendInfo();
    return info && { name: info.name, provider: info.provider, fallbacks: info.fallbacks };
  });
}

main()
  .catch((err: unknown) => {
    parentPort?.postMessage({ type: 'error', error: toErrorDTO(err) });
  })
  .finally(() => {
    parentPort?.close();
  });
