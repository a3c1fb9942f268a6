import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliOptionsParagraph, settingsParagraph, syncPackageJson, syncReadme } from '../../../scripts/lib/optionDocs';
import { configurationProperties, restrictedConfigurations } from '../../../src/extension/settingsManifest';

const root = join(__dirname, '..', '..', '..');
const FIX = 'They are written from src/engine/options/schema.ts: run `npm run sync:settings` (and edit the schema, not them).';

interface Manifest {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

const manifestText = (): string => readFileSync(join(root, 'package.json'), 'utf8');

describe('Settings and README generated from the options schema', () => {
  it("package.json's settings match the schema: types, defaults, ranges, choices, descriptions", () => {
    const manifest = JSON.parse(manifestText()) as Manifest;
    assert.deepEqual(manifest.contributes.configuration.properties, configurationProperties(), `package.json's settings differ. ${FIX}`);
    assert.deepEqual(
      manifest.capabilities.untrustedWorkspaces.restrictedConfigurations,
      restrictedConfigurations(),
      `package.json's restrictedConfigurations differ. ${FIX}`,
    );
    assert.equal(syncPackageJson(manifestText()), manifestText(), `package.json is not as npm run sync:settings writes it. ${FIX}`);
  });

  it('declares each setting as the reader checks it', () => {
    const properties = configurationProperties();
    assert.deepEqual(Object.keys(properties), [
      'equationDiscovery.operators',
      'equationDiscovery.maxSize',
      'equationDiscovery.timeLimitSeconds',
      'equationDiscovery.workers',
      'equationDiscovery.populations',
      'equationDiscovery.populationSize',
      'equationDiscovery.seed',
      'equationDiscovery.loss',
    ]);
    assert.deepEqual(
      { ...properties['equationDiscovery.maxSize'], markdownDescription: undefined },
      { type: 'integer', default: 30, minimum: 3, maximum: 100, markdownDescription: undefined, order: 1 },
    );
    const workers = properties['equationDiscovery.workers']!;
    assert.equal(workers['default'], 0);
    assert.equal(workers['minimum'], 0);
    assert.match(String(workers['markdownDescription']), /`0` uses one per available core minus one/);
    assert.equal(properties['equationDiscovery.timeLimitSeconds']!['exclusiveMinimum'], 0);
    assert.deepEqual(properties['equationDiscovery.loss']!['enum'], ['mse', 'mae', 'huber']);
    assert.match(String(properties['equationDiscovery.maxSize']!['markdownDescription']), /PySR: `maxsize`/);
    assert.deepEqual(restrictedConfigurations().sort(), [
      'equationDiscovery.maxSize',
      'equationDiscovery.populationSize',
      'equationDiscovery.populations',
      'equationDiscovery.timeLimitSeconds',
      'equationDiscovery.workers',
    ]);
  });

  it("README's settings and command-line options paragraphs match the schema", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.equal(syncReadme(readme), readme, `README.md's generated paragraphs differ. ${FIX}`);
    assert.ok(readme.includes(settingsParagraph()));
    assert.ok(readme.includes(cliOptionsParagraph()));
    for (const flag of ['operators', 'maxsize', 'time-limit', 'max-evals', 'iterations', 'loss', 'workers', 'seed']) {
      assert.match(cliOptionsParagraph(), new RegExp(`\`--${flag}\``), flag);
    }
  });

  it('rewrites only what is between the markers', () => {
    const text = 'before\n<!-- options:settings -->\nold\n<!-- /options:settings -->\nmiddle\n<!-- options:cli-options -->\n<!-- /options:cli-options -->\nafter\n';
    const synced = syncReadme(text);
    assert.equal(synced, `before\n<!-- options:settings -->\n${settingsParagraph()}\n<!-- /options:settings -->\nmiddle\n<!-- options:cli-options -->\n${cliOptionsParagraph()}\n<!-- /options:cli-options -->\nafter\n`);
    assert.throws(() => syncReadme('no markers'), /README.md has no block <!-- options:settings -->/);
  });
});
