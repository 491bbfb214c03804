// Browser-mode exports: the handler writes the CSV to a temp file, this registry hands out a
// one-time, unguessable URL for it, and removes the file after the download or after ttlMs.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportTarget } from './handlers';

export interface Downloads extends ExportTarget {
  /** The file and its name for a download id, removing the entry; undefined when unknown or expired. */
  take(id: string): { file: string; fileName: string } | undefined;
  dispose(): void;
}

export function createDownloads(opts: { dir?: string; ttlMs?: number } = {}): Downloads {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'le-exports-'));
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const entries = new Map<string, { file: string; fileName: string; timer: NodeJS.Timeout }>();
  const drop = (id: string, removeFile: boolean): void => {
    const e = entries.get(id);
    if (!e) return;
    clearTimeout(e.timer);
    entries.delete(id);
    if (removeFile) fs.rmSync(e.file, { force: true });
  };
  return {
    choose: (fileName) => Promise.resolve(path.join(dir, `${randomBytes(8).toString('hex')}-${fileName}`)),
    done(file, fileName) {
      const id = randomBytes(16).toString('base64url');
      const timer = setTimeout(() => drop(id, true), ttl);
      timer.unref();
      entries.set(id, { file, fileName, timer });
      return { url: `/download/${id}` };
    },
    take(id) {
      const e = entries.get(id);
      if (!e) return undefined;
      drop(id, false);
      return { file: e.file, fileName: e.fileName };
    },
    dispose() {
      for (const id of [...entries.keys()]) drop(id, true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
