import * as vscode from 'vscode';
import {
  binaryFormatFromFileName,
  DataError,
  parseRowRange,
  parseTable,
  rowWord,
  selectDataset,
  type DatasetOptions,
  type DataTable,
  type LoadOptions,
} from '../../data';
import { OptionsError } from '../../engine/options';
import { DataShapeError } from '../../engine/problem/searchData';
import { chooseColumns, rememberedColumns } from '../input/columnChooser';
import { resolveDataInput, type DataInput, type FileInput, type TextInput } from '../input/dataSource';
import { fileParts, readFileTable, readWithProgress } from '../input/fileReading';
import { choosePart } from '../input/partChooser';
import { chooseRows, PREVIEW_ROWS } from '../input/rowChooser';
import { reportDataError } from '../input/reportDataError';
import type { Services } from '../services';
import { fireAndReport, notify } from '../report';
import { readSearchSettings, reportSettingsError, SettingsError } from '../settings';

/** Options a caller (a test, the walkthrough, another extension) may pass instead of answering the pickers. */
export interface DiscoverArgs {
  target?: string;
  features?: string[];
  description?: string;
  /** The sheet of a workbook, or the table of an HDF5 or FITS file, to read. */
  sheet?: string;
  dataset?: string;
  /** The rows of a file to use, as `first:last`. */
  rows?: string;
}

/** Text above this size is parsed under a progress notification. */
const LARGE_TEXT = 2_000_000;

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

function isDiscoverArgs(value: unknown): value is DiscoverArgs {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUri(value) && 'target' in value;
}

async function parse(input: TextInput): Promise<DataTable> {
  if (input.text.length < LARGE_TEXT) return parseTable(input.text, input.loadOptions);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Reading ${input.fileName}…` },
    async () => {
      // Let the notification appear before the parser takes the thread.
      await new Promise((r) => setTimeout(r, 50));
      return parseTable(input.text, input.loadOptions);
    },
  );
}

/**
 * Reads a file that is not open as text. A binary table's sheet or table and its rows are asked for (the
 * first rows shown meanwhile) unless the caller gave the columns; undefined when the user cancels.
 */
async function readFile(input: FileInput, args: DiscoverArgs | undefined): Promise<DataTable | undefined> {
  const format = binaryFormatFromFileName(input.fileName);
  const options: LoadOptions = {};
  if (args?.rows !== undefined) options.rows = parseRowRange(args.rows);
  const asked = args?.target === undefined;
  if (format === 'xlsx' || format === 'hdf5' || format === 'fits') {
    const key = format === 'xlsx' ? 'sheet' : 'dataset';
    const given = args?.[key];
    if (given !== undefined) options[key] = given;
    else if (asked) {
      const part = await choosePart(await fileParts(input), format === 'xlsx' ? 'sheet' : 'table', input.fileName);
      if (part === null) return undefined;
      if (part !== undefined) options[key] = part;
    }
  }
  if (format !== undefined && asked && options.rows === undefined) {
    const preview = await readFileTable(input, { ...options, rows: { first: 1, last: PREVIEW_ROWS } });
    const rows = await chooseRows(preview, input.fileName);
    if (rows === null) return undefined;
    if (rows !== undefined) options.rows = rows;
  }
  return readWithProgress(input, options);
}

function noteDroppedRows(table: DataTable, dropped: { rows: number; firstLines: number[] }, fileName: string): void {
  const notes = [...table.warnings];
  if (dropped.rows > 0) {
    const word = rowWord(table.format);
    const lines = dropped.firstLines.length > 0 ? ` (first at ${word}${dropped.firstLines.length > 1 ? 's' : ''} ${dropped.firstLines.join(', ')})` : '';
    notes.unshift(`${dropped.rows} row${dropped.rows === 1 ? '' : 's'} with missing values dropped${lines}`);
  }
  if (notes.length > 0) notify('warning', `Equation Discovery: ${fileName}: ${notes.join('; ')}.`);
}

/**
 * "Discover Equation": reads the data (selection, document or file), asks for the columns, starts the
 * search and opens its results. Every problem ends in a message saying what is wrong and where.
 */
export async function discover(services: Services, first?: unknown, second?: unknown): Promise<string | undefined> {
  const target = isUri(first) ? first : undefined;
  const args = [first, second].find(isDiscoverArgs);
  let input: DataInput | undefined;
  try {
    const settings = readSearchSettings(target);
    input = await resolveDataInput(target, services.editors.recentDocuments());
    if (!input) return undefined;
    const table = input.kind === 'text' ? await parse(input) : await readFile(input, args);
    if (!table) return undefined;
    const uri = input.uri.toString();
    const remembered = services.memory.get(uri);
    let choice: DatasetOptions;
    if (args?.target) {
      choice = { target: args.target, ...(args.features ? { features: args.features } : {}) };
    } else {
      const picked = await chooseColumns(table, rememberedColumns(table, remembered.columns));
      if (!picked) return undefined;
      await services.memory.update(uri, { columns: picked });
      choice = picked;
    }
    const dataset = selectDataset(table, choice);
    noteDroppedRows(table, dataset.dropped, input.fileName);
    const description = args?.description ?? remembered.description;
    const record = services.runs.start({
      dataset,
      sourceUri: uri,
      fileName: input.fileName,
      ...(input.kind === 'text' && input.selection ? { selection: input.selection } : {}),
      ...(description ? { description } : {}),
      settings,
    });
    services.results.show(record.id);
    return record.id;
  } catch (error) {
    // Messages are not awaited: they resolve only when dismissed, and the command is done.
    if (error instanceof SettingsError) fireAndReport(reportSettingsError(error), 'opening the setting');
    else if (error instanceof DataError && error.code === 'cancelled') return undefined;
    else if (error instanceof DataError) fireAndReport(reportDataError(error, input?.uri), 'showing where the data is wrong');
    else if (error instanceof OptionsError || error instanceof DataShapeError) {
      notify('error', `Equation Discovery: ${error.message}`);
    } else if (error instanceof vscode.FileSystemError) {
      notify('error', `Equation Discovery: cannot read the data: ${error.message}`);
    } else throw error;
    return undefined;
  }
}
