// The HTTP wire format of the contract: plain JSON when a value holds no typed arrays, else a
// binary envelope so that a 2000×2000 float32 heat map travels as its 16 MB of bytes instead of
// 21 MB of base64 or ~80 MB of JSON numbers:
//   'LEW1' | u32 LE json byte length | json (utf-8) | zero padding to 8 | buffers, each 8-aligned
// Inside the JSON a typed array is replaced by { "$bin": [type, byteOffset, length] } with the
// offset counted from the start of the buffer section.

const TYPES = {
  Float32Array,
  Float64Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypeName = keyof typeof TYPES;
type AnyTyped = InstanceType<(typeof TYPES)[TypeName]>;

export const BINARY_CONTENT_TYPE = 'application/x-le-binary';
const MAGIC = [0x4c, 0x45, 0x57, 0x31]; // 'LEW1'
const pad8 = (n: number): number => (n + 7) & ~7;

function typeName(v: unknown): TypeName | undefined {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return undefined;
  const name = (v as { constructor: { name: string } }).constructor.name;
  return name in TYPES ? (name as TypeName) : undefined;
}

/** Encodes a JSON-able value that may hold typed arrays: a string when it holds none. */
export function encodeWire(value: unknown): string | Uint8Array {
  const parts: { view: AnyTyped; offset: number }[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    const t = typeName(v);
    if (!t) return v;
    const view = v as AnyTyped;
    parts.push({ view, offset });
    const ref = { $bin: [t, offset, view.length] };
    offset += pad8(view.byteLength);
    return ref;
  });
  if (parts.length === 0) return json ?? 'null';
  const jsonBytes = new TextEncoder().encode(json);
  const head = pad8(8 + jsonBytes.length);
  const out = new Uint8Array(head + offset);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, jsonBytes.length, true);
  out.set(jsonBytes, 8);
  for (const p of parts) out.set(new Uint8Array(p.view.buffer, p.view.byteOffset, p.view.byteLength), head + p.offset);
  return out;
}

export function isBinaryWire(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

/** Decodes what encodeWire produced (a string, or the binary envelope's bytes). */
export function decodeWire(data: string | Uint8Array): unknown {
  if (typeof data === 'string') return JSON.parse(data) as unknown;
  if (!isBinaryWire(data)) return JSON.parse(new TextDecoder().decode(data)) as unknown;
  const jsonLen = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4, true);
  if (8 + jsonLen > data.length) throw new Error('wire: truncated envelope');
  const json = new TextDecoder().decode(data.subarray(8, 8 + jsonLen));
  const base = pad8(8 + jsonLen);
  return JSON.parse(json, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || !('$bin' in v)) return v;
    const ref = (v).$bin;
    if (!Array.isArray(ref) || ref.length !== 3) throw new Error('wire: bad binary reference');
    const [t, off, len] = ref as [unknown, unknown, unknown];
    if (typeof t !== 'string' || !(t in TYPES)) throw new Error(`wire: unknown array type ${String(t)}`);
    const Ctor = TYPES[t as TypeName] as unknown as { new (b: ArrayBuffer): AnyTyped; BYTES_PER_ELEMENT: number };
    if (!Number.isInteger(off) || !Number.isInteger(len) || (off as number) < 0 || (len as number) < 0)
      throw new Error('wire: bad binary reference');
    const start = data.byteOffset + base + (off as number);
    const bytes = (len as number) * Ctor.BYTES_PER_ELEMENT;
    if (base + (off as number) + bytes > data.length) throw new Error('wire: binary reference out of range');
    // copy so that the result is aligned and independent of the transport buffer
    return new Ctor(data.buffer.slice(start, start + bytes) as ArrayBuffer);
  });
}
