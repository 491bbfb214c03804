// The S.csv format of cli.md, both ways: header `id,<id_1>,…,<id_n>`, then one line per row
// `<id_i>,S_i1,…,S_in`, numbers in shortest round-trip form (String(v)), `.` decimals.
// Also L.csv: one integer label per line, optional header `label`.
import { LeError } from './errors';
import type { Matrix } from './types';

/**
 * The lines of a matrix in the S.csv format, header first, one row at a time (constant
 * memory). Formatting numbers dominates the cost (shortest round-trip text, ~0.5 µs each):
 * with `reuseSymmetric`, where S_ij === S_ji the upper triangle's text is kept and reused for
 * the lower one — half the formatting, for half the text held in memory.
 */
export function* matrixCsvLines(
  ids: readonly number[],
  data: ArrayLike<number>,
  rows: number,
  cols: number,
  opts: { reuseSymmetric?: boolean } = {},
): Generator<string> {
  const reuse = opts.reuseSymmetric === true && rows === cols;
  const colIds = rows === cols ? ids : Array.from({ length: cols }, (_, j) => j);
  yield `id,${colIds.join(',')}\n`;
  const upper: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const parts = new Array<string>(cols + 1);
    parts[0] = String(ids[i]);
    const mine: string[] = [];
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      let text: string | undefined;
      if (reuse && j < i && v === data[j * cols + i]) text = upper[j][i - j - 1];
      text ??= String(v);
      if (reuse && j > i) mine.push(text);
      parts[j + 1] = text;
    }
    upper.push(mine);
    yield parts.join(',') + '\n';
  }
}

export interface ParsedMatrix extends Matrix {
  ids: number[];
}

function bad(file: string, line: number, problem: string): LeError {
  return new LeError('bad_file', `${file}: line ${line}: ${problem}`, file);
}

export function parseMatrixCsv(text: string, file: string): ParsedMatrix {
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) throw new LeError('bad_file', `${file}: empty file, expected a header "id,<id_1>,…"`, file);
  const header = lines[0].split(',');
  if (header[0].trim() !== 'id') throw bad(file, 1, `header must start with "id", got "${header[0]}"`);
  const cols = header.length - 1;
  if (cols < 1) throw bad(file, 1, 'header names no columns');
  const rows = lines.length - 1;
  const data = new Float64Array(rows * cols);
  const ids: number[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = lines[i + 1].split(',');
    if (cells.length !== cols + 1) throw bad(file, i + 2, `has ${cells.length - 1} values, the header has ${cols}`);
    const id = Number(cells[0]);
    if (!Number.isInteger(id)) throw bad(file, i + 2, `row id "${cells[0]}" is not an integer`);
    ids.push(id);
    for (let j = 0; j < cols; j++) {
      const cell = cells[j + 1].trim();
      const v = cell === '' ? NaN : Number(cell);
      if (Number.isNaN(v) && cell.toLowerCase() !== 'nan') throw bad(file, i + 2, `column ${j + 2} "${cells[j + 1]}" is not a number`);
      data[i * cols + j] = v;
    }
  }
  return { rows, cols, data, ids };
}

export function parseLabelsCsv(text: string, file: string): number[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const start = lines.length && /^label$/i.test(lines[0]) ? 1 : 0;
  const labels: number[] = [];
  for (let i = start; i < lines.length; i++) {
    const v = Number(lines[i]);
    if (lines[i] === '' || !Number.isInteger(v)) throw bad(file, i + 1, `"${lines[i]}" is not an integer label`);
    labels.push(v);
  }
  if (!labels.length) throw new LeError('bad_file', `${file}: no labels`, file);
  return labels;
}
