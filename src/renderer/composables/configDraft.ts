// The experiment builder's draft: a plain JSON object edited field by field or as JSON text,
// validated on every change with the same resolveConfig the back end uses (field paths in
// messages), and turned into the ReLU/linear pair that differs only in the architecture.
import { resolveConfig } from '../../shared/config';
import type { ConfigInput, ExperimentConfig } from '../../shared/config';
import { LeError } from '../../shared/errors';

export type Draft = Record<string, unknown>;

export type Validation = { valid: true; config: ExperimentConfig } | { valid: false; field: string; message: string };

export function validateDraft(draft: unknown): Validation {
  try {
    return { valid: true, config: resolveConfig(draft) };
  } catch (err) {
    if (err instanceof LeError) return { valid: false, field: err.field ?? '(root)', message: err.message.replace(/^config field [^:]+: /, '') };
    return { valid: false, field: '(root)', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Is the validation error about this field (or inside it)? */
export function errorFor(v: Validation, field: string): string | null {
  if (v.valid) return null;
  return v.field === field || v.field.startsWith(`${field}.`) ? v.message : null;
}

/** A deep plain copy (the draft is JSON; reactive proxies cannot be structured-cloned). */
export function cloneDraft<T>(obj: T): T {
  return JSON.parse(JSON.stringify(obj)) as T;
}

/** A value shown as text: arrays joined, objects as JSON, null/undefined as ''. */
export function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(asText).join(', ');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}

/** The text at a path, or the fallback when unset. */
export function getString(obj: unknown, path: string, fallback = ''): string {
  const v = getPath(obj, path);
  return v === undefined || v === null ? fallback : asText(v);
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with `path` set; `undefined` deletes the key (the default then applies). */
export function setPath(obj: Draft, path: string, value: unknown): Draft {
  const keys = path.split('.');
  const root = cloneDraft(obj);
  let cur: Draft = root;
  keys.slice(0, -1).forEach((key) => {
    const next = cur[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[key] = {};
    cur = cur[key] as Draft;
  });
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return root;
}

export const DATA_KINDS = ['synthetic', 'mnist', 'idx', 'cifar10', 'csv'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** A fresh data block for a kind, with the paper's defaults (method.md §3-§4). */
export function dataDefaults(kind: DataKind): Draft {
  switch (kind) {
    case 'synthetic':
      return { kind, name: 'torus', n: 100 };
    case 'mnist':
      return { kind, primary: [5, 8], auxiliary: [9, 3] };
    case 'idx':
      return { kind, images: '', labels: '', primary: [5, 8], auxiliary: [9, 3] };
    case 'cifar10':
      return { kind, dir: '', primary: [1, 3], auxiliary: [2] };
    case 'csv':
      return { kind, path: '' };
  }
}

/** The torus with a two-layer ReLU net; width, epochs, lr and batch follow the paper (unset). */
export const defaultDraft = (): Draft => ({
  seed: 666,
  data: dataDefaults('synthetic'),
  model: { arch: 'relu2' },
  loss: 'mse',
  probe: { measures: ['relative', 'kernelized'], lr: 1e-6, engine: 'auto' },
  cluster: { methods: ['kmeans-rows', 'spectral', 'kernel-kmeans'], k: 2 },
});

/** The ReLU ↔ linear counterpart of an architecture (keeping a -sigmoid output); null if none. */
export function pairedArch(arch: string): string | null {
  const m = /^(relu|linear|sigmoid)([23])(-sigmoid)?$/.exec(arch);
  if (!m) return null;
  return `${m[1] === 'linear' ? 'relu' : 'linear'}${m[2]}${m[3] ?? ''}`;
}

/** Two configs that differ only in model.arch: [ReLU, linear]. Null when the arch has no pair. */
export function pairConfigs(draft: Draft): [ConfigInput, ConfigInput] | null {
  const arch = getString(draft, 'model.arch', 'relu2');
  const other = pairedArch(arch);
  if (!other) return null;
  const [relu, linear] = arch.startsWith('linear') ? [other, arch] : [arch, other];
  const name = typeof draft.name === 'string' && draft.name.trim() ? draft.name.trim() : null;
  const make = (a: string): ConfigInput => {
    let c = setPath(draft, 'model.arch', a);
    c = setPath(c, 'name', name ? `${name} (${a})` : undefined);
    return c as ConfigInput;
  };
  return [make(relu), make(linear)];
}

/** Parses the JSON editor's text; the error names the line and column when it can. */
export function parseDraftJson(text: string): { ok: true; draft: Draft } | { ok: false; message: string } {
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, message: 'the config must be a JSON object' };
    return { ok: true, draft: v as Draft };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The value a field takes when left empty (the paper's default for this draft). Fields that
 * are invalid elsewhere in the draft are dropped too (up to 5), so defaults stay visible
 * while the user fixes another field.
 */
export function defaultFor(draft: Draft, path: string): unknown {
  let d = setPath(draft, path, undefined);
  for (let tries = 0; tries < 6; tries++) {
    const v = validateDraft(d);
    if (v.valid) return getPath(v.config, path);
    if (v.field === '(root)' || v.field === path || path.startsWith(`${v.field}.`)) return undefined;
    d = setPath(d, v.field, undefined);
  }
  return undefined;
}
