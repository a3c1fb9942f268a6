import type { CommandIo } from './discoverCommand';
import { Interrupts } from './interrupts';

// Ctrl+C is handled from the first moment: loading the commands (the engine, mathjs) takes most of a second,
// and an interrupt then must still print what there is instead of killing the process silently.
const interrupts = new Interrupts(() => process.exit(130));
process.on('SIGINT', () => interrupts.interrupt());

const io: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (handler) => interrupts.onInterrupt(handler),
};

import('./commands')
  .then(({ runCommand }) => runCommand(process.argv.slice(2), io))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eqd: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
