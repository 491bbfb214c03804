// The `le` executable: runs the command line and exits with its status.
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`le: ${String(err)}\n`);
    process.exit(1);
  },
);
