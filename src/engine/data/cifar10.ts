// CIFAR-10 binary batches (the "CIFAR-10 binary version": data_batch_1..5.bin, test_batch.bin;
// 3073 bytes per record: label byte + 3072 pixel bytes, channel-major R, G, B planes of
// 32×32). The training batches present in `dir` are read in order (test_batch.bin only when
// none is), stopping once every class quota is filled. Images are converted to HWC order,
// flattened (index (h·32 + w)·3 + c), imageShape [32, 32, 3], pixels byte/255 → [−1, 1].
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { badFile, readBytes } from './files';
import { buildClassPair, checkAvailable, classQuotas, scaleByte } from './classPair';
import type { ClassPairSpec, ImagePool } from './classPair';

export const CIFAR10_CLASSES = [
  'plane',
  'car',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;
export const CIFAR10_TRAIN_FILES = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
export const CIFAR10_TEST_FILE = 'test_batch.bin';
const SIDE = 32;
const PLANE = SIDE * SIDE;
const PIXELS = 3 * PLANE;
export const CIFAR10_RECORD = PIXELS + 1;

/** Splits one batch file into records, checking its length and labels. */
export function parseCifarBatch(
  bytes: Uint8Array,
  file: string,
): { labels: Uint8Array; records: Uint8Array[] } {
  if (bytes.length === 0) throw badFile(file, 'empty file');
  if (bytes.length % CIFAR10_RECORD !== 0)
    throw badFile(
      file,
      `truncated or not a CIFAR-10 binary batch: ${bytes.length} bytes is not a whole number of ${CIFAR10_RECORD}-byte records ` +
        `(${Math.floor(bytes.length / CIFAR10_RECORD)} whole records and ${bytes.length % CIFAR10_RECORD} bytes left over)`,
    );
  const count = bytes.length / CIFAR10_RECORD;
  const labels = new Uint8Array(count);
  const records: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * CIFAR10_RECORD;
    if (bytes[at] > 9)
      throw badFile(file, `record ${i}: label ${bytes[at]} is not a CIFAR-10 class (0..9)`);
    labels[i] = bytes[at];
    records.push(bytes.subarray(at + 1, at + CIFAR10_RECORD));
  }
  return { labels, records };
}

/** Writes one 3072-byte CHW record as HWC values in [−1, 1]. */
export function chwToHwc(record: Uint8Array, out: Float64Array, offset: number): void {
  for (let c = 0; c < 3; c++)
    for (let p = 0; p < PLANE; p++) out[offset + p * 3 + c] = scaleByte(record[c * PLANE + p]);
}

async function batchFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new LeError(
      'not_found',
      `${dir}: no such folder (expected the CIFAR-10 binary batches there)`,
      'data.dir',
    );
  }
  const train = CIFAR10_TRAIN_FILES.filter((f) => names.includes(f));
  const chosen = train.length
    ? train
    : names.includes(CIFAR10_TEST_FILE)
      ? [CIFAR10_TEST_FILE]
      : [];
  if (!chosen.length)
    throw new LeError(
      'not_found',
      `${dir}: none of ${[...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE].join(', ')} found`,
      'data.dir',
    );
  return chosen.map((f) => path.join(dir, f));
}

/** The class-pair protocol of method.md §4 on CIFAR-10 binary batches in `spec.dir`. */
export async function loadCifar10(
  spec: ClassPairSpec & { dir: string },
  seed: number,
): Promise<Dataset> {
  const quotas = classQuotas(spec);
  for (const q of quotas)
    if (q.cls > 9)
      throw new LeError(
        'invalid_config',
        `CIFAR-10 classes are 0..9, got ${q.cls}`,
        'data.primary',
      );
  const files = await batchFiles(spec.dir);
  const wanted = new Map(quotas.map((q) => [q.cls, q.count]));
  const found = new Map<number, Uint8Array[]>(quotas.map((q) => [q.cls, []]));
  const filled = (): boolean =>
    quotas.every((q) => (found.get(q.cls) as Uint8Array[]).length >= q.count);
  for (const file of files) {
    if (filled()) break;
    const { labels, records } = parseCifarBatch(await readBytes(file), file);
    records.forEach((rec, i) => {
      const list = found.get(labels[i]);
      if (list && list.length < (wanted.get(labels[i]) ?? 0)) list.push(rec.slice()); // a copy, so the batch buffer can be freed
    });
  }
  const pool: ImagePool = {
    source: `${spec.dir} (${files.map((f) => path.basename(f)).join(', ')})`,
    d: PIXELS,
    imageShape: [SIDE, SIDE, 3],
    classNames: Object.fromEntries(CIFAR10_CLASSES.map((c, i) => [i, c])),
    available: (cls) => found.get(cls)?.length ?? 0,
    write: (cls, k, out, offset) => chwToHwc((found.get(cls) as Uint8Array[])[k], out, offset),
  };
  checkAvailable(quotas, pool, spec);
  const names = (cs: readonly number[]): string => cs.map((c) => CIFAR10_CLASSES[c]).join(', ');
  const name = `cifar10 ${spec.primary.map((c) => CIFAR10_CLASSES[c]).join(' vs ')} (${names(spec.auxiliary)})`;
  return buildClassPair(name, spec, pool, seed);
}
