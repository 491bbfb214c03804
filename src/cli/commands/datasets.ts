import type { Command } from '../command';
import { emit } from '../io';
import { listDatasets } from '../../engine/data';

export const datasetsCommand: Command = {
  name: 'datasets',
  summary: 'lists built-in datasets and their parameters',
  usage: 'datasets',
  options: {},
  run(_values, _positionals, ctx) {
    emit(ctx, listDatasets(), (catalog) => JSON.stringify(catalog, null, 2));
    return Promise.resolve();
  },
};
