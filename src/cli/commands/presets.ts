import type { Command } from '../command';
import { emit } from '../io';
import { PRESETS } from '../../shared/presets';

export const presetsCommand: Command = {
  name: 'presets',
  summary: "the paper's experiments by name (synthetic sets, the MNIST grid)",
  usage: 'presets',
  options: {},
  run(_values, _positionals, ctx) {
    emit(ctx, PRESETS, (list) => list.map((p) => `${p.id.padEnd(42)} ${p.title}`).join('\n'));
    return Promise.resolve();
  },
};
