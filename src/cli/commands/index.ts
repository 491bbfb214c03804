// Every command imports its engine and store code inside run(), so `le` loads only what the
// command at hand needs (le similarity on a two-layer net never loads tfjs, zod or SQLite).
import type { Command } from '../command';
import { clusterCommand } from './cluster';
import { datasetsCommand } from './datasets';
import { exportCommand } from './export';
import { presetsCommand } from './presets';
import { replicateCommand } from './replicate';
import { runCommand } from './run';
import { runsCommand } from './runs';
import { similarityCommand } from './similarity';
import { trainCommand } from './train';

export const COMMANDS: Command[] = [
  datasetsCommand,
  presetsCommand,
  trainCommand,
  similarityCommand,
  clusterCommand,
  runCommand,
  runsCommand,
  exportCommand,
  replicateCommand,
];
