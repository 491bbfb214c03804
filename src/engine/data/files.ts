// File access shared by the readers: whole-file reads (gzip detected by its magic bytes and
// inflated with node:zlib), the 'bad_file' / 'not_found' errors that name the file, and an
// atomic write (temporary file + rename) so nothing half-written is left behind.
import { readFile } from 'node:fs/promises';
import { writeAtomically } from '../atomicWrite';
import { gunzipSync } from 'node:zlib';
import { LeError } from '../../shared/errors';

/** LeError('bad_file') whose message starts with the file path. */
export function badFile(path: string, problem: string): LeError {
  return new LeError('bad_file', `${path}: ${problem}`, path);
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}

/** Reads a whole file; inflates it when it is gzip-compressed (whatever its name). */
export async function readBytes(path: string): Promise<Uint8Array> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (err) {
    if (isNodeError(err) && err.code === 'ENOENT')
      throw new LeError('not_found', `${path}: no such file`, path);
    if (isNodeError(err) && err.code === 'EISDIR')
      throw badFile(path, 'is a directory, expected a file');
    throw badFile(path, `cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return gunzipSync(raw);
    } catch (err) {
      throw badFile(
        path,
        `corrupt or truncated gzip data (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  return raw;
}

/** Writes `text` to `path` through a temporary file in the same folder. */
export function writeTextAtomic(path: string, text: string): void {
  writeAtomically(path, (write) => write(text));
}
