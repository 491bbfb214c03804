// Shared plumbing of the `le` commands: reading input files with errors that name them, and
// printing results as JSON or text.
import fs from 'node:fs';
import { LeError } from '../shared/errors';

export interface CommandContext {
  json: boolean;
  /** Human-readable progress and notes; stderr, silent with --quiet. */
  log: (msg: string) => void;
  out: (text: string) => void;
}

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new LeError('bad_file', `${file}: cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new LeError('bad_file', `${file}: ${what} is not valid JSON: ${(err as Error).message}`, file);
  }
}

/** Prints `result` as JSON with --json, else as the text `human` renders. */
export function emit<T>(ctx: CommandContext, result: T, human: (r: T) => string): void {
  ctx.out(ctx.json ? JSON.stringify(result, jsonReplacer) : human(result));
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Float64Array || value instanceof Int32Array || value instanceof Float32Array) return Array.from(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

export const fmt = (v: number | undefined, digits = 4): string =>
  v === undefined || Number.isNaN(v) ? '—' : Number(v.toPrecision(digits)).toString();
