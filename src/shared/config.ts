// The experiment config: one JSON document for the CLI, the UI form and the stored run.
// Unknown keys and out-of-range values are rejected with the field's path. Defaults that
// depend on the dataset or model (the paper's protocols, method.md §3-§5) are filled by
// `resolveConfig`, so a stored config is always complete.
import { z } from 'zod';
import { ARCHS, CLUSTER_METHODS, LOSSES, MEASURES, PROBE_ENGINES, SYNTHETIC_NAMES, hasSigmoidOutput } from './types';
import type { ArchName, BaseArch, ClusterMethod } from './types';
import { LeError } from './errors';

const digit = z.number().int().min(0).max(9);
const labelledImages = {
  primary: z.tuple([digit, digit]).default([5, 8]),
  auxiliary: z.union([z.tuple([digit]), z.tuple([digit, digit])]).default([9, 3]),
  perClass: z.number().int().min(1).max(6000).default(500),
  auxiliaryCount: z.number().int().min(0).max(12000).default(1000),
};

const dataSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('synthetic'),
    name: z.enum(SYNTHETIC_NAMES),
    n: z.number().int().min(4).max(20000).default(100),
  }),
  z.strictObject({ kind: z.literal('mnist'), ...labelledImages }),
  z.strictObject({
    kind: z.literal('idx'),
    images: z.string().min(1),
    labels: z.string().min(1),
    ...labelledImages,
  }),
  z.strictObject({ kind: z.literal('cifar10'), dir: z.string().min(1), ...labelledImages }),
  z.strictObject({ kind: z.literal('csv'), path: z.string().min(1) }),
]);

const archSchema = z.string().refine(
  (s) => (ARCHS as readonly string[]).includes(s.replace(/-sigmoid$/, '')),
  { message: `must be one of ${ARCHS.join(', ')}, optionally with a -sigmoid suffix` },
);

/** The paper's clusterings: two baselines, then K-means / spectral on S_rel and kernel K-means on S_ker. */
export const DEFAULT_CLUSTER_METHODS: readonly ClusterMethod[] = ['kmeans-raw', 'pca-kmeans', 'kmeans-rows', 'spectral', 'kernel-kmeans'];

const configSchema = z.strictObject({
  name: z.string().max(200).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(666),
  data: dataSchema,
  model: z
    .strictObject({
      arch: archSchema.default('relu2'),
      width: z.number().int().min(1).max(200000).optional(),
    })
    .default({ arch: 'relu2' }),
  loss: z.enum(LOSSES).default('mse'),
  train: z
    .strictObject({
      epochs: z.number().int().min(0).max(1000000).optional(),
      lr: z.number().positive().max(100).optional(),
      batchSize: z.number().int().min(1).optional(),
      /** Recompute the similarity matrices every K epochs (0: never). */
      snapshotEvery: z.number().int().min(0).default(0),
    })
    .default({ snapshotEvery: 0 }),
  probe: z
    .strictObject({
      measures: z.array(z.enum(MEASURES)).min(1).default(['relative', 'kernelized']),
      lr: z.number().positive().max(1).default(1e-6),
      engine: z.enum(PROBE_ENGINES).default('auto'),
      normalize: z.enum(['none', 'cosine']).default('none'),
    })
    .default({ measures: ['relative', 'kernelized'], lr: 1e-6, engine: 'auto', normalize: 'none' }),
  cluster: z
    .strictObject({
      /** Default: the paper's baselines and LE methods for image/csv data, none for synthetic sets. */
      methods: z.array(z.enum(CLUSTER_METHODS)).optional(),
      k: z.number().int().min(2).max(100).default(2),
      nInit: z.number().int().min(1).max(1000).default(10),
      /** Repeat every clustering over this many seeds (mean ± sd). */
      seeds: z.number().int().min(1).max(100).default(1),
    })
    .default({ k: 2, nInit: 10, seeds: 1 }),
});

export type ConfigInput = z.input<typeof configSchema>;
type Parsed = z.output<typeof configSchema>;
export type DataConfig = Parsed['data'];

