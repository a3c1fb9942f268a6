import type { OptionValues, SearchOptions } from '../engine/options/schema';
import { capWorkers, type WorkerCount } from '../engine/options/workers';
import { fromSetting, settingEntries } from './settingForms';

export interface SearchSettings {
  /** The search options the settings give; the others keep their defaults. */
  options: Partial<SearchOptions>;
  /** Worker threads, a number at most the machine's available cores, or `auto`. */
  workers: WorkerCount;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    /** The setting's full id, e.g. `equationDiscovery.maxSize`. */
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The search settings, each checked against its option's declaration; `read` gives a setting's value by its
 * name within the section. Throws `SettingsError` naming the first bad setting.
 */
export function searchSettingsFrom(read: (name: string) => unknown, cores: number): SearchSettings {
  const values: Partial<OptionValues> = {};
  for (const { name, spec, id } of settingEntries()) {
    const raw = read(name);
    if (raw === undefined || raw === null) continue;
    const setting = fromSetting(spec, raw);
    if ('problem' in setting) throw new SettingsError(id, setting.problem);
    Object.assign(values, { [name]: setting.value });
  }
  const { workers = 'auto', ...options } = values;
  return { options, workers: capWorkers(workers, cores) };
}
