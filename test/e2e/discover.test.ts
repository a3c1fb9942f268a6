import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { projectRoot, useWorkbench, type Workbench, type WorkbenchSuite } from '../harness';

/** A workspace with the Hubble data, a Python script to insert into, and files with each kind of bad data. */
function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eqd-e2e-discover-'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(projectRoot, 'data', 'samples', 'real-hubble-1929.csv'), join(dir, 'hubble.csv'));
  writeFileSync(join(dir, 'model.py'), 'import numpy as np\n\n# The law found in the data:\n');
  const rows = (f: (i: number) => string, n = 12): string => Array.from({ length: n }, (_, i) => f(i + 1)).join('\n');
  writeFileSync(join(dir, 'words.csv'), `name,colour\n${rows((i) => `item${i},red`)}\n`);
  writeFileSync(join(dir, 'text-target.csv'), `x,y\n1,2\n2,4\n3,six\n4,8\n5,10\n6,12\n`);
  writeFileSync(join(dir, 'ragged.csv'), `x,y\n${rows((i) => (i % 2 ? `${i},${2 * i},7` : `${i}`))}\n`);
  writeFileSync(join(dir, 'few-rows.csv'), 'x,y\n1,2\n2,4\n3,6\n');
  writeFileSync(join(dir, 'constant.csv'), `x,y\n${rows((i) => `${i},5`)}\n`);
  writeFileSync(join(dir, 'duplicate.csv'), `x,x,y\n${rows((i) => `${i},${i},${3 * i}`)}\n`);
  // A sparse file: 1 GB long, no disk space used.
  writeFileSync(join(dir, 'huge.csv'), 'x,y\n');
  truncateSync(join(dir, 'huge.csv'), 1024 ** 3);
  writeFileSync(join(dir, 'gaps.csv'), `x,y\n${rows((i) => (i % 4 === 0 ? `${i},` : `${i},${3 * i + 1}`), 20)}\n`);
  return dir;
}