/** A fully resolved config: every field present. */
export interface ExperimentConfig extends Omit<Parsed, 'model' | 'train' | 'name' | 'cluster'> {
  name: string;
  cluster: Omit<Parsed['cluster'], 'methods'> & { methods: ClusterMethod[] };
  model: { arch: ArchName; width: number };
  train: { epochs: number; lr: number; batchSize: number; snapshotEvery: number };
}

export function baseArch(arch: ArchName): BaseArch {
  return arch.replace(/-sigmoid$/, '') as BaseArch;
}
/**
 * The paper's default width: 40960 for two-layer nets, 8192 for three-layer, 4096 for the
 * residual MLP, and for the CNN the 500 units of its fully connected layer.
 */
export function defaultWidth(arch: ArchName): number {
  const base = baseArch(arch);
  if (base === 'cnn') return 500;
  if (base === 'relu3' || base === 'linear3') return 8192;
  if (base === 'resmlp') return 4096;
  return 40960;
}

function defaultTrain(cfg: Parsed, n: number | undefined): { epochs: number; lr: number; batchSize: number } {
  const base = baseArch(cfg.model.arch as ArchName);
  if (cfg.data.kind === 'synthetic') return { epochs: 20000, lr: 1e-5, batchSize: n ?? cfg.data.n };
  const linearMse = base.startsWith('linear') && cfg.loss === 'mse';
  const bigBatch =
    cfg.data.kind === 'cifar10' ||
    base === 'cnn' ||
    base === 'resmlp' ||
    ('primary' in cfg.data && [...cfg.data.primary].sort().join() === '3,5');
  return {
    epochs: cfg.loss === 'bce' && cfg.data.kind !== 'cifar10' ? 50 : 200,
    lr: linearMse ? 3e-5 : 3e-3,
    batchSize: bigBatch ? 500 : 50,
  };
}

function describe(cfg: Parsed): string {
  const d = cfg.data;
  const what =
    d.kind === 'synthetic'
      ? d.name
      : d.kind === 'csv'
        ? d.path.split(/[\\/]/).pop()
        : `${d.kind} ${d.primary.join(' vs ')} (${d.auxiliary.join(', ')})`;
  return `${what}, ${cfg.model.arch}, ${cfg.loss}`;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

/** Validates and completes a config; throws LeError('invalid_config') naming the field. */
export function resolveConfig(raw: unknown): ExperimentConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    const field = pathOf(issue.path);
    throw new LeError('invalid_config', `config field ${field}: ${message}`, field);
  }
  const cfg = parsed.data;
  const arch = cfg.model.arch as ArchName;
  if (cfg.loss === 'bce' && !hasSigmoidOutput(arch))
    throw new LeError('invalid_config', `config field loss: bce needs a sigmoid output (use model.arch "${arch}-sigmoid")`, 'loss');
  if (cfg.loss === 'mse' && hasSigmoidOutput(arch))
    throw new LeError('invalid_config', `config field loss: a sigmoid output (${arch}) pairs with bce`, 'loss');
  if (cfg.cluster.k > 2 && cfg.data.kind !== 'csv')
    throw new LeError('invalid_config', 'config field cluster.k: the built-in datasets have two primary classes; use k = 2', 'cluster.k');
  if ('primary' in cfg.data) {
    const { primary, auxiliary } = cfg.data;
    if (primary[0] === primary[1])
      throw new LeError('invalid_config', 'config field data.primary: the two primary classes must differ', 'data.primary');
    if (auxiliary.some((c) => primary.includes(c)))
      throw new LeError('invalid_config', 'config field data.auxiliary: an auxiliary class is also primary', 'data.auxiliary');
  }
  const d = defaultTrain(cfg, undefined);
  return {
    ...cfg,
    name: cfg.name ?? describe(cfg),
    model: { arch, width: cfg.model.width ?? defaultWidth(arch) },
    cluster: { ...cfg.cluster, methods: cfg.cluster.methods ?? (cfg.data.kind === 'synthetic' ? [] : [...DEFAULT_CLUSTER_METHODS]) },
    train: {
      epochs: cfg.train.epochs ?? d.epochs,
      lr: cfg.train.lr ?? d.lr,
      batchSize: cfg.train.batchSize ?? d.batchSize,
      snapshotEvery: cfg.train.snapshotEvery,
    },
  };
}
