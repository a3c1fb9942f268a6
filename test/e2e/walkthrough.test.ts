import assert from 'node:assert/strict';
import { useWorkbench } from '../harness';

describe('Getting-started walkthrough', function () {
  this.timeout(200_000);
  const vs = useWorkbench();

  it('opens the bundled Hubble data and runs a discovery on it', async () => {
    const { page, workbench } = vs;
    await workbench.runCommand('Welcome: Open Walkthrough...');
    const picker = page.locator('.quick-input-widget .quick-input-box input');
    await picker.waitFor({ state: 'visible' });
    await picker.fill('Discover an equation');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Discover an equation' }).first().click();
    const walkthrough = page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first();
    await walkthrough.waitFor();
    await workbench.screenshot('walkthrough-1-open');

    await page.getByRole('button', { name: 'Open Sample Data' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'real-hubble-1929.csv' }).waitFor();
    const firstLine = page.locator('.editor-instance .view-lines .view-line').first();
    assert.match(await firstLine.innerText(), /^D,v$/);

    await walkthrough.click();
    await page.locator('.getting-started-step', { hasText: 'Run Discover Equation' }).first().click();
    await workbench.screenshot('walkthrough-2-discover-step');
    const step = page.locator('.getting-started-step.expanded', { hasText: 'Run Discover Equation' });
    await step.getByRole('button', { name: 'Discover Equation' }).click();
    await workbench.acceptQuickInput('(1/2)');
    await workbench.acceptQuickInput('(2/2)');
    const view = await workbench.webview();
    await view.locator('.front-table tbody tr').nth(1).waitFor({ timeout: 30_000 });
    assert.match(await view.locator('.run-title').innerText(), /v from D/);
    assert.match(await view.locator('.run-header').innerText(), /real-hubble-1929\.csv/);
    await workbench.screenshot('walkthrough-3-results');
    await view.getByRole('button', { name: 'Stop' }).click();
    await view.locator('.run-header .status-text', { hasText: 'Stopped' }).waitFor({ timeout: 10_000 });
  });
});
