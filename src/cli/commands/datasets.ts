import type { Command } from '../command';
import { emit } from '../io';

export const datasetsCommand: Command = {
  name: 'datasets',
  summary: 'lists built-in datasets and their parameters',
  usage: 'datasets',
  options: {},
  async run(_values, _positionals, ctx) {
    const { listDatasets } = await import('../../engine/data');
    emit(ctx, listDatasets(), (catalog) => JSON.stringify(catalog, null, 2));
  },
};
