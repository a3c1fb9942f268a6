import { parseArgs } from 'node:util';
import { DataError } from '../data';
import { OptionsError, splitList } from '../engine/options';
import { FormulaParseError } from '../engine/expressions/formats';
import { discoverCommand, type CommandIo } from './discoverCommand';
import { UsageError } from './errors';
import { relatedCommand } from './related';
import { USAGE } from './usage';

function relatedFromArgs(argv: string[]): string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        columns: { type: 'string' },
        description: { type: 'string' },
        formula: { type: 'string' },
        format: { type: 'string', default: 'table' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`--format must be table or json, got "${values.format}"`);
  const columns = values.columns === undefined ? undefined : splitList(values.columns);
  return relatedCommand({
    ...(columns ? { columns } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values.formula !== undefined ? { formula: values.formula } : {}),
    format: values.format,
  });
}

/** Runs one `eqd` command line and gives its exit code; usage and data errors are printed as one line (code 2). */
export async function runCommand(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'discover':
        return await discoverCommand(rest, io);
      case 'related':
        io.stdout.write(relatedFromArgs(rest));
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (discover or related; see eqd --help)`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof DataError ||
      error instanceof OptionsError ||
      error instanceof FormulaParseError ||
      error instanceof RangeError
    ) {
      io.stderr.write(`eqd: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
