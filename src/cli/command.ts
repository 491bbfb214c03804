import type { OptionSpec } from './args';
import type { CommandContext } from './io';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], ctx: CommandContext): Promise<void>;
}
