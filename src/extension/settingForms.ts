import { optionProblem, showValue } from '../engine/options/check';
import type { OptionSpec, SettingRole } from '../engine/options/optionKinds';
import { optionEntries, type OptionName } from '../engine/options/schema';
import { AUTO_WORKERS_AS_NUMBER, workerCountOf } from '../engine/options/workers';

export const SECTION = 'equationDiscovery';

/** How the workers setting, an integer, says automatic. */
export const AUTO_WORKERS_SETTING = AUTO_WORKERS_AS_NUMBER;

export interface SettingEntry {
  name: OptionName;
  spec: OptionSpec;
  setting: SettingRole;
  /** `equationDiscovery.<name>`. */
  id: string;
}

/** The options that are user settings, in their Settings editor order. */
export function settingEntries(): SettingEntry[] {
  return optionEntries()
    .flatMap(([name, spec]) => (spec.setting ? [{ name, spec, setting: spec.setting, id: `${SECTION}.${name}` }] : []))
    .sort((a, b) => a.setting.order - b.setting.order);
}

/** A setting's value as the option's, or what is wrong with it (the end of a sentence naming the setting). */
export function fromSetting(spec: OptionSpec, raw: unknown): { value: unknown } | { problem: string } {
  if (spec.kind === 'workers') {
    if (!(Number.isInteger(raw) && (raw as number) >= AUTO_WORKERS_SETTING)) {
      return { problem: `must be ${AUTO_WORKERS_SETTING} (${spec.autoMeans}) or a positive integer, got ${showValue(raw)}` };
    }
    return { value: workerCountOf(raw as number) };
  }
  const problem = optionProblem(spec, raw);
  return problem === undefined ? { value: raw } : { problem };
}

/** The option's default as settings write it. */
export function settingDefault(spec: OptionSpec): unknown {
  return spec.kind === 'workers' && spec.default === 'auto' ? AUTO_WORKERS_SETTING : spec.default;
}
