// IDX files (MNIST, Fashion-MNIST: images idx3-ubyte, labels idx1-ubyte), raw or gzip,
// and the class-pair protocol on top (pixels byte/255 → (v − 0.5)/0.5, imageShape
// [rows, cols, 1]). Any malformed or truncated file is rejected with LeError('bad_file').
import path from 'node:path';
import type { Dataset } from '../../shared/types';
import { badFile, readBytes } from './files';
import { buildClassPair, classQuotas, scaleByte } from './classPair';
import type { ClassPairSpec, ImagePool } from './classPair';

const UBYTE = 0x08;
const KNOWN_TYPES: Record<number, string> = {
  0x08: 'ubyte',
  0x09: 'byte',
  0x0b: 'short',
  0x0c: 'int',
  0x0d: 'float',
  0x0e: 'double',
};

export interface IdxArray {
  dims: number[];
  /** The elements, row-major (a view on the file's bytes). */
  data: Uint8Array;
}

const hex = (v: number): string => `0x${v.toString(16).padStart(2, '0')}`;

/** Parses an IDX file of unsigned bytes; `file` names it in error messages. */
export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  if (bytes.length < 4)
    throw badFile(file, `truncated: ${bytes.length} bytes, too short for an IDX header`);
  const magic = Array.from(bytes.subarray(0, 4), hex).join(' ');
  if (bytes[0] !== 0 || bytes[1] !== 0 || !(bytes[2] in KNOWN_TYPES) || bytes[3] === 0)
    throw badFile(file, `bad magic ${magic}: not an IDX file`);
  if (bytes[2] !== UBYTE)
    throw badFile(
      file,
      `IDX element type ${KNOWN_TYPES[bytes[2]]} (${hex(bytes[2])}) is not supported; images and labels are unsigned bytes (0x08)`,
    );
  const ndims = bytes[3];
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength)
    throw badFile(
      file,
      `truncated: the header announces ${ndims} dimensions but the file has only ${bytes.length} bytes`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const expected = dims.reduce((a, b) => a * b, 1);
  const have = bytes.length - headerLength;
  if (have !== expected) {
    const what =
      ndims === 3
        ? `${dims[0]} images of ${dims[1]}×${dims[2]}, file has ${have} bytes of pixels (expected ${expected})`
        : ndims === 1
          ? `${dims[0]} labels, file has ${have} bytes of labels`
          : `dimensions ${dims.join('×')} (${expected} bytes), file has ${have} bytes of data`;
    throw badFile(file, `${have < expected ? 'truncated' : 'trailing bytes'}: header says ${what}`);
  }
  return { dims, data: bytes.subarray(headerLength) };
}

/** Reads an IDX image file: [count, rows, cols] unsigned bytes. */
export async function readIdxImages(
  file: string,
): Promise<{ count: number; rows: number; cols: number; pixels: Uint8Array }> {
  const arr = parseIdx(await readBytes(file), file);
  if (arr.dims.length !== 3)
    throw badFile(
      file,
      `expected an image file with 3 dimensions (count × rows × cols), the header has ${arr.dims.length}${arr.dims.length === 1 ? ' (a label file?)' : ''}`,
    );
  const [count, rows, cols] = arr.dims;
  return { count, rows, cols, pixels: arr.data };
}

/** Reads an IDX label file: [count] unsigned bytes. */
export async function readIdxLabels(file: string): Promise<Uint8Array> {
  const arr = parseIdx(await readBytes(file), file);
  if (arr.dims.length !== 1)
    throw badFile(
      file,
      `expected a label file with 1 dimension, the header has ${arr.dims.length}${arr.dims.length === 3 ? ' (an image file?)' : ''}`,
    );
  return arr.data;
}

export interface IdxDataSpec extends ClassPairSpec {
  images: string;
  labels: string;
}

/** The class-pair protocol of method.md §4 on an IDX image/label pair. */
export async function loadIdx(spec: IdxDataSpec, seed: number): Promise<Dataset> {
  classQuotas(spec); // validates the spec before any file is read
  const [images, labels] = await Promise.all([
    readIdxImages(spec.images),
    readIdxLabels(spec.labels),
  ]);
  if (labels.length !== images.count)
    throw badFile(
      spec.labels,
      `has ${labels.length} labels but ${spec.images} has ${images.count} images`,
    );
  const d = images.rows * images.cols;
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]);
    if (list) list.push(i);
    else byClass.set(labels[i], [i]);
  }
  const pool: ImagePool = {
    source: spec.images,
    d,
    imageShape: [images.rows, images.cols, 1],
    available: (cls) => byClass.get(cls)?.length ?? 0,
    write(cls, k, out, offset) {
      const start = (byClass.get(cls) as number[])[k] * d;
      for (let p = 0; p < d; p++) out[offset + p] = scaleByte(images.pixels[start + p]);
    },
  };
  const name = `idx ${path.basename(spec.images)} ${spec.primary.join(' vs ')} (${spec.auxiliary.join(', ')})`;
  return buildClassPair(name, spec, pool, seed);
}
