import { describeOption, pysrNote } from '../engine/options/describe';
import type { OptionSpec } from '../engine/options/optionKinds';
import { helpEntry, plainText } from './helpText';
import { ALGORITHM_FLAGS, BUDGET_FLAGS, type OptionFlag } from './optionFlags';

const TERM_COLUMN = 26;
const WIDTH = 110;

/** What follows the flag in its help line: N, SECONDS, mse|mae|huber... */
function argumentOf(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'operators':
      return `"${spec.default.join(',')}"`;
    case 'choice':
      return spec.choices.map((c) => c.value).join('|');
    case 'workers':
      return 'N|auto';
    case 'integer':
      return 'N';
    case 'number':
      return spec.unit === 'seconds' ? 'SECONDS' : 'X';
    case 'boolean':
      return 'true|false';
    case 'switch':
      return 'true|false|auto';
    case 'weights':
      throw new Error('weights have no command-line form');
  }
}

function defaultOf(spec: OptionSpec): string {
  if (spec.kind === 'operators') return spec.default.join(',');
  if (spec.default === Number.POSITIVE_INFINITY) return 'no limit';
  return String(spec.default);
}

/** The help line's text after the description: the choices, the default and the range. */
function detailsOf(spec: OptionSpec): string {
  const choices = spec.kind === 'choice' ? `${spec.choices.map((c) => `${c.value}: ${c.description}`).join('; ')}. ` : '';
  const range = spec.kind === 'integer' && spec.max !== undefined ? `, from ${spec.min} to ${spec.max}` : '';
  return `${choices}Default: ${defaultOf(spec)}${range}.`;
}

function flagHelp({ flag, spec }: OptionFlag): string {
  const text = [describeOption(spec), detailsOf(spec), pysrNote(spec)].map(plainText).join(' ');
  return helpEntry(`--${flag} ${argumentOf(spec)}`, text, TERM_COLUMN, WIDTH);
}

const entry = (term: string, text: string): string => helpEntry(term, text, TERM_COLUMN, WIDTH);

export const USAGE = `eqd: discover equations from data (symbolic regression)

Usage:
  eqd discover <data file> --target <column> [options]
  eqd related [--columns a,b,c] [--description "text"] [--formula "mathjs text"] [--format table|json]

Data files: CSV, TSV (.tsv, .tab, .txt, .dat: the delimiter is sniffed), JSON, Parquet (.parquet),
Arrow IPC or Feather 2 (.arrow, .feather, .ipc), Excel (.xlsx), HDF5 (.h5, .hdf5) and FITS binary tables
(.fits, .fit, .fts).

discover options:
${entry('--target <column>', 'column to explain (default: y, target or output, else the last numeric column)')}
${entry('--features a,b,...', 'input columns (default: every other numeric column)')}
${entry('--sheet NAME|N', 'the sheet of an Excel workbook to read (default: the first)')}
${entry('--dataset PATH|NAME', 'the table of an HDF5 file (a dataset or group path) or FITS file (EXTNAME or number) to read (default: the first)')}
${entry('--rows FIRST:LAST', 'only these data rows, counted from 1 after the header (100:5000, 100: or :5000)')}
${entry(
  '--format FORMAT',
  'table (default), json (one JSON object), or the best formula as code to paste, comment included: ' +
    'python, javascript, c, julia, rust, matlab, r, latex, markdown',
)}
${entry('--quiet', 'no progress on stderr')}

search options (what formulas are searched, and how):
${ALGORITHM_FLAGS.map(flagHelp).join('\n')}

budget (when the search stops, its seed and its threads):
${BUDGET_FLAGS.map(flagHelp).join('\n')}

Ctrl+C once stops the search and prints the formulas found so far; twice exits at once.
`;
