// `le`: the workbench from the command line. JSON on stdout with --json, a one-line reason on
// stderr and a non-zero exit when a command cannot do what was asked.
import { parseCommandArgs } from './args';
import type { Command } from './command';
import { toErrorDTO } from '../shared/errors';
import { COMMANDS } from './commands';

function usage(): string {
  return [
    'le: the Local Elasticity Workbench CLI',
    '',
    ...COMMANDS.flatMap((c) => [`  le ${c.usage}`, `      ${c.summary}`]),
    '',
    'Every command takes --json (machine-readable stdout), --db PATH (default $LE_DB or the app database), --quiet.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`le: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseCommandArgs(rest, command.options);
    if (values.help) {
      process.stdout.write(`le ${command.usage}\n  ${command.summary}\n`);
      return 0;
    }
    const quiet = values.quiet === true;
    await command.run(values, positionals, {
      json: values.json === true,
      log: (msg) => {
        if (!quiet) process.stderr.write(msg + '\n');
      },
      out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    });
    return 0;
  } catch (err) {
    const e = toErrorDTO(err);
    process.stderr.write(`le ${name}: ${e.message.split('\n')[0]}\n`);
    return e.code === 'cancelled' ? 130 : 1;
  }
}
