// Shared test fixtures for the store: temp databases, a config, a finish summary, a matrix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConfigInput } from '../../../src/shared/config';
import type { LabelledMatrix } from '../../../src/shared/results';
import type { FinishSummary } from '../../../src/store';
import { openStore, type OpenOptions, type Store } from '../../../src/store';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'le-store-'));
}

export function tempStore(opts: OpenOptions = {}): { store: Store; dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'test.db');
  return { store: openStore(file, opts), dir, file };
}

export function config(over: Partial<ConfigInput> = {}): ConfigInput {
  return {
    name: 'torus, ReLU',
    seed: 666,
    data: { kind: 'synthetic', name: 'torus', n: 100 },
    model: { arch: 'relu2', width: 64 },
    loss: 'mse',
    train: { epochs: 10, lr: 1e-5, batchSize: 100 },
    ...over,
  };
}

export function summary(trainAccuracy = 0.9): FinishSummary {
  return {
    status: 'finished',
    backend: 'wasm',
    metrics: {
      trainAccuracy,
      pearson: { relative: -0.5, kernelized: -0.75 },
      clustering: {
        'kernel-kmeans': { method: 'kernel-kmeans', accuracy: 0.8, hungarianAccuracy: 0.8, ari: 0.3, nmi: 0.25, assignments: [0, 1, 1, 0], objective: 12.5 },
      },
    },
    timings: { dataSeconds: 0.1, trainSeconds: 2, probeSeconds: 1, clusterSeconds: 0.5 },
    probe: { engine: 'exact', unmoved: [] },
  };
}

/** An n×m matrix with entries i + j/1000 + 1/3 (non-trivial shortest round-trip strings). */
export function matrix(name: string, rows: number, cols = rows): LabelledMatrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = i + j / 1000 + 1 / 3;
  return {
    name,
    rows,
    cols,
    data,
    ids: Array.from({ length: rows }, (_, i) => i * 2),
    groups: Array.from({ length: rows }, (_, i) => i % 2),
  };
}

export function countRows(store: Store, table: string, runId: number): number {
  return (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE run_id = ?`).get(runId) as { n: number }).n;
}
