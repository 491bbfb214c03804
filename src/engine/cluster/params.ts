// Validation of clustering hyperparameters: every field explicit, with a default, checked on
// entry; unknown keys and out-of-range values throw LeError naming the parameter.
import { LeError } from '../../shared/errors';

export type FieldSpec =
  | { kind: 'int'; default: number; min: number; max: number }
  | { kind: 'number'; default: number; min: number; max: number; minExclusive?: boolean }
  | { kind: 'enum'; default: string; values: readonly string[] };

export type ParamSpec<T> = { [K in keyof T]-?: FieldSpec };

export const SEED_FIELD: FieldSpec = { kind: 'int', default: 0, min: 0, max: 2 ** 32 - 1 };

/** Fills defaults and validates; the result is a plain JSON-serializable object. */
export function resolveParams<T extends object>(raw: unknown, spec: ParamSpec<T>, method: string): T {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new LeError('invalid_input', `${method}: params must be an object`, 'params');
  const given = raw as Record<string, unknown>;
  const fields = spec as Record<string, FieldSpec>;
  for (const key of Object.keys(given))
    if (!(key in fields))
      throw new LeError('invalid_input', `${method}: unknown parameter "${key}" (known: ${Object.keys(fields).join(', ')})`, key);
  const out: Record<string, number | string> = {};
  for (const [key, f] of Object.entries(fields)) {
    const v = given[key] === undefined ? f.default : given[key];
    if (f.kind === 'enum') {
      if (typeof v !== 'string' || !f.values.includes(v))
        throw new LeError('invalid_input', `${method}: parameter ${key} must be one of ${f.values.join(', ')}, got ${JSON.stringify(v)}`, key);
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v) || (f.kind === 'int' && !Number.isInteger(v)))
        throw new LeError('invalid_input', `${method}: parameter ${key} must be a finite ${f.kind === 'int' ? 'integer' : 'number'}, got ${JSON.stringify(v)}`, key);
      const low = f.kind === 'number' && f.minExclusive ? v <= f.min : v < f.min;
      if (low || v > f.max)
        throw new LeError('invalid_input', `${method}: parameter ${key} must be in ${f.kind === 'number' && f.minExclusive ? '(' : '['}${f.min}, ${f.max}], got ${v}`, key);
    }
    out[key] = v;
  }
  return out as T;
}
