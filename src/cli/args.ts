// Argument parsing for `le`: strict options per command, errors name the option.
import { parseArgs } from 'node:util';
import { LeError } from '../shared/errors';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export const GLOBAL_OPTIONS: OptionSpec = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

export function parseCommandArgs(argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw new LeError('invalid_input', (err as Error).message.split('\n')[0]);
  }
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new LeError('invalid_input', `missing required option --${name}`, name);
  return v;
}

export function optionalNumber(values: Record<string, unknown>, name: string, check: (n: number) => boolean, rule: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new LeError('invalid_input', `option --${name} must be ${rule}, got ${JSON.stringify(v)}`, name);
  return n;
}

export function oneOf<T extends string>(values: Record<string, unknown>, name: string, allowed: readonly T[], fallback?: T): T {
  const v = values[name] ?? fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new LeError('invalid_input', `option --${name} must be one of ${allowed.join(', ')}${v === undefined ? '' : `, got ${JSON.stringify(v)}`}`, name);
  return v as T;
}
