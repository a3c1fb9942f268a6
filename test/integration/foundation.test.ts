import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'equation-discovery.equation-discovery';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this window`);
  return ext;
}

function contributedCommands(): ContributedCommand[] {
  return (extension().packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands ?? [];
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

describe('Extension foundation', () => {
  it('activates', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command its manifest contributes, under the "Equation Discovery" category', async () => {
    const ext = extension();
    await ext.activate();
    const contributed = contributedCommands();
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c.command)).map((c) => c.command);
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    const uncategorized = contributed.filter((c) => c.category !== 'Equation Discovery').map((c) => c.command);
    assert.deepEqual(uncategorized, [], `commands outside the "Equation Discovery" category: ${uncategorized.join(', ')}`);
  });

  it('contributes Open Results and Discover Equation to the command palette', () => {
    const titles = Object.fromEntries(contributedCommands().map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles['equationDiscovery.openResults'], 'Equation Discovery: Open Results');
    assert.equal(titles['equationDiscovery.discover'], 'Equation Discovery: Discover Equation');
  });

  it('opens the results webview panel titled "Equation Discovery"', async () => {
    await vscode.commands.executeCommand('equationDiscovery.openResults');
    const tab = await until('a webview tab labelled "Equation Discovery"', () =>
      webviewTabs().find((t) => t.label === 'Equation Discovery'),
    );
    assert.equal(tab.label, 'Equation Discovery');
    await vscode.window.tabGroups.close(tab);
  });
});
