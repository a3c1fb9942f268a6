import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EquationDiscoveryApi } from '../../src/extension/extension';

const EXTENSION_ID = 'equation-discovery.equation-discovery';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('equationDiscovery').update(key, value, vscode.ConfigurationTarget.Workspace);
}

function discover(file: string, target: string): Thenable<string> {
  return vscode.commands.executeCommand<string>('equationDiscovery.discover', workspaceFile(file), { target });
}

async function closeResults(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
  await vscode.window.tabGroups.close(tabs);
}

describe('Commands without a run given', function () {
  this.timeout(120_000);
  let api: EquationDiscoveryApi;
  let script: vscode.TextEditor;
  let hubble: string;
  let leavitt: string;

  /** Inserts with Insert into Editor given no run, and returns the data file named in the comment above the formula. */
  async function insertedFrom(): Promise<string | undefined> {
    const before = script.document.getText();
    await vscode.commands.executeCommand('equationDiscovery.insertFormula');
    const inserted = script.document.getText().slice(before.length);
    return /fitted by Equation Discovery on (\S+?),/.exec(inserted)?.[1];
  }

  before(async () => {
    const ext = vscode.extensions.getExtension<EquationDiscoveryApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    await setting('timeLimitSeconds', 3);
    await setting('workers', 1);
    hubble = await discover('real-hubble-1929.csv', 'v');
    await api.whenDone(hubble);
    leavitt = await discover('real-leavitt.csv', 'M');
    await api.whenDone(leavitt);
    const file = workspaceFile('current-run.py');
    await vscode.workspace.fs.writeFile(file, new Uint8Array());
    script = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
  });

  after(async () => {
    for (const key of ['timeLimitSeconds', 'workers']) await setting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('act on the run the results view shows, though a later run exists', async () => {
    await vscode.commands.executeCommand('equationDiscovery.openResults', hubble);
    assert.equal(api.shownRun(), hubble);
    assert.equal(await insertedFrom(), 'real-hubble-1929.csv');
  });

  it('act on the latest saved run when the results view is closed', async () => {
    await closeResults();
    assert.equal(api.shownRun(), undefined);
    assert.equal(await insertedFrom(), 'real-leavitt.csv');
    await vscode.commands.executeCommand('equationDiscovery.openResults');
    assert.equal(api.shownRun(), leavitt, 'Open Results opens it');
  });

  it('open and stop the running search when the results view does not show it', async () => {
    await setting('timeLimitSeconds', 120);
    const running = await discover('real-tully-fisher.csv', 'M');
    try {
      assert.equal(api.shownRun(), running, 'a new run is shown');
      await closeResults();
      await vscode.commands.executeCommand('equationDiscovery.openResults');
      assert.equal(api.shownRun(), running, 'a running run comes before the saved ones');

      await vscode.commands.executeCommand('equationDiscovery.openResults', hubble);
      await vscode.commands.executeCommand('equationDiscovery.describeDataset', 'galaxy distances and velocities');
      assert.equal((await api.getRun(hubble))?.description, 'galaxy distances and velocities', 'the run shown is described');
      assert.equal((await api.getRun(running))?.description, undefined);

      await vscode.commands.executeCommand('equationDiscovery.stopSearch');
      const stopped = await api.whenDone(running);
      assert.equal(stopped.status, 'cancelled', 'Stop Search stops the running search, not the one shown');
      await vscode.commands.executeCommand('equationDiscovery.describeDataset', '');
      assert.equal((await api.getRun(hubble))?.description, undefined);
    } finally {
      await setting('timeLimitSeconds', 3);
    }
  });
});
