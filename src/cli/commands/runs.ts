import type { Command } from '../command';
import { emit, fmt } from '../io';
import { optionalNumber, requireString } from '../args';
import { APP_VERSION } from '../../shared/version';
import { LeError } from '../../shared/errors';
import type { RunDetail, RunListPage, RunQuery } from '../../shared/store-types';

function runId(positionals: string[], at: number): number {
  const id = Number(positionals[at]);
  if (!positionals[at] || !Number.isInteger(id) || id < 1) throw new LeError('invalid_input', `expected a run id, got "${positionals[at] ?? ''}"`, 'id');
  return id;
}

function listText(page: RunListPage): string {
  if (!page.rows.length) return page.total ? 'no runs on this page' : 'no runs yet: start one with `le run --config C.json`';
  const lines = page.rows.map((r) => {
    const acc = r.scalars['trainAccuracy'];
    const pr = r.scalars['pearson.relative'];
    return `${String(r.id).padStart(5)}  ${r.status.padEnd(11)} ${r.name.slice(0, 44).padEnd(44)} acc ${fmt(acc ?? undefined, 3).padEnd(6)} ${pr === undefined || pr === null ? '' : `pearson(rel) ${fmt(pr, 3)}`}`;
  });
  return [`${page.total} run(s); showing ${page.offset + 1}–${page.offset + page.rows.length}`, ...lines].join('\n');
}

function detailText(r: RunDetail): string {
  const lines = [`run ${r.id}: ${r.name}`, `status ${r.status}${r.error ? ` (${r.error})` : ''}, backend ${r.backend}, seed ${r.seed}`];
  if (r.metrics) {
    lines.push(`train accuracy ${fmt(r.metrics.trainAccuracy)}`);
    for (const [m, v] of Object.entries(r.metrics.pearson ?? {})) lines.push(`pearson(${m}, geodesic) ${fmt(v)}`);
  }
  for (const c of r.clustering) lines.push(`${c.method.padEnd(22)} acc ${fmt(c.accuracy)}  hungarian ${fmt(c.hungarianAccuracy)}  ARI ${fmt(c.ari)}  NMI ${fmt(c.nmi)}`);
  if (r.matrices.length) lines.push(`matrices: ${r.matrices.map((m) => `${m.name} (${m.rows}×${m.cols})`).join(', ')}`);
  return lines.join('\n');
}

export const runsCommand: Command = {
  name: 'runs',
  summary: 'browse the store: list (with filters), show ID, delete ID; move runs between machines with bundle / import',
  usage: 'runs list [--dataset D] [--arch A] [--loss L] [--status S] [--tag T] [--limit N] [--offset N] | show ID | delete ID | bundle ID --out F.lerun | import F.lerun',
  options: {
    dataset: { type: 'string' },
    arch: { type: 'string' },
    loss: { type: 'string' },
    status: { type: 'string' },
    tag: { type: 'string' },
    text: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, positionals, ctx) {
    const [verb = 'list'] = positionals;
    const [{ withStore }, { exportBundle, importBundle }] = await Promise.all([import('../store'), import('../../store')]);
    return withStore(values, (store) => {
      switch (verb) {
        case 'list': {
          const q: RunQuery = {
            dataset: values.dataset as string | undefined,
            arch: values.arch as string | undefined,
            loss: values.loss as string | undefined,
            status: values.status as RunQuery['status'],
            tag: values.tag as string | undefined,
            text: values.text as string | undefined,
            sort: (values.sort as RunQuery['sort']) ?? 'id',
            order: 'desc',
            limit: optionalNumber(values, 'limit', (v) => Number.isInteger(v) && v >= 1 && v <= 1000, 'an integer in 1..1000'),
            offset: optionalNumber(values, 'offset', (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer'),
          };
          return emit(ctx, store.runs.list(q), listText);
        }
        case 'show':
          return emit(ctx, store.runs.get(runId(positionals, 1)), detailText);
        case 'delete': {
          const id = runId(positionals, 1);
          store.runs.get(id);
          const deleted = store.runs.delete(id);
          return emit(ctx, { deleted: id, count: deleted }, () => `deleted run ${id}`);
        }
        case 'bundle': {
          const id = runId(positionals, 1);
          const written = exportBundle(store, id, requireString(values, 'out'), APP_VERSION);
          return emit(ctx, { run: id, ...written }, (r) => `wrote run ${r.run} with its matrices to ${r.path} (${r.bytes} bytes)`);
        }
        case 'import': {
          const file = positionals[1];
          if (!file) throw new LeError('invalid_input', 'expected a bundle file: le runs import F.lerun', 'file');
          const imported = importBundle(store, file);
          return emit(ctx, imported, (rows) => rows.map((r) => (r.imported ? `imported as run ${r.runId}` : `already here as run ${r.runId}`)).join('\n'));
        }
        default:
          throw new LeError('invalid_input', `unknown runs verb "${verb}" (list, show, delete, bundle, import)`, 'verb');
      }
    });
  },
};
