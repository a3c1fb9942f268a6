// The parts of package.json and README.md written from the options schema (src/engine/options/schema.ts):
// the settings' declarations, the settings ignored in Restricted Mode, and the README's paragraphs on the
// settings and on the command line's options. `npm run sync:settings` writes them; a unit test checks them.
import { BINARY_OPERATORS, UNARY_OPERATORS } from '../../src/engine/expressions/operators';
import { listInWords } from '../../src/engine/options/check';
import type { OptionSpec } from '../../src/engine/options/optionKinds';
import { ALGORITHM_FLAGS, BUDGET_FLAGS, type OptionFlag } from '../../src/cli/optionFlags';
import { AUTO_WORKERS_SETTING, SECTION, settingEntries } from '../../src/extension/settingForms';
import { configurationProperties, restrictedConfigurations } from '../../src/extension/settingsManifest';

const README_WIDTH = 110;

const code = (text: string | number): string => `\`${text}\``;

/** Markdown text wrapped at spaces into lines of at most `width` characters. */
export function wrap(text: string, width = README_WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** The default (and range) of an option as the README gives it in parentheses, `auto` written as `autoAs`. */
function defaultInWords(spec: OptionSpec, autoAs: string, listSeparator: string): string {
  switch (spec.kind) {
    case 'operators': {
      const others = [...BINARY_OPERATORS, ...UNARY_OPERATORS].filter((op) => !spec.default.includes(op));
      return `${code(spec.default.join(listSeparator))}; also ${code(others.join(' '))}`;
    }
    case 'integer': {
      const shown = spec.default === Number.POSITIVE_INFINITY ? 'no limit' : String(spec.default);
      if (spec.max === undefined) return shown;
      return `${shown}; ${spec.min > 1 ? `${spec.min} to ${spec.max}` : `at most ${spec.max}`}`;
    }
    case 'number':
      return spec.unit === 'seconds' ? `${spec.default} s` : String(spec.default);
    case 'choice': {
      const others = spec.choices.map((c) => c.value).filter((value) => value !== spec.default);
      return `${code(spec.default)}; also ${others.map(code).join(', ')}`;
    }
    case 'workers':
      return `${code(autoAs)}: ${spec.autoMeans}`;
    default:
      return code(String(spec.default));
  }
}

/** The README's paragraph on the settings. */
export function settingsParagraph(): string {
  const entries = settingEntries();
  const settings = entries.map(({ name, spec }) => `${code(name)} (${defaultInWords(spec, String(AUTO_WORKERS_SETTING), ' ')})`);
  const restricted = entries.filter((e) => e.setting.restricted).map((e) => code(e.name));
  return wrap(
    `Settings (${code(`${SECTION}.*`)}, defaults in parentheses): ${settings.join(', ')}. ` +
      `In Restricted Mode the workspace's values of ${listInWords(restricted, 'and')} are ignored.`,
  );
}

/** The README's paragraph on the options of `eqd discover`. */
export function cliOptionsParagraph(): string {
  const flags = (list: OptionFlag[]): string =>
    list.map(({ flag, spec }) => `${code(`--${flag}`)} (${defaultInWords(spec, 'auto', ',')})`).join(', ');
  return wrap(
    `Options of the search, defaults in parentheses: ${flags(ALGORITHM_FLAGS)}; and of its budget: ${flags(BUDGET_FLAGS)}. ` +
      `${code('eqd --help')} describes them.`,
  );
}

const BLOCKS = { settings: settingsParagraph, 'cli-options': cliOptionsParagraph } as const;

/** The README with its generated blocks, between `<!-- options:NAME -->` and `<!-- /options:NAME -->`, rewritten. */
export function syncReadme(readme: string): string {
  let text = readme;
  for (const [name, generate] of Object.entries(BLOCKS)) {
    const start = `<!-- options:${name} -->`;
    const end = `<!-- /options:${name} -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no block ${start} ... ${end}`);
    text = `${text.slice(0, from + start.length)}\n${generate()}\n${text.slice(to)}`;
  }
  return text;
}

interface PackageJson {
  contributes: { configuration: { properties: unknown } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: unknown } };
}

/** package.json with the settings' declarations and the settings restricted in untrusted workspaces rewritten. */
export function syncPackageJson(text: string): string {
  const manifest = JSON.parse(text) as PackageJson;
  manifest.contributes.configuration.properties = configurationProperties();
  manifest.capabilities.untrustedWorkspaces.restrictedConfigurations = restrictedConfigurations();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
