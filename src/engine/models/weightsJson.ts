// W.json (cli.md): {"layers": [{"weight": [[…]], "bias": […]}, …]}, nested arrays in PyTorch
// shape. Encoding streams row by row, so it works for models whose JSON text would exceed
// V8's string limit; decoding needs the whole text in one string (use .safetensors for big models).
import { LeError } from '../../shared/errors';
import type { HostTensor, Weights } from '../../shared/types';

const bad = (file: string, problem: string): LeError =>
  new LeError('bad_file', `${file}: ${problem}`, file);

function shapeOf(v: unknown): number[] {
  const shape: number[] = [];
  let cur = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

/** Nested arrays → a row-major tensor; ragged or non-numeric input throws naming `where`. */
export function tensorFromNested(v: unknown, file: string, where: string): HostTensor {
  if (!Array.isArray(v)) throw bad(file, `${where} must be a (nested) array of numbers`);
  const shape = shapeOf(v);
  if (shape.some((s) => s === 0))
    throw bad(file, `${where} is empty (shape [${shape.join(', ')}])`);
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let pos = 0;
  const fill = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number')
        throw bad(file, `${where} holds a non-number (${JSON.stringify(node)?.slice(0, 20)})`);
      data[pos++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth])
      throw bad(
        file,
        `${where} is ragged: expected ${shape[depth]} entries at depth ${depth}, shape [${shape.join(', ')}]`,
      );
    for (const child of node) fill(child, depth + 1);
  };
  fill(v, 0);
  return { shape, data };
}

/** Parses W.json text. */
export function decodeWeightsJson(text: string, file: string): Weights {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw bad(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const layers = (doc as { layers?: unknown } | null)?.layers;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(layers))
    throw bad(file, 'expected an object {"layers": [{"weight": …, "bias": …}, …]}');
  if (layers.length === 0) throw bad(file, '"layers" is empty');
  return {
    layers: layers.map((layer: unknown, k) => {
      if (typeof layer !== 'object' || layer === null)
        throw bad(file, `layers[${k}] is not an object`);
      const l = layer as Record<string, unknown>;
      for (const part of ['weight', 'bias'])
        if (!(part in l)) throw bad(file, `layers[${k}] has no "${part}"`);
      const weight = tensorFromNested(l.weight, file, `layers[${k}].weight`);
      const bias = tensorFromNested(l.bias, file, `layers[${k}].bias`);
      if (bias.shape.length !== 1)
        throw bad(file, `layers[${k}].bias must be 1-D, got shape [${bias.shape.join(', ')}]`);
      return { weight, bias };
    }),
  };
}

/** Shortest round-trip text of a float64; keeps the sign of −0. */
function num(v: number, where: string): string {
  if (!Number.isFinite(v))
    throw new LeError(
      'invalid_input',
      `${where} holds ${v}, which JSON cannot store (use .safetensors)`,
      where,
    );
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Streams W.json text in pieces to `write` (pieces of roughly 1 MB). */
export function encodeWeightsJson(weights: Weights, write: (chunk: string) => void): void {
  let buf = '';
  const emit = (s: string): void => {
    buf += s;
    if (buf.length > 1 << 20) {
      write(buf);
      buf = '';
    }
  };
  const tensor = (t: HostTensor, where: string): void => {
    const { shape, data } = t;
    if (shape.length === 0)
      throw new LeError('invalid_input', `${where} has an empty shape`, where);
    const rowLen = shape[shape.length - 1];
    let row = 0;
    const rec = (depth: number): void => {
      emit('[');
      if (depth === shape.length - 1) {
        const parts = new Array<string>(rowLen);
        for (let i = 0; i < rowLen; i++) parts[i] = num(data[row * rowLen + i], where);
        emit(parts.join(','));
        row++;
      } else {
        for (let i = 0; i < shape[depth]; i++) {
          if (i) emit(',');
          rec(depth + 1);
        }
      }
      emit(']');
    };
    rec(0);
  };
  emit('{"layers":[');
  weights.layers.forEach((l, k) => {
    emit(k ? ',\n{"weight":' : '\n{"weight":');
    tensor(l.weight, `layers.${k}.weight`);
    emit(',"bias":');
    tensor(l.bias, `layers.${k}.bias`);
    emit('}');
  });
  emit('\n]}\n');
  write(buf);
}
