import assert from 'node:assert/strict';
import { useWorkbench } from '../harness';

describe('Results panel in the browser workbench', () => {
  const vs = useWorkbench();

  it('opens from the command palette and renders math with KaTeX', async () => {
    await vs.workbench.screenshot('workbench');
    await vs.workbench.runCommand('Equation Discovery: Open Results');

    const tab = vs.page.locator('.tabs-container .tab', { hasText: 'Equation Discovery' });
    await tab.first().waitFor({ state: 'visible', timeout: 15_000 });

    const view = await vs.workbench.webview();
    const math = view.locator('.katex').first();
    await math.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await math.innerText()).trim();
    assert.ok(text.length > 0, 'the .katex element has no visible text');

    await vs.workbench.screenshot('results-panel');
    await vs.workbench.screenshotWebview('results-webview');
  });

  it('loads the KaTeX fonts from the extension (allowed by the webview CSP)', async () => {
    await vs.workbench.runCommand('Equation Discovery: Open Results');
    const view = await vs.workbench.webview();
    await view.locator('.katex').first().waitFor({ state: 'visible', timeout: 30_000 });
    const faces = (await view
      .locator('body')
      .evaluate(
        '(async () => { await document.fonts.ready; return [...document.fonts].filter((f) => f.family.includes("KaTeX")).map((f) => f.family + " " + f.status); })()',
      )) as string[];
    assert.ok(faces.length > 0, 'the webview declares no KaTeX font faces');
    const failed = faces.filter((f) => f.endsWith(' error'));
    assert.deepEqual(failed, [], `KaTeX fonts failed to load: ${failed.join(', ')}`);
    assert.ok(
      faces.some((f) => f.endsWith(' loaded')),
      `no KaTeX font was loaded (${faces.join(', ')})`,
    );
  });
});
