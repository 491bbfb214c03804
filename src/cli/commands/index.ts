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
