// The S.csv format of cli.md, both ways: header `id,<id_1>,…,<id_n>`, then one line per row
// `<id_i>,S_i1,…,S_in`, numbers in shortest round-trip form (String(v)), `.` decimals.
// Also L.csv: one integer label per line, optional header `label`.
import { LeError } from './errors';
import type { Matrix } from './types';

export const matrixCsvHeader = (colIds: readonly number[]): string => `id,${colIds.join(',')}\n`;

export function matrixCsvRow(id: number, data: ArrayLike<number>, offset: number, cols: number): string {
  const parts = new Array<string>(cols + 1);
  parts[0] = String(id);
  for (let j = 0; j < cols; j++) parts[j + 1] = String(data[offset + j]);
  return parts.join(',') + '\n';
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
