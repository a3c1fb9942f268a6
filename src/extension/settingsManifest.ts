import { BINARY_OPERATORS, UNARY_OPERATORS } from '../engine/expressions/operators';
import { describeOption, pysrNote } from '../engine/options/describe';
import { AUTO_WORKERS_SETTING, settingDefault, settingEntries, type SettingEntry } from './settingForms';

/** One property of package.json's `contributes.configuration`, as VS Code reads it (JSON Schema). */
type SettingProperty = Record<string, unknown>;

function valueSchema({ name, spec }: SettingEntry): SettingProperty {
  const value = settingDefault(spec);
  switch (spec.kind) {
    case 'operators':
      return {
        type: 'array',
        items: { type: 'string', enum: [...BINARY_OPERATORS, ...UNARY_OPERATORS] },
        uniqueItems: true,
        default: value,
      };
    case 'integer':
      return { type: 'integer', default: value, minimum: spec.min, ...(spec.max !== undefined ? { maximum: spec.max } : {}) };
    case 'number':
      return {
        type: 'number',
        default: value,
        ...(spec.exclusiveMin ? { exclusiveMinimum: spec.min } : { minimum: spec.min }),
        ...(spec.max !== undefined ? { maximum: spec.max } : {}),
      };
    case 'boolean':
      return { type: 'boolean', default: value };
    case 'choice':
      return {
        type: 'string',
        enum: spec.choices.map((c) => c.value),
        enumDescriptions: spec.choices.map((c) => c.description),
        default: value,
      };
    case 'workers':
      return { type: 'integer', default: value, minimum: AUTO_WORKERS_SETTING, maximum: spec.max };
    case 'switch':
    case 'weights':
      throw new Error(`option ${name} (${spec.kind}) has no form as a setting`);
  }
}

/** package.json's `contributes.configuration.properties`, from the options schema. */
export function configurationProperties(): Record<string, SettingProperty> {
  return Object.fromEntries(
    settingEntries().map((entry) => [
      entry.id,
      {
        ...valueSchema(entry),
        markdownDescription: [describeOption(entry.spec, { auto: String(AUTO_WORKERS_SETTING) }), pysrNote(entry.spec)]
          .filter((text) => text !== '')
          .join(' '),
        order: entry.setting.order,
      },
    ]),
  );
}

/** package.json's `capabilities.untrustedWorkspaces.restrictedConfigurations`: the settings a workspace may not set. */
export function restrictedConfigurations(): string[] {
  return settingEntries()
    .filter((entry) => entry.setting.restricted)
    .map((entry) => entry.id);
}
