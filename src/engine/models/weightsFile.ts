// Reading and writing weights files; the format follows the extension (.json or
// .safetensors). Writes go to a temporary file in the same folder and are renamed into place,
// so a failed or interrupted write never leaves a half-written file behind.
import fs from 'node:fs';
import path from 'node:path';
import { LeError } from '../../shared/errors';
import type { Weights } from '../../shared/types';
import { decodeWeightsJson, encodeWeightsJson } from './weightsJson';
import { decodeSafetensors, encodeSafetensors } from './safetensors';
import type { SafetensorsDtype } from './safetensors';
import { writeAtomically } from '../atomicWrite';

type Format = 'json' | 'safetensors';

function formatOf(file: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.safetensors') return 'safetensors';
  throw new LeError(
    'invalid_input',
    `${file}: a weights file must end in .json or .safetensors`,
    file,
  );
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LeError('not_found', `${file}: no such file`, file);
    throw new LeError('bad_file', `${file}: cannot read (${code ?? String(err)})`, file);
  }
}

/** Reads W.json or W.safetensors (F32 or F64) into float64 weights. */
export function readWeightsFile(file: string): Weights {
  const format = formatOf(file);
  const bytes = readBytes(file);
  if (format === 'safetensors') return decodeSafetensors(bytes, file);
  let text: string;
  try {
    text = bytes.toString('utf8');
  } catch {
    throw new LeError(
      'bad_file',
      `${file}: ${bytes.length} bytes are too large for a JSON weights file; use .safetensors`,
      file,
    );
  }
  return decodeWeightsJson(text, file);
}

/**
 * Writes weights as W.json (nested arrays, shortest round-trip float64 text) or
 * W.safetensors (F64 unless `dtype: 'F32'`), chosen by the extension.
 */
export function writeWeightsFile(
  file: string,
  weights: Weights,
  options: { dtype?: SafetensorsDtype } = {},
): void {
  const format = formatOf(file);
  const dtype = options.dtype ?? 'F64';
  if (dtype !== 'F64' && dtype !== 'F32')
    throw new LeError(
      'invalid_input',
      `weights dtype must be F64 or F32, got ${String(dtype)}`,
      'dtype',
    );
  if (!weights || !Array.isArray(weights.layers) || weights.layers.length === 0)
    throw new LeError('invalid_input', 'weights must have at least one layer', 'weights');
  writeAtomically(file, (write) => {
    if (format === 'json') encodeWeightsJson(weights, write);
    else encodeSafetensors(weights, dtype, write);
  });
}
