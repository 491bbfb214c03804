// Datasets as CSV (the D.csv format of cli.md): a header row, then one example per row;
// every column other than `y` and `group` is a feature, in header order; `y` is the 0/1
// training label; the optional `group` is the integer true class (defaults to y).
// Plain comma-separated numbers with `.` decimals; no quoting inside cells.
import path from 'node:path';
import type { Dataset } from '../../shared/types';
import { LeError } from '../../shared/errors';
import { badFile, readBytes, writeTextAtomic } from './files';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1');

/** Parses D.csv text; `file` names the file in error messages. */
export function parseCsvDataset(text: string, file: string): Dataset {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length)
    throw badFile(file, 'empty file: expected a header row with feature columns and y');
  const header = lines[0].split(',').map(unquote);
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') throw badFile(file, 'line 1 (header): an empty column name');
    if (seen.has(h)) throw badFile(file, `line 1 (header): column "${h}" appears twice`);
    seen.add(h);
  }
  const yCol = header.indexOf('y');
  const groupCol = header.indexOf('group');
  if (yCol < 0)
    throw badFile(
      file,
      `missing y column: the header (${header.join(',')}) has no column named "y"`,
    );
  const featureCols = header.map((_, i) => i).filter((i) => i !== yCol && i !== groupCol);
  if (!featureCols.length) throw badFile(file, 'no feature columns: the header has only y/group');
  const n = lines.length - 1;
  if (n === 0) throw badFile(file, 'no data rows after the header');
  const d = featureCols.length;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  const group = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const lineNo = r + 2;
    const cells = lines[r + 1].split(',');
    if (cells.length !== header.length)
      throw badFile(
        file,
        `line ${lineNo}: ragged row, ${cells.length} cells but the header has ${header.length} columns`,
      );
    const num = (col: number): number => {
      const cell = cells[col].trim();
      if (!NUMBER.test(cell))
        throw badFile(file, `line ${lineNo}, column "${header[col]}": not a number: "${cell}"`);
      const v = Number(cell);
      if (!Number.isFinite(v))
        throw badFile(file, `line ${lineNo}, column "${header[col]}": ${cell} is out of range`);
      return v;
    };
    featureCols.forEach((col, j) => (x[r * d + j] = num(col)));
    const label = num(yCol);
    if (label !== 0 && label !== 1)
      throw badFile(
        file,
        `line ${lineNo}, column "y": the training label must be 0 or 1, got ${label}`,
      );
    y[r] = label;
    if (groupCol >= 0) {
      const g = num(groupCol);
      if (!Number.isInteger(g) || Math.abs(g) > 2 ** 31 - 1)
        throw badFile(
          file,
          `line ${lineNo}, column "group": the true class must be an integer, got ${g}`,
        );
      group[r] = g;
    } else {
      group[r] = label;
    }
  }
  return { name: `csv ${path.basename(file)}`, n, d, x, y, group };
}

/** Reads a D.csv file (gzip accepted). */
export async function readCsvDataset(file: string): Promise<Dataset> {
  const bytes = await readBytes(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badFile(file, 'not UTF-8 text');
  }
  return parseCsvDataset(text, file);
}

/** D.csv text for a dataset: features (named x0..x{d−1} unless given), y, group. */
export function formatCsvDataset(ds: Dataset, featureNames?: readonly string[]): string {
  if (ds.x.length !== ds.n * ds.d || ds.y.length !== ds.n || ds.group.length !== ds.n)
    throw new LeError(
      'invalid_input',
      `dataset arrays do not match n = ${ds.n}, d = ${ds.d}`,
      'ds',
    );
  const names = featureNames ?? Array.from({ length: ds.d }, (_, j) => `x${j}`);
  if (names.length !== ds.d)
    throw new LeError(
      'invalid_input',
      `featureNames has ${names.length} names for ${ds.d} features`,
      'featureNames',
    );
  for (const nm of names)
    if (!nm || /[,\r\n"]/.test(nm) || nm === 'y' || nm === 'group')
      throw new LeError(
        'invalid_input',
        `featureNames: "${nm}" cannot be a feature column name`,
        'featureNames',
      );
  const out: string[] = [[...names, 'y', 'group'].join(',')];
  for (let i = 0; i < ds.n; i++) {
    const row: string[] = [];
    for (let j = 0; j < ds.d; j++) {
      const v = ds.x[i * ds.d + j];
      if (!Number.isFinite(v))
        throw new LeError('invalid_input', `x[${i}][${j}] is not finite (${v})`, 'ds.x');
      row.push(Object.is(v, -0) ? '-0' : String(v)); // shortest round-trip text
    }
    if (ds.y[i] !== 0 && ds.y[i] !== 1)
      throw new LeError('invalid_input', `y[${i}] must be 0 or 1, got ${ds.y[i]}`, 'ds.y');
    row.push(String(ds.y[i]), String(ds.group[i]));
    out.push(row.join(','));
  }
  return out.join('\n') + '\n';
}

/** Writes a dataset as D.csv (atomically: nothing half-written is left behind). */
export function writeCsvDataset(file: string, ds: Dataset, featureNames?: readonly string[]): Promise<void> {
  // a throw inside the executor (bad path, bad dataset) becomes the promise's rejection
  return new Promise((resolve) => {
    writeTextAtomic(file, formatCsvDataset(ds, featureNames));
    resolve();
  });
}
