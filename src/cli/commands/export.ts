import type { Command } from '../command';
import { emit } from '../io';
import { requireString } from '../args';
import { LeError } from '../../shared/errors';

export const exportCommand: Command = {
  name: 'export',
  summary: 'a stored matrix (similarity-kernelized, similarity-relative, ntk, geodesic, …) or table (series, params, summary, clustering) as CSV',
  usage: 'export ID --what WHAT --out F.csv',
  options: { what: { type: 'string' }, out: { type: 'string' } },
  async run(values, positionals, ctx) {
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id < 1) throw new LeError('invalid_input', `expected a run id, got "${positionals[0] ?? ''}"`, 'id');
    const what = requireString(values, 'what');
    const out = requireString(values, 'out');
    const [{ withStore }, { exportRunCsv }] = await Promise.all([import('../store'), import('../../store')]);
    return withStore(values, async (store) => {
      const stats = await exportRunCsv(store, id, what, out);
      emit(ctx, { run: id, what, out: stats.path, bytes: stats.bytes }, (r) => `wrote ${r.what} of run ${r.run} to ${r.out} (${r.bytes} bytes)`);
    });
  },
};
