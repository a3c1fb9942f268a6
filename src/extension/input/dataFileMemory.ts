import type * as vscode from 'vscode';
import { arrayOf, isString, object, optional, type Check } from '../../shared/schema';
import type { Logger } from '../log';

/** The columns chosen for a data file: the one to explain and the inputs. */
export interface ColumnChoice {
  target: string;
  features: string[];
}

/** What the extension remembers of one data file. */
export interface DataFileNotes {
  /** The columns last chosen for it. */
  columns?: ColumnChoice;
  /** The user's one-line description of its data, used to find related research. */
  description?: string;
}

const isColumnChoice: Check<ColumnChoice> = object({ target: isString, features: arrayOf(isString) });

const isDataFileNotes: Check<DataFileNotes> = object({ columns: optional(isColumnChoice), description: optional(isString) });

const KEY = 'dataFile:';
/** Keys of earlier versions, one per kind of note. */
const LEGACY_COLUMNS = 'columns:';
const LEGACY_DESCRIPTION = 'description:';

/** Drops the notes that are undefined, so that they are not stored. */
function defined(notes: DataFileNotes): DataFileNotes {
  return Object.fromEntries(Object.entries(notes).filter(([, value]) => value !== undefined)) as DataFileNotes;
}

/** The notes alone (no other field a record may hold), in objects of their own: the state's are not shared. */
function copy(notes: DataFileNotes): DataFileNotes {
  const { columns, description } = notes;
  return defined({ columns: columns && { target: columns.target, features: [...columns.features] }, description });
}

/**
 * What the extension remembers per data file, in the workspace state: one record per file URI, checked when read.
 * A record that does not check (damaged, or written by another version) is ignored. Notes that earlier versions
 * kept under keys of their own (`columns:<uri>`, `description:<uri>`) are read when the file has no record, and
 * move into its record on its next update.
 */
export class DataFileMemory {
  constructor(
    private readonly state: Pick<vscode.Memento, 'get' | 'update'>,
    private readonly log: Logger,
  ) {}

  /** The notes on the data file of this URI (its `toString()`); none when nothing valid is remembered. */
  get(uri: string): DataFileNotes {
    const stored = this.state.get<unknown>(KEY + uri);
    if (stored !== undefined) {
      if (isDataFileNotes(stored)) return copy(stored);
      this.log.warn(`ignored what was remembered of ${uri}: it is not valid`);
    }
    return this.legacy(uri);
  }

  /** Changes some notes on a data file; a note set to undefined is forgotten. */
  async update(uri: string, changes: DataFileNotes): Promise<void> {
    const notes = defined({ ...this.get(uri), ...changes });
    await this.state.update(KEY + uri, Object.keys(notes).length > 0 ? notes : undefined);
    for (const key of [LEGACY_COLUMNS + uri, LEGACY_DESCRIPTION + uri]) {
      if (this.state.get<unknown>(key) !== undefined) await this.state.update(key, undefined);
    }
  }

  private legacy(uri: string): DataFileNotes {
    const columns = this.state.get<unknown>(LEGACY_COLUMNS + uri);
    const description = this.state.get<unknown>(LEGACY_DESCRIPTION + uri);
    return copy({
      ...(isColumnChoice(columns) ? { columns } : {}),
      ...(isString(description) ? { description } : {}),
    });
  }
}
