import assert from 'node:assert/strict';
import { parquetWriteBuffer } from 'hyparquet-writer';
import * as vscode from 'vscode';
import type { EquationDiscoveryApi } from '../../src/extension/extension';

const EXTENSION_ID = 'equation-discovery.equation-discovery';

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('equationDiscovery').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('Discover Equation on a Parquet file', function () {
  this.timeout(120_000);
  let api: EquationDiscoveryApi;
  let file: vscode.Uri;

  before(async () => {
    const ext = vscode.extensions.getExtension<EquationDiscoveryApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    await setting('timeLimitSeconds', 5);
    await setting('workers', 1);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need a workspace folder');
    const n = 2000;
    const x = Float64Array.from({ length: n }, (_, i) => 1 + (i % 40) / 8);
    const m = Float64Array.from({ length: n }, (_, i) => 1 + Math.floor(i / 40) / 10);
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'distance', data: x, type: 'DOUBLE' },
        { name: 'mass', data: m, type: 'DOUBLE' },
        { name: 'force', data: Float64Array.from(x, (d, i) => (3 * m[i]!) / (d * d)), type: 'DOUBLE' },
        { name: 'label', data: Array.from({ length: n }, (_, i) => `p${i}`), type: 'STRING' },
      ],
      rowGroupSize: 700,
    });
    file = vscode.Uri.joinPath(folder.uri, 'gravity.parquet');
    await vscode.workspace.fs.writeFile(file, new Uint8Array(bytes));
  });

  after(async () => {
    for (const key of ['timeLimitSeconds', 'workers']) await setting(key, undefined);
    await vscode.workspace.fs.delete(file);
  });

  it('reads the rows asked for from the file of the Explorer and finds the law', async () => {
    const id = await vscode.commands.executeCommand<string>('equationDiscovery.discover', file, {
      target: 'force',
      features: ['distance', 'mass'],
      rows: '1:1500',
    });
    assert.equal(typeof id, 'string', 'a run started');
    const run = await api.whenDone(id);
    assert.equal(run.status, 'finished');
    assert.equal(run.source.fileName, 'gravity.parquet');
    assert.equal(run.source.rows, 1500);
    assert.deepEqual(run.features, ['distance', 'mass']);
    assert.ok(
      run.front.some((f) => f.loss < 1e-12),
      `no exact law on the front: ${run.front.map((f) => `${f.text} (${f.loss})`).join('; ')}`,
    );
  });

  it('explains a text column chosen as the target, and reports nothing for a file that is not Parquet', async () => {
    const id = await vscode.commands.executeCommand<string | undefined>('equationDiscovery.discover', file, { target: 'label' });
    assert.equal(id, undefined);
    const fake = vscode.Uri.joinPath(file, '..', 'fake.parquet');
    await vscode.workspace.fs.writeFile(fake, new TextEncoder().encode('x,y\n1,2\n'));
    try {
      assert.equal(await vscode.commands.executeCommand('equationDiscovery.discover', fake, { target: 'y' }), undefined);
    } finally {
      await vscode.workspace.fs.delete(fake);
    }
  });
});
