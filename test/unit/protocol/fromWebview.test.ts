import assert from 'node:assert/strict';
import { isFromWebview, isPersistedState } from '../../../src/shared/webviewProtocolChecks';
import { isRunId } from '../../../src/shared/runId';

describe('Webview protocol: messages from the page', () => {
  it('accepts every message the page sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'selected', complexity: 3 },
      { type: 'insert', complexity: 1 },
      { type: 'copy', complexity: 7, format: 'python' },
      { type: 'copy', complexity: 7, format: 'mathjs' },
      { type: 'export' },
      { type: 'cancel' },
      { type: 'openLink', url: 'https://arxiv.org/abs/2309.08986' },
      { type: 'openLink', url: 'http://dx.doi.org/10.1002/we.70118' },
      { type: 'runCommand', command: 'equationDiscovery.discover' },
      { type: 'runCommand', command: 'equationDiscovery.openSample' },
      { type: 'runCommand', command: 'equationDiscovery.describeDataset' },
    ]) {
      assert.ok(isFromWebview(message), JSON.stringify(message));
    }
  });

  it('refuses commands outside the allowlist', () => {
    for (const command of [
      'workbench.action.terminal.new',
      'workbench.action.terminal.sendSequence',
      'equationDiscovery.deleteRun',
      'equationDiscovery.openResults',
      '',
      42,
      undefined,
    ]) {
      assert.equal(isFromWebview({ type: 'runCommand', command }), false, String(command));
    }
  });

  it('refuses links other than http and https', () => {
    for (const url of ['command:workbench.action.quit', 'file:///etc/passwd', 'vscode://x/y', 'javascript:alert(1)', '', 7]) {
      assert.equal(isFromWebview({ type: 'openLink', url }), false, String(url));
    }
    assert.equal(isFromWebview({ type: 'openLink', url: `https://example.org/${'a'.repeat(3000)}` }), false, 'overlong');
  });

  it('wants complexities that are whole numbers in range', () => {
    for (const complexity of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9, '3', null, undefined]) {
      assert.equal(isFromWebview({ type: 'insert', complexity }), false, String(complexity));
      assert.equal(isFromWebview({ type: 'selected', complexity }), false, String(complexity));
    }
  });

  it('wants a format of the Copy as list', () => {
    for (const format of ['cobol', 'Python', '', undefined, { toString: () => 'python' }]) {
      assert.equal(isFromWebview({ type: 'copy', complexity: 3, format }), false, String(format));
    }
  });

  it('refuses junk without throwing', () => {
    for (const junk of [
      undefined,
      null,
      0,
      'ready',
      [],
      [{ type: 'ready' }],
      {},
      { type: 'nope' },
      { type: 'constructor' },
      { type: '__proto__' },
      { type: 'toString' },
      Object.create(null),
      { type: ['ready'] },
    ]) {
      assert.equal(isFromWebview(junk), false, JSON.stringify(junk));
    }
  });

  it('checks the state a page saved', () => {
    assert.ok(isPersistedState({}));
    assert.ok(isPersistedState({ runId: 'run-1', selectedComplexity: 5, copyFormat: 'julia', plotFeature: 'T' }));
    for (const bad of [null, 'x', [], { runId: 5 }, { selectedComplexity: 'many' }, { copyFormat: 'cobol' }, { plotFeature: {} }]) {
      assert.equal(isPersistedState(bad), false, JSON.stringify(bad));
    }
  });

  it('knows run ids by their shape: a UUID, nothing else', () => {
    assert.ok(isRunId('0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a71'));
    for (const bad of [
      '/../../x',
      '../0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a71',
      '0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a71/..',
      '0B7C6C64-3F2E-4D3E-9A3B-6F1D2C9E8A71',
      '0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a7',
      '0b7c6c64-3f2e-4d3e-9a3b-6f1d2c9e8a71\n',
      'run-hubble',
      '',
      42,
      undefined,
    ]) {
      assert.equal(isRunId(bad), false, String(bad));
    }
  });
});
