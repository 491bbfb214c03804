// W.safetensors (the Hugging Face safetensors layout): an 8-byte little-endian header length
// N, N bytes of JSON header {"<name>": {"dtype", "shape", "data_offsets": [begin, end]}, …,
// "__metadata__": {…}}, then the raw little-endian tensor bytes (offsets relative to the
// data section). Tensors are named layers.<k>.weight / layers.<k>.bias; F32 and F64 are read.
import { LeError } from '../../shared/errors';
import type { HostTensor, Weights } from '../../shared/types';

export type SafetensorsDtype = 'F32' | 'F64';
const BYTES: Record<SafetensorsDtype, number> = { F32: 4, F64: 8 };
const MAX_HEADER = 100 * 1024 * 1024;

const bad = (file: string, problem: string): LeError =>
  new LeError('bad_file', `${file}: ${problem}`, file);

interface Entry {
  dtype: SafetensorsDtype;
  shape: number[];
  begin: number;
  end: number;
}

function parseEntry(name: string, v: unknown, file: string, dataLen: number): Entry {
  const e = v as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
  if (typeof e !== 'object' || e === null) throw bad(file, `header entry ${name} is not an object`);
  if (e.dtype !== 'F32' && e.dtype !== 'F64')
    throw bad(
      file,
      `tensor ${name} has dtype ${JSON.stringify(e.dtype)}; only F32 and F64 are read`,
    );
  const shape = e.shape;
  if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && (s as number) >= 0))
    throw bad(file, `tensor ${name} has an invalid shape ${JSON.stringify(shape)}`);
  const off = e.data_offsets;
  if (
    !Array.isArray(off) ||
    off.length !== 2 ||
    !off.every((o) => Number.isInteger(o) && (o as number) >= 0)
  )
    throw bad(file, `tensor ${name} has invalid data_offsets ${JSON.stringify(off)}`);
  const [begin, end] = off as [number, number];
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  if (end - begin !== count * BYTES[e.dtype])
    throw bad(
      file,
      `tensor ${name}: data_offsets [${begin}, ${end}] hold ${end - begin} bytes, shape [${shape.join(', ')}] ${e.dtype} needs ${count * BYTES[e.dtype]}`,
    );
  if (end > dataLen)
    throw bad(
      file,
      `tensor ${name} ends at byte ${end} of a ${dataLen}-byte data section (file truncated?)`,
    );
  return { dtype: e.dtype, shape: shape as number[], begin, end };
}

function readTensor(buf: Uint8Array, dataStart: number, e: Entry): HostTensor {
  const n = (e.end - e.begin) / BYTES[e.dtype];
  const view = new DataView(buf.buffer, buf.byteOffset + dataStart + e.begin, e.end - e.begin);
  const data = new Float64Array(n);
  if (e.dtype === 'F64') for (let i = 0; i < n; i++) data[i] = view.getFloat64(8 * i, true);
  else for (let i = 0; i < n; i++) data[i] = view.getFloat32(4 * i, true);
  return { shape: e.shape, data };
}

/** Decodes a whole safetensors file held in memory. */
export function decodeSafetensors(buf: Uint8Array, file: string): Weights {
  if (buf.length < 8)
    throw bad(
      file,
      `only ${buf.length} bytes; a safetensors file starts with an 8-byte header length`,
    );
  const head = new DataView(buf.buffer, buf.byteOffset, 8);
  const n = Number(head.getBigUint64(0, true));
  if (n < 2 || n > MAX_HEADER || 8 + n > buf.length)
    throw bad(
      file,
      `header length ${n} does not fit a ${buf.length}-byte file (not a safetensors file?)`,
    );
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(8, 8 + n)));
  } catch (err) {
    throw bad(
      file,
      `header is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw bad(file, 'header is not a JSON object');
  const dataStart = 8 + n;
  const entries = new Map<string, Entry>();
  for (const [name, v] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (!/^layers\.\d+\.(weight|bias)$/.test(name))
      throw bad(file, `unexpected tensor ${name} (expected layers.<k>.weight and layers.<k>.bias)`);
    entries.set(name, parseEntry(name, v, file, buf.length - dataStart));
  }
  if (entries.size === 0) throw bad(file, 'holds no tensors');
  const count = Math.max(...[...entries.keys()].map((k) => Number(k.split('.')[1]))) + 1;
  const layers: Weights['layers'] = [];
  for (let k = 0; k < count; k++) {
    const [w, b] = [entries.get(`layers.${k}.weight`), entries.get(`layers.${k}.bias`)];
    if (!w || !b)
      throw bad(
        file,
        `layer ${k} lacks ${w ? 'layers.' + k + '.bias' : 'layers.' + k + '.weight'}`,
      );
    if (b.shape.length !== 1)
      throw bad(file, `layers.${k}.bias must be 1-D, got shape [${b.shape.join(', ')}]`);
    layers.push({ weight: readTensor(buf, dataStart, w), bias: readTensor(buf, dataStart, b) });
  }
  return { layers };
}

/** Encodes weights: calls `write` with the header, then each tensor's bytes in forward order. */
export function encodeSafetensors(
  weights: Weights,
  dtype: SafetensorsDtype,
  write: (bytes: Uint8Array) => void,
): void {
  const tensors: [string, HostTensor][] = weights.layers.flatMap((l, k) => [
    [`layers.${k}.weight`, l.weight],
    [`layers.${k}.bias`, l.bias],
  ]);
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const [name, t] of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== count)
      throw new LeError(
        'invalid_input',
        `${name} holds ${t.data.length} values for shape [${t.shape.join(', ')}]`,
        name,
      );
    const bytes = count * BYTES[dtype];
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = JSON.stringify(header); // ASCII only: one byte per character
  const text = new TextEncoder().encode(json + ' '.repeat((8 - (json.length % 8)) % 8)); // 8-byte aligned data
  const len = new Uint8Array(8);
  new DataView(len.buffer).setBigUint64(0, BigInt(text.length), true);
  write(len);
  write(text);
  const chunk = 1 << 16;
  for (const [, t] of tensors) {
    for (let start = 0; start < t.data.length; start += chunk) {
      const part = t.data.subarray(start, Math.min(start + chunk, t.data.length));
      const out = new DataView(new ArrayBuffer(part.length * BYTES[dtype]));
      if (dtype === 'F64')
        for (let i = 0; i < part.length; i++) out.setFloat64(8 * i, part[i], true);
      else for (let i = 0; i < part.length; i++) out.setFloat32(4 * i, part[i], true);
      write(new Uint8Array(out.buffer));
    }
  }
}