async function openFile(vs: WorkbenchSuite, name: string): Promise<void> {
  const { page } = vs;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

/** Accepts the column pickers' suggestions (target, then inputs) when they appear. */
async function acceptColumnPickers(workbench: Workbench): Promise<void> {
  await workbench.acceptQuickInput('(1/2)');
  await workbench.acceptQuickInput('(2/2)');
}

async function status(view: FrameLocator): Promise<string> {
  return (await view.locator('.run-header .status-text').innerText()).trim();
}

async function waitForStatus(view: FrameLocator, expected: string, timeoutMs: number): Promise<void> {
  await view.locator('.run-header .status-text', { hasText: expected }).waitFor({ timeout: timeoutMs });
}

/** Complexity and exact loss of each row of the front, read in one go. */
async function frontRows(view: FrameLocator): Promise<{ complexity: number; loss: number }[]> {
  return view.locator('.front-table tbody').evaluate((body) =>
    [...body.querySelectorAll('tr')].map((row) => ({
      complexity: Number(row.getAttribute('data-complexity')),
      loss: Number(row.children[1]?.getAttribute('title')),
    })),
  );
}

/** The extension's log file of the suite's server once it holds `containing` (waits up to 20 s). */
async function extensionLog(vs: WorkbenchSuite, containing: string): Promise<string> {
  const logs = join(vs.server.userDataDir, 'logs');
  const deadline = Date.now() + 20_000;
  let text = '';
  while (Date.now() < deadline) {
    const files = readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('Equation Discovery.log'));
    text = files.map((f) => readFileSync(join(logs, f), 'utf8')).join('\n');
    if (text.includes(containing)) return text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the extension's log never held ${containing}: ${text}`);
}

/** Text of the notifications on screen, joined. */
async function notifications(page: Page, containing: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let texts: string[] = [];
  while (Date.now() < deadline) {
    texts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
    const hit = texts.find((t) => containing.test(t));
    if (hit) return hit;
    await page.waitForTimeout(200);
  }
  throw new Error(`no notification matching ${containing} (shown: ${JSON.stringify(texts)})`);
}

async function clearNotifications(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const toasts = page.locator('.notifications-toasts .notification-toast');
  for (let i = 0; i < 10 && (await toasts.count()) > 0; i++) {
    await toasts.first().hover();
    await page.keyboard.press('Escape');
    await page.locator('.notifications-toasts .codicon-notifications-clear').first().click({ timeout: 1000 }).catch(() => undefined);
  }
}

describe('Discover Equation in the workbench', function () {
  this.timeout(300_000);
  const vs = useWorkbench({
    server: {
      name: 'e2e-discover',
      workspace: makeWorkspace(),
      settings: { 'equationDiscovery.timeLimitSeconds': 8, 'equationDiscovery.workers': 1 },
    },
  });

  it('finds the Hubble law in selected data and inserts it into a Python file', async () => {
    const { page, workbench } = vs;
    await openFile(vs, 'hubble.csv');
    await page.keyboard.press('Control+A');
    await workbench.screenshot('discover-1-data-selected');
    await workbench.runCommand('Equation Discovery: Discover Equation');
    await acceptColumnPickers(workbench);

    const view = await workbench.webview();
    await view.locator('.front-table tbody tr').first().waitFor({ timeout: 30_000 });
    await workbench.screenshot('discover-2-running');
    await waitForStatus(view, 'Finished', 60_000);
    assert.equal(await status(view), 'Finished');

    const best = view.locator('.front-table tbody tr.best');
    assert.equal(await best.count(), 1, 'one formula is marked best');
    const bestMath = best.locator('.katex').first();
    await bestMath.waitFor();
    // On 32 noisy rows the best trade-off is Hubble's law itself, not a longer formula bent through the noise.
    assert.match(await best.locator('td').first().innerText(), /^\s*3\s*$/);
    assert.match(await bestMath.innerText(), /475\.3/);
    await workbench.screenshot('discover-3-finished');
    await workbench.screenshotWebview('discover-3-results-view');

    await openFile(vs, 'model.py');
    await page.keyboard.press('Control+End');
    await page.locator('.tabs-container .tab', { hasText: 'Equation Discovery' }).first().click();
    // The best formula is selected by default, and still after the panel was hidden and shown again.
    const results = await workbench.webview();
    await results.locator('.front-table tbody tr.best[aria-selected="true"]').waitFor();
    await results.getByRole('button', { name: 'Insert into Editor' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'model.py' }).waitFor();
    const editorText = page.locator('.editor-instance .view-lines', { hasText: /fitted\sby/ });
    await editorText.waitFor({ timeout: 15_000 });
    const text = (await editorText.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /# v fitted by Equation Discovery on hubble\.csv \(lines 1–33\), 32 rows/);
    assert.match(text, /# loss 3\.11\de\+4 \(MSE\), complexity 3; fitted for D in \[0\.03235, 2\.006\]/);
    assert.match(text, /^v = (475\.\d+ \* D|D \* 475\.\d+)$/m);
    await workbench.screenshot('discover-4-inserted');
  });

  it('drops messages the results page may not send, logs them, and goes on', async () => {
    const { page, workbench } = vs;
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    await workbench.webview();
    // What a compromised page could post, then a message the page may send, whose effect shows that the ones
    // before it were handled.
    const hostile: unknown[] = [
      { type: 'runCommand', command: 'workbench.action.closeAllEditors' },
      { type: 'openLink', url: 'command:workbench.action.closeAllEditors' },
      { type: 'openLink', url: 'file:///etc/passwd' },
      { type: 'insert', complexity: '3; import os' },
      { type: 'copy', complexity: 3, format: 'shell' },
      'not a message',
      null,
      { type: '__proto__' },
    ];
    await workbench.postFromWebview([...hostile, { type: 'runCommand', command: 'equationDiscovery.describeDataset' }]);
    const describe = page.locator('.quick-input-widget .quick-input-box input');
    await describe.waitFor({ state: 'visible', timeout: 20_000 });
    await workbench.screenshot('hostile-messages-1-after');
    await page.keyboard.press('Escape');
    assert.deepEqual(await page.locator('.tabs-container .tab').allInnerTexts(), tabs, 'no editor was closed');

    // Each one is in the extension's log: its file, as the Output view shows it.
    const logged = await extensionLog(vs, '{"type":"__proto__"}');
    for (const message of hostile) {
      assert.ok(logged.includes(`not one it may send: ${JSON.stringify(message)}`), `${JSON.stringify(message)} is not logged:\n${logged}`);
    }
    await workbench.runCommand('Output: Show Output Channels...');
    const channel = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Equation Discovery' }).first();
    await channel.waitFor({ state: 'visible', timeout: 20_000 });
    await channel.click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 20_000 });
    await page.locator('.output-view .view-lines', { hasText: '{"type":"__proto__"}' }).waitFor({ timeout: 20_000 });
    await workbench.screenshot('hostile-messages-2-log');
    await page.locator('.output-view .view-lines').click();
    await workbench.runCommand('View: Hide Panel');
  });

  it('refuses a 1 GB file of no text from the Explorer at once, and starts nothing', async () => {
    const { page, workbench } = vs;
    await clearNotifications(page);
    await workbench.runCommand('File: Focus on Files Explorer');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'huge.csv' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await row.click({ button: 'right' });
    const item = page.locator('.context-view .action-label', { hasText: 'Discover Equation' }).first();
    await item.waitFor({ state: 'visible' });
    await item.hover();
    await item.click();
    const shown = await notifications(page, /Equation Discovery:/);
    assert.match(shown, /huge\.csv: this is not a text file \(it contains NUL bytes\)/);
    assert.equal(await page.locator('.quick-input-widget .quick-input-title', { hasText: '(1/2)' }).isVisible(), false);
    await workbench.screenshot('bad-data-huge.csv');
  });

  const badData: [string, RegExp, boolean][] = [
    ['words.csv', /words\.csv:2:1: no numeric columns: "name" has "item1" at line 2/, false],
    ['text-target.csv', /text-target\.csv:4:3: target "y" is not numeric: "six" is not a number/, true],
    ['ragged.csv', /ragged\.csv:2: a row with 3 fields where the header has 2; 12 rows have the wrong number of fields/, false],
    ['few-rows.csv', /few-rows\.csv: only 3 data rows; at least 5 are needed/, true],
    ['constant.csv', /constant\.csv: target "y" is constant \(5 in all 12 usable rows\)/, true],
    ['duplicate.csv', /duplicate\.csv:1:3: duplicate column name "x" \(columns 1 and 2\)/, false],
  ];
  for (const [file, message, pickers] of badData) {
    it(`explains what is wrong with ${file}`, async () => {
      const { page, workbench } = vs;
      await clearNotifications(page);
      await openFile(vs, file);
      await workbench.runCommand('Equation Discovery: Discover Equation');
      if (pickers) await acceptColumnPickers(workbench);
      const shown = await notifications(page, /Equation Discovery:/);
      assert.match(shown, message);
      await workbench.screenshot(`bad-data-${file}`);
    });
  }

  it('drops rows with missing values, says how many, and still runs', async () => {
    const { page, workbench } = vs;
    await clearNotifications(page);
    await openFile(vs, 'gaps.csv');
    await workbench.runCommand('Equation Discovery: Discover Equation');
    await acceptColumnPickers(workbench);
    const shown = await notifications(page, /rows? with missing values dropped/);
    assert.match(shown, /gaps\.csv: 5 rows with missing values dropped \(first at lines 5, 9, 13, 17, 21\)/);
    const view = await workbench.webview();
    await view.locator('.front-table tbody tr').first().waitFor({ timeout: 30_000 });
    await view.getByRole('button', { name: 'Stop' }).click();
    await workbench.screenshot('bad-data-gaps');
  });
});

describe('Stopping a long search in the workbench', function () {
  this.timeout(300_000);
  const vs = useWorkbench({
    server: {
      name: 'e2e-stop',
      workspace: makeWorkspace(),
      settings: { 'equationDiscovery.timeLimitSeconds': 600, 'equationDiscovery.workers': 1 },
    },
  });

  it('keeps the formulas found when a long search is stopped', async () => {
    const { workbench } = vs;
    await openFile(vs, 'hubble.csv');
    await workbench.runCommand('Equation Discovery: Discover Equation');
    await acceptColumnPickers(workbench);
    const view = await workbench.webview();
    await view.locator('.front-table tbody tr').nth(2).waitFor({ timeout: 30_000 });
    await workbench.screenshot('stop-1-running');
    const before = await frontRows(view);
    await view.getByRole('button', { name: 'Stop' }).click();
    await waitForStatus(view, 'Stopped', 10_000);
    const after = await frontRows(view);
    assert.ok(after.length >= 3, `only ${after.length} formulas after stopping`);
    // Polishing at the stop may make a formula dominated and drop it, but
    // nothing shown before may be lost: each earlier formula must be matched
    // or beaten by one at most as complex.
    for (const shown of before) {
      const kept = after.some((row) => row.complexity <= shown.complexity && row.loss <= shown.loss * (1 + 1e-9));
      assert.ok(kept, `lost complexity ${shown.complexity} (loss ${shown.loss}); after: ${JSON.stringify(after)}`);
    }
    await workbench.screenshot('stop-2-stopped');
  });

  it('brings the results back after the window reloads', async () => {
    const { page, workbench } = vs;
    await workbench.runCommand('Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    const view = await workbench.webview({ timeoutMs: 60_000 });
    await view.locator('.run-title', { hasText: 'v from D' }).waitFor({ timeout: 30_000 });
    assert.equal(await status(view), 'Stopped');
    assert.ok((await view.locator('.front-table tbody tr').count()) >= 3);
    await workbench.screenshot('stop-3-after-reload');
  });
});
