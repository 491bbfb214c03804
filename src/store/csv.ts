// CSV output with constant memory: text is buffered up to `chunkBytes` and written to a file
// handle chunk by chunk; the file is written under a temporary name and renamed into place
// on success, so a failed export leaves nothing half-written.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LeError } from '../shared/errors';

export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: readonly (string | number | boolean | null | undefined)[]): string =>
  fields.map(csvField).join(',') + '\n';

export interface WriteStats {
  path: string;
  bytes: number;
  /** Number of writes to the file and the largest one: evidence that the output streamed. */
  chunks: number;
  maxChunkBytes: number;
}

export interface ChunkWriter {
  /** Queues text; resolves once any full chunk has been written. */
  write(text: string): Promise<void>;
}

/**
 * Runs `produce` against a chunked writer on a temporary file next to `target`, then fsyncs
 * and renames it to `target`. On any error the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(
  target: string,
  produce: (w: ChunkWriter) => Promise<void>,
  opts: { chunkBytes?: number } = {},
): Promise<WriteStats> {
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1)
    throw new LeError('invalid_input', `chunkBytes must be a positive integer, got ${chunkBytes}`, 'chunkBytes');
  if (typeof target !== 'string' || !target) throw new LeError('invalid_input', 'output path must be a non-empty string', 'out');
  const abs = path.resolve(target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const stats: WriteStats = { path: abs, bytes: 0, chunks: 0, maxChunkBytes: 0 };
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(tmp, 'wx');
  } catch (err) {
    throw new LeError('bad_file', `cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`, 'out');
  }
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (!pendingLength) return;
    const buf = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    await fh.write(buf, 0, buf.length);
    stats.bytes += buf.length;
    stats.chunks += 1;
    stats.maxChunkBytes = Math.max(stats.maxChunkBytes, buf.length);
  };
  const writer: ChunkWriter = {
    async write(text: string) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= chunkBytes) await flush();
    },
  };
  try {
    await produce(writer);
    await flush();
    await fh.sync();
    await fh.close();
    await fs.rename(tmp, abs);
    return stats;
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    if (err instanceof LeError) throw err;
    throw new LeError('bad_file', `cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`, 'out');
  }
}
