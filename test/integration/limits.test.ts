import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import type { EquationDiscoveryApi } from '../../src/extension/extension';
import { readSearchSettings, SettingsError } from '../../src/extension/settings';

const EXTENSION_ID = 'equation-discovery.equation-discovery';

interface Manifest {
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces?: boolean | { supported: boolean | 'limited' };
  };
  contributes: { configuration: { properties: Record<string, { maximum?: number; markdownDescription?: string }> } };
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('equationDiscovery').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('Limits on what a workspace can ask for', function () {
  this.timeout(30_000);
  let api: EquationDiscoveryApi;
  let manifest: Manifest;

  before(async () => {
    const ext = vscode.extensions.getExtension<EquationDiscoveryApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    manifest = ext.packageJSON as Manifest;
  });

  afterEach(async () => {
    for (const key of ['workers', 'populations', 'populationSize', 'maxSize']) await setting(key, undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('uses at most one worker thread per available core', async () => {
    await setting('workers', 5000);
    assert.equal(readSearchSettings().workers, availableParallelism());
    await setting('workers', 1);
    assert.equal(readSearchSettings().workers, 1);
    const properties = manifest.contributes.configuration.properties;
    assert.ok((properties['equationDiscovery.workers']?.maximum ?? Infinity) <= 256);
    assert.match(properties['equationDiscovery.workers']?.markdownDescription ?? '', /available cores/);
  });

  it('reads 0 workers as automatic, and names a bad setting with what is wrong with it', async () => {
    await setting('workers', 0);
    assert.equal(readSearchSettings().workers, 'auto');
    await setting('maxSize', 2);
    assert.throws(
      () => readSearchSettings(),
      (e: unknown) =>
        e instanceof SettingsError && e.setting === 'equationDiscovery.maxSize' && /must be a positive integer of at least 3, got 2/.test(e.message),
    );
  });

  it('refuses more than 100 populations, or populations of more than 1000', async () => {
    await setting('populations', 500);
    assert.throws(() => readSearchSettings(), (e: unknown) => e instanceof SettingsError && /populations/.test(e.setting));
    await setting('populations', 100);
    assert.equal(readSearchSettings().options.populations, 100);
    await setting('populationSize', 1_000_000);
    assert.throws(() => readSearchSettings(), (e: unknown) => e instanceof SettingsError && /populationSize/.test(e.setting));
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['equationDiscovery.populations']?.maximum, 100);
    assert.equal(properties['equationDiscovery.populationSize']?.maximum, 1000);
  });

  it('declares what it does in untrusted and virtual workspaces', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.ok(untrusted?.description);
    for (const key of ['workers', 'populations', 'populationSize', 'maxSize', 'timeLimitSeconds']) {
      assert.ok(untrusted?.restrictedConfigurations?.includes(`equationDiscovery.${key}`), key);
    }
    assert.ok(manifest.capabilities?.virtualWorkspaces !== undefined);
  });

  it('opens no run for an id that is not a run id', async () => {
    for (const id of ['/../../x', '../runs', 'run-1']) {
      await vscode.commands.executeCommand('equationDiscovery.openResults', id);
      assert.notEqual(api.shownRun(), id);
      assert.equal(await api.getRun(id), undefined);
    }
    await vscode.commands.executeCommand('equationDiscovery.deleteRun', { id: '/../../x' });
    await vscode.commands.executeCommand('equationDiscovery.insertFormula', { runId: '/../../x', complexity: 3 });
  });
});
