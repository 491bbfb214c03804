// Conversions between domain values and SQLite columns: typed-array BLOBs (little-endian,
// as the platforms the app ships on), JSON that keeps NaN/±Infinity, flattened params.
import { LeError } from '../shared/errors';
import type { MatrixDtype, ParamScalar, ParamValue } from '../shared/store-types';

/** A zero-copy view of a typed array's bytes. */
export function toBlob(a: Float64Array | Float32Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** The blob's own ArrayBuffer when it spans exactly the blob, else a copy (never a shared pool slab). */
function owned(buf: Buffer): ArrayBuffer {
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.byteLength) return buf.buffer as ArrayBuffer;
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return copy.buffer;
}

function checkBytes(buf: Buffer, bytesPer: number, what: string): void {
  if (buf.byteLength % bytesPer !== 0) throw new LeError('store', `${what}: ${buf.byteLength} bytes is not a multiple of ${bytesPer}`);
}

export function blobToInt32(buf: Buffer, what = 'int32 blob'): Int32Array {
  checkBytes(buf, 4, what);
  return new Int32Array(owned(buf));
}

/** Decodes a stored matrix BLOB to float64 (float32 data is widened). */
export function blobToFloat64(buf: Buffer, dtype: MatrixDtype, what = 'matrix blob'): Float64Array {
  const per = dtype === 'float64' ? 8 : 4;
  checkBytes(buf, per, what);
  const ab = owned(buf);
  return dtype === 'float64' ? new Float64Array(ab) : Float64Array.from(new Float32Array(ab));
}

export function intsToBlob(values: ArrayLike<number>, what: string): Buffer {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647)
      throw new LeError('invalid_input', `${what}[${i}] = ${v} is not a 32-bit integer`, what);
    out[i] = v;
  }
  return toBlob(out);
}

const NONFINITE = '__nonfinite__';

/** JSON.stringify that keeps NaN and ±Infinity (as {"__nonfinite__": "NaN"}). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { [NONFINITE]: String(v) } : v,
  );
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const tag = (v as Record<string, unknown>)[NONFINITE];
      if (typeof tag === 'string' && Object.keys(v).length === 1) return Number(tag);
    }
    return v;
  }) as T;
}

/** SQLite stores NaN as NULL; read NULL back as NaN where the domain type is a number. */
export const numOrNaN = (v: number | null): number => (v === null ? NaN : v);
export const nullIfNaN = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

function isScalar(v: unknown): v is ParamScalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** Flattens a JSON object to key paths (`train.lr`); arrays of scalars are kept as values. */
export function flattenParams(value: unknown, prefix = '', out: Record<string, ParamValue> = {}): Record<string, ParamValue> {
  if (isScalar(value)) {
    out[prefix || '(root)'] = value;
  } else if (Array.isArray(value)) {
    if (value.every(isScalar)) out[prefix] = value;
    else value.forEach((v, i) => flattenParams(v, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenParams(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** Summary scalars from nested numeric objects: { a: { b: 1 } } → { 'a.b': 1 }. */
export function flattenNumbers(value: unknown, prefix: string, out: Record<string, number>): Record<string, number> {
  if (typeof value === 'number') out[prefix] = value;
  else if (value && typeof value === 'object' && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) flattenNumbers(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

export const nowIso = (): string => new Date().toISOString();
