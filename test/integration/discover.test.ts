import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatExpression, parseExpression } from '../../src/engine/expressions/formats';
import { copyFormula } from '../../src/extension/actions/formulaActions';
import type { EquationDiscoveryApi } from '../../src/extension/extension';
import type { RunRecord } from '../../src/extension/runs/runStore';
import { COPY_FORMATS } from '../../src/shared/webviewProtocol';

const EXTENSION_ID = 'equation-discovery.equation-discovery';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('equationDiscovery').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

describe('Discover Equation', function () {
  this.timeout(120_000);
  let api: EquationDiscoveryApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<EquationDiscoveryApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    await setting('timeLimitSeconds', 3);
    await setting('workers', 1);
  });

  after(async () => {
    for (const key of ['timeLimitSeconds', 'workers', 'operators', 'maxSize']) await setting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('finds the Hubble law in the whole sample file and opens its results', async () => {
    await open(workspaceFile('real-hubble-1929.csv'));
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', undefined, { target: 'v', features: ['D'] });
    assert.equal(typeof id, 'string');
    assert.equal(api.shownRun(), id);
    const run = await api.whenDone(id);
    assert.equal(run.status, 'finished');
    assert.equal(run.stats.stoppedBy, 'time');
    assert.equal(run.source.fileName, 'real-hubble-1929.csv');
    assert.equal(run.source.rows, 32);
    assert.equal(run.source.selection, undefined);
    assert.deepEqual(run.features, ['D']);
    const linear = run.front.find((f) => f.complexity === 3);
    assert.ok(linear, 'a formula of complexity 3 is on the front');
    const D = run.plotRows.features[0]!;
    linear.predictions!.forEach((p, i) => assert.ok(Math.abs(p / D[i]! - 475.3) < 0.05, `slope ${p / D[i]!}`));
    assert.match(linear.latex, /475\.3/);
    assert.equal(run.front.filter((f) => f.best).length, 1);
    assert.equal(run.plotRows.target.length, 32);
    assert.equal(linear.predictions?.length, 32);
    assert.ok(Math.abs(run.featureRanges[0]![0] - 0.032) < 0.001);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tabs.some((t) => t.label === 'Equation Discovery'));
  });

  it('uses only the selected rows, with the header of the file', async () => {
    const editor = await open(workspaceFile('real-hubble-1929.csv'));
    editor.selection = new vscode.Selection(10, 0, 33, 0);
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', undefined, { target: 'v' });
    const run = await api.whenDone(id);
    assert.equal(run.source.rows, 23);
    assert.equal(run.source.selection, 'lines 11–33');
    assert.deepEqual(run.features, ['D']);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
  });

  it('stops on request and keeps the formulas found so far', async () => {
    await setting('timeLimitSeconds', 120);
    await open(workspaceFile('real-hubble-1929.csv'));
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', undefined, { target: 'v' });
    await new Promise((r) => setTimeout(r, 2500));
    const stoppedAt = Date.now();
    await vscode.commands.executeCommand('equationDiscovery.stopSearch');
    const run = await api.whenDone(id);
    assert.ok(Date.now() - stoppedAt < 3000, 'stopped promptly');
    assert.equal(run.status, 'cancelled');
    assert.ok(run.front.length > 0);
    await setting('timeLimitSeconds', 3);
  });

  it('reopens a finished run by id', async () => {
    await open(workspaceFile('real-leavitt.csv'));
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', undefined, { target: 'M' });
    await api.whenDone(id);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(api.shownRun(), undefined);
    await vscode.commands.executeCommand('equationDiscovery.openResults', id);
    assert.equal(api.shownRun(), id);
  });

  it('inserts the best formula into a Python file, with where it comes from', async () => {
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', workspaceFile('real-hubble-1929.csv'), {
      target: 'v',
    });
    const run = await api.whenDone(id);
    assert.equal(run.front.find((f) => f.best)?.complexity, 3, 'Hubble\'s law is the best trade-off on these 32 rows');
    const script = await writeWorkspaceFile('fit.py', 'import numpy as np\n\n');
    const editor = await open(script);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('equationDiscovery.insertFormula', { runId: id, complexity: 3 });
    const text = editor.document.getText();
    assert.match(text, /# v fitted by Equation Discovery on real-hubble-1929\.csv, 32 rows/);
    assert.match(text, /# loss 3\.11\de\+4 \(MSE\), complexity 3; fitted for D in \[0\.03235, 2\.006\]/);
    const formula = run.front.find((f) => f.complexity === 3)!.text;
    assert.ok(text.includes(`v = ${formula}`), `inserted text:\n${text}`);
  });

  it('finds related research from a one-line description of the data', async () => {
    await open(workspaceFile('real-tully-fisher.csv'));
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', undefined, { target: 'M' });
    const run = await api.whenDone(id);
    assert.deepEqual(run.related, [], 'the column names DV and M alone match no paper');
    await vscode.commands.executeCommand('equationDiscovery.describeDataset', 'rotation speed and luminosity of spiral galaxies');
    const described = await api.getRun(id);
    assert.equal(described?.description, 'rotation speed and luminosity of spiral galaxies');
    assert.ok(described && described.related.length > 0);
    assert.match(described.related[0]!.title, /Spiral Galaxies/);
    assert.ok(described.related[0]!.reasons.some((r) => /spiral/.test(r)));
  });

  it('copies a formula in each format to the clipboard', async () => {
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', workspaceFile('real-hubble-1929.csv'), {
      target: 'v',
    });
    const run = (await api.whenDone(id)) as RunRecord;
    const { expr, text } = run.front.find((f) => f.complexity === 3)!;
    assert.deepEqual(parseExpression(text, run.features), expr, 'the saved tree is the one its text says');
    for (const { format } of COPY_FORMATS) {
      await copyFormula(run, 3, format);
      assert.equal(await vscode.env.clipboard.readText(), formatExpression(expr, format, { names: run.features }), format);
    }
    assert.match(await vscode.env.clipboard.readText(), /475\.\d+/);
  });

  it('opens the sample data as a copy in the workspace, never the installed file', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const copy = workspaceFile('real-hubble-1929.csv');
    const installed = vscode.Uri.joinPath(ext.extensionUri, 'data', 'samples', 'real-hubble-1929.csv');
    const original = await vscode.workspace.fs.readFile(installed);
    const before = await vscode.workspace.fs.readFile(copy).then(
      (bytes) => bytes,
      () => undefined,
    );
    const opened = await vscode.commands.executeCommand<string>('equationDiscovery.openSample');
    const expected = before === undefined || Buffer.from(before).equals(Buffer.from(original)) ? copy : workspaceFile('real-hubble-1929-2.csv');
    assert.equal(opened, expected.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), expected.toString());
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(expected)), Buffer.from(original));

    // Edited and opened again: the edited copy is kept, and a fresh one opens beside it.
    const edited = await writeWorkspaceFile('real-hubble-1929.csv', 'D,v\n1,2\n');
    const again = await vscode.commands.executeCommand<string>('equationDiscovery.openSample');
    assert.equal(again, workspaceFile('real-hubble-1929-2.csv').toString());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(edited)), 'D,v\n1,2\n');
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(installed)), Buffer.from(original), 'the installed sample is untouched');
    await vscode.workspace.fs.writeFile(edited, original);
    await vscode.workspace.fs.delete(workspaceFile('real-hubble-1929-2.csv'));
  });

  it('does not start a run when a setting is invalid', async () => {
    await setting('operators', ['+', 'sinh']);
    try {
      await open(workspaceFile('real-hubble-1929.csv'));
      const id = await vscode.commands.executeCommand<string | undefined>('equationDiscovery.discover', undefined, { target: 'v' });
      assert.equal(id, undefined);
    } finally {
      await setting('operators', undefined);
    }
  });

  it('does not start a run on bad data', async () => {
    const bad = await writeWorkspaceFile('ragged.csv', 'x,y\n1,2\n2,4,5\n3\n4,8,1\n5,10,2\n6\n');
    await open(bad);
    const id = await vscode.commands.executeCommand<string | undefined>('equationDiscovery.discover', undefined, { target: 'y' });
    assert.equal(id, undefined);
  });
});
