// The engine's one way to write a file: through a temporary sibling file that is fsynced and
// renamed over the target, so a crash or an error never leaves half a file behind.
import fs from 'node:fs';
import path from 'node:path';
import { LeError } from '../shared/errors';

let tmpCounter = 0;

/** Writes through a temporary sibling file, then renames it over `file`. */
export function writeAtomically(
  file: string,
  body: (write: (chunk: string | Uint8Array) => void) => void,
): void {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${++tmpCounter}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'w');
    const handle = fd;
    body((chunk) => {
      if (typeof chunk === 'string') fs.writeSync(handle, chunk, null, 'utf8');
      else fs.writeSync(handle, chunk);
    });
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    if (err instanceof LeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new LeError(
      'bad_file',
      `${file}: cannot be written (cannot write to ${path.dirname(file)}: ${code ?? (err instanceof Error ? err.message : String(err))})`,
      file,
    );
  }
}
