// Ctrl-C cancels the running command cleanly (the engine sees an aborted signal) instead of
// killing the process mid-write; a second Ctrl-C exits at once.
let controller: AbortController | undefined;

export function cliSignal(): AbortSignal {
  if (!controller) {
    controller = new AbortController();
    process.once('SIGINT', () => {
      process.stderr.write('cancelling… (Ctrl-C again to force)\n');
      controller?.abort();
      process.once('SIGINT', () => process.exit(130));
    });
  }
  return controller.signal;
}
