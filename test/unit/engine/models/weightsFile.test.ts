import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src/engine/backend';
import { modelFromWeights, readWeightsFile, writeWeightsFile } from '../../../../src/engine/models';
import type { ModelSpec } from '../../../../src/engine/models';
import type { Weights } from '../../../../src/shared/types';
import { LeError } from '../../../../src/shared/errors';
import { lcgValues, refForward } from './reference';

const FIX = path.resolve(__dirname, '../../../fixtures/weights');
let dir: string;

beforeAll(async () => {
  await initBackend();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'le-weights-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Expected {
  arch: 'relu2' | 'cnn';
  width: number;
  inputShape: number[];
  inputs: number[][];
  outputs: number[];
}
const expected = (name: string): Expected =>
  JSON.parse(fs.readFileSync(path.join(FIX, name), 'utf8')) as Expected;

function predictRows(spec: ModelSpec, w: Weights, rows: number[][]): Float64Array {
  const m = modelFromWeights(spec, w);
  const f = tf.tidy(() => m.apply(tf.tensor2d(rows)));
  const out = Float64Array.from(f.dataSync());
  f.dispose();
  m.dispose();
  return out;
}

describe('fixtures written by an independent numpy implementation', () => {
  it('relu2 in W.json, F32 and F64 safetensors hold the same numbers and predict the expected outputs within 1e-6', () => {
    const e = expected('relu2_expected.json');
    const spec: ModelSpec = { arch: e.arch, width: e.width, inputShape: e.inputShape };
    const [json, f32, f64] = ['relu2_W.json', 'relu2_W.safetensors', 'relu2_W_f64.safetensors'].map(
      (f) => readWeightsFile(path.join(FIX, f)),
    );
    expect(f32).toEqual(json);
    expect(f64).toEqual(json);
    expect(json.layers.map((l) => [l.weight.shape, l.bias.shape])).toEqual([
      [[5, 3], [5]],
      [[1, 5], [1]],
    ]);
    const preds = [json, f32, f64].map((w) => predictRows(spec, w, e.inputs));
    for (const p of preds)
      for (let i = 0; i < e.outputs.length; i++)
        expect(Math.abs(p[i] - e.outputs[i])).toBeLessThan(1e-6);
    expect(preds[1]).toEqual(preds[0]);
  });

  it('the cnn fixture (NCHW flatten in PyTorch) predicts its expected outputs; the reference agrees', () => {
    const e = expected('cnn_expected.json');
    const spec: ModelSpec = { arch: e.arch, width: e.width, inputShape: e.inputShape };
    const w = readWeightsFile(path.join(FIX, 'cnn_W.json'));
    const got = predictRows(spec, w, e.inputs);
    const ref = refForward(spec, w, e.inputs.flat(), e.inputs.length);
    for (let i = 0; i < e.outputs.length; i++) {
      expect(Math.abs(got[i] - e.outputs[i])).toBeLessThan(
        1e-5 * Math.max(1, Math.abs(e.outputs[i])),
      );
      expect(Math.abs(ref[i] - e.outputs[i])).toBeLessThan(1e-12);
    }
  });
});

function randomWeights(): Weights {
  const w = lcgValues(12, 3);
  w[0] = -0;
  w[1] = 1e-300;
  w[2] = -1.7976931348623157e308;
  w[3] = 0.1;
  w[4] = 5e-324;
  w[5] = 1 / 3;
  return {
    layers: [
      { weight: { shape: [4, 3], data: w }, bias: { shape: [4], data: lcgValues(4, 4) } },
      {
        weight: { shape: [2, 1, 2, 2], data: lcgValues(8, 5) },
        bias: { shape: [2], data: lcgValues(2, 6) },
      },
    ],
  };
}

const sameBits = (a: Weights, b: Weights): void => {
  expect(b.layers.length).toBe(a.layers.length);
  a.layers.forEach((l, k) => {
    for (const part of ['weight', 'bias'] as const) {
      expect(b.layers[k][part].shape).toEqual(l[part].shape);
      l[part].data.forEach((v, i) => expect(Object.is(b.layers[k][part].data[i], v)).toBe(true));
    }
  });
};

describe('export → import', () => {
  it('round-trips every float64 bit through .json and .safetensors (F64)', () => {
    const w = randomWeights();
    for (const name of ['w.json', 'w.safetensors']) {
      const file = path.join(dir, name);
      writeWeightsFile(file, w);
      sameBits(w, readWeightsFile(file));
    }
  });

  it('writes F32 safetensors on request (values rounded to float32) with 8-byte aligned data', () => {
    const w = randomWeights();
    w.layers[0].weight.data[2] = 3.5; // keep inside the float32 range
    const file = path.join(dir, 'w32.safetensors');
    writeWeightsFile(file, w, { dtype: 'F32' });
    const back = readWeightsFile(file);
    back.layers.forEach((l, k) =>
      l.weight.data.forEach((v, i) =>
        expect(Object.is(v, Math.fround(w.layers[k].weight.data[i]))).toBe(true),
      ),
    );
    const buf = fs.readFileSync(file);
    const n = Number(buf.readBigUInt64LE(0));
    expect((8 + n) % 8).toBe(0);
    expect(
      (JSON.parse(buf.subarray(8, 8 + n).toString()) as Record<string, unknown>)['layers.1.weight'],
    ).toEqual({ dtype: 'F32', shape: [2, 1, 2, 2], data_offsets: [64, 96] });
    expect(buf.length).toBe(8 + n + 4 * (12 + 4 + 8 + 2));
  });

  it('writes atomically: a failed write leaves the old file and no temporary files', () => {
    const file = path.join(dir, 'keep.json');
    writeWeightsFile(file, randomWeights());
    const before = fs.readFileSync(file, 'utf8');
    const bad = randomWeights();
    bad.layers[1].bias.data[1] = Number.NaN;
    expect(() => writeWeightsFile(file, bad)).toThrow(/NaN.*\.safetensors/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(() => writeWeightsFile(path.join(dir, 'no/such/dir/w.json'), randomWeights())).toThrow(
      /cannot write/,
    );
  });
});

function expectBad(file: string, pattern: RegExp): void {
  try {
    readWeightsFile(file);
    expect.unreachable();
  } catch (err) {
    expect(err).toBeInstanceOf(LeError);
    expect((err as LeError).code).toBe('bad_file');
    expect((err as LeError).message).toContain(path.basename(file));
    expect((err as LeError).message).toMatch(pattern);
  }
}

describe('malformed files', () => {
  const put = (name: string, body: string | Buffer): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, body);
    return f;
  };

  it('rejects bad W.json naming the file and the problem', () => {
    expectBad(put('a.json', '{"layers": [ {'), /not valid JSON/);
    expectBad(put('b.json', '{"weights": []}'), /expected an object/);
    expectBad(put('c.json', '{"layers": []}'), /empty/);
    expectBad(
      put('d.json', '{"layers": [{"weight": [[1, 2], [3]], "bias": [0, 0]}]}'),
      /layers\[0\]\.weight is ragged/,
    );
    expectBad(put('e.json', '{"layers": [{"weight": [[1, 2]]}]}'), /layers\[0\] has no "bias"/);
    expectBad(put('f.json', '{"layers": [{"weight": [[1, "x"]], "bias": [0]}]}'), /non-number/);
    expectBad(
      put('g.json', '{"layers": [{"weight": [[1, 2]], "bias": [[0]]}]}'),
      /bias must be 1-D/,
    );
    expectBad(put('h.json', '{"layers": [{"weight": [], "bias": [0]}]}'), /empty/);
  });

  it('rejects bad safetensors naming the file and the problem', () => {
    const good = path.join(dir, 'good.safetensors');
    writeWeightsFile(good, randomWeights());
    const bytes = fs.readFileSync(good);
    const n = Number(bytes.readBigUInt64LE(0));
    const withHeader = (h: object, data = bytes.subarray(8 + n)): Buffer => {
      const text = Buffer.from(JSON.stringify(h));
      const len = Buffer.alloc(8);
      len.writeBigUInt64LE(BigInt(text.length));
      return Buffer.concat([len, text, data]);
    };
    const header = JSON.parse(bytes.subarray(8, 8 + n).toString()) as Record<
      string,
      { dtype: string; shape: number[]; data_offsets: number[] }
    >;
    expectBad(put('s1.safetensors', Buffer.from([1, 2, 3])), /8-byte header length/);
    expectBad(
      put(
        's2.safetensors',
        Buffer.concat([Buffer.from([255, 255, 0, 0, 0, 0, 0, 0]), Buffer.alloc(10)]),
      ),
      /header length/,
    );
    expectBad(put('s3.safetensors', withHeader({}).fill(120, 8, 10)), /not valid JSON/);
    expectBad(
      put('s4.safetensors', bytes.subarray(0, bytes.length - 8)),
      /layers\.1\.bias ends at byte .* truncated/,
    );
    expectBad(
      put(
        's5.safetensors',
        withHeader({ ...header, 'layers.0.bias': { ...header['layers.0.bias'], dtype: 'I32' } }),
      ),
      /dtype "I32"/,
    );
    expectBad(
      put(
        's6.safetensors',
        withHeader({ ...header, 'layers.0.bias': { ...header['layers.0.bias'], shape: [5] } }),
      ),
      /needs 40/,
    );
    const { ['layers.1.bias']: _dropped, ...noBias } = header;
    expectBad(put('s7.safetensors', withHeader(noBias)), /layer 1 lacks layers\.1\.bias/);
    expectBad(
      put('s8.safetensors', withHeader({ ...header, 'fc1.weight': header['layers.0.bias'] })),
      /unexpected tensor fc1\.weight/,
    );
    expectBad(put('s9.safetensors', withHeader({ __metadata__: {} })), /no tensors/);
  });

  it('reports a missing file and an unknown extension', () => {
    expect(() => readWeightsFile(path.join(dir, 'missing.json'))).toThrow(
      expect.objectContaining({ code: 'not_found' }) as Error,
    );
    expect(() => readWeightsFile(path.join(dir, 'w.bin'))).toThrow(/\.json or \.safetensors/);
    expect(() => writeWeightsFile(path.join(dir, 'w.txt'), randomWeights())).toThrow(
      /\.json or \.safetensors/,
    );
  });
});
