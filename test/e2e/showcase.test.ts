import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { useWorkbench } from '../harness';
import { PAPERS, paperById } from '../../src/showcase';
import { filterPapers } from '../../src/extension/showcase/filter';
import { groupPapers } from '../../src/extension/showcase/grouping';
import { STATE_KEYS } from '../../src/extension/showcase/state';

const countText = (n: number): string => `${n} ${n === 1 ? 'paper' : 'papers'}`;

describe('Showcase view in the browser workbench', () => {
  const vs = useWorkbench();

  // The header's accessible label also carries the view's description, so the pane is found by its title.
  const pane = (): Locator =>
    vs.page.locator('.pane', { has: vs.page.locator('.pane-header h3.title', { hasText: /^Showcase$/ }) });
  const tree = (): Locator => pane().locator('.monaco-list[aria-label="Showcase"]');
  const rows = (): Locator => tree().locator('.monaco-list-row');
  /** The row whose accessible label starts with `label` (groups: "Cosmology: 4 papers"; papers: "Title, Author · year"). */
  const row = (label: string): Locator => tree().locator(`.monaco-list-row[aria-label^="${label.replace(/"/g, '\\"')}"]`);
  const message = (): Locator => pane().locator('.tree-explorer-viewlet-tree-view > .message');

  /** Title-bar actions show while the pointer is over the view's header. */
  async function titleAction(label: string): Promise<Locator> {
    await pane().locator('.pane-header').hover();
    const action = pane().locator(`.pane-header .actions a.action-label[aria-label="${label}"]`);
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    return action;
  }

  async function rowLabels(): Promise<string[]> {
    return rows().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  async function filterFromTitleBar(text: string): Promise<void> {
    await (await titleAction('Filter Showcase')).click();
    const input = vs.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await input.getAttribute('placeholder'), 'Filter by words in titles, abstracts and tags');
    await input.fill(text);
    await input.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    // The clear action appears once the filter is set, moving the actions after it: wait for the title bar
    // to settle, or the next click may land on whichever action has just moved under the pointer.
    await titleAction('Clear Showcase Filter');
  }

  it('opens from the activity bar with the papers grouped by field, collapsed, with counts', async () => {
    await vs.page.locator('.activitybar a.action-label[aria-label^="Equation Discovery"]').click();
    await vs.page.mouse.move(900, 450);
    await tree().waitFor({ state: 'visible', timeout: 30_000 });
    const expected = groupPapers(PAPERS, 'field').map((g) => `${g.label}: ${countText(g.papers.length)}`);
    await row(expected[0]!).waitFor({ state: 'visible', timeout: 30_000 });
    assert.deepEqual(await rowLabels(), expected);
    assert.deepEqual(
      await rows().evaluateAll((els) => els.map((e) => e.getAttribute('aria-expanded'))),
      expected.map(() => 'false'),
    );
    await vs.workbench.screenshot('showcase-by-field');
  });

  it('expands a group and shows a paper\'s details when the pointer rests on it', async () => {
    const cosmology = groupPapers(PAPERS, 'field').find((g) => g.key === 'cosmology')!;
    await row(`Cosmology: ${countText(cosmology.papers.length)}`).click();
    const paper = paperById('modeling-assembly-bias-with-machine-learning')!;
    const item = row(paper.title);
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await item.getAttribute('aria-label')) ?? '', new RegExp(`Digvijay Wadekar et al\\. · ${paper.year}$`));
    assert.equal(await item.locator('.label-description').innerText(), `Digvijay Wadekar et al. · ${paper.year}`);
    assert.equal(await item.locator('.custom-view-tree-node-item-icon.codicon-book').count(), 1);
    await vs.workbench.screenshot('showcase-group-expanded');

    // Hover the row where its title starts: hovering the title element itself would make playwright scroll the
    // too-long title inside its row, which no user does.
    await item.hover({ position: { x: 70, y: 11 } });
    // Other hovers (the activity bar's) may still be up: take the one about this paper.
    const hover = vs.page.locator('.monaco-hover, .workbench-hover').filter({ visible: true, hasText: paper.abstractText.slice(0, 40) }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await hover.innerText();
    assert.ok(text.includes(paper.title), text);
    assert.ok(text.includes(paper.authors.join(', ')), 'the tooltip lists all authors');
    assert.ok(text.includes(`${paper.year} · Cosmology`), 'the tooltip gives year and field');
    assert.ok(text.includes(`Methods: ${paper.methods.join(', ')}`), 'the tooltip lists the methods');
    assert.ok(text.includes(paper.abstractText.slice(0, 80)), 'the tooltip shows the abstract');
    assert.doesNotMatch(text, /\\|\$/, 'no escapes or LaTeX show in the tooltip');
    await vs.workbench.screenshot('showcase-tooltip');
    await vs.page.mouse.move(900, 450);
    await vs.page.keyboard.press('Escape');
  });

  it('filters from the title bar: matches shown and counted, Clear Filter offered', async () => {
    await filterFromTitleBar('galaxies');
    const matches = filterPapers(PAPERS, 'galaxies');
    await message().filter({ hasText: `Filtered: galaxies — ${countText(matches.length)}` }).waitFor({ timeout: 10_000 });
    // filtered groups open by themselves
    for (const p of matches) await row(p.title).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(
      (await rowLabels()).length,
      matches.length + groupPapers(matches, 'field').length,
    );
    await titleAction('Clear Showcase Filter');
    await vs.workbench.screenshot('showcase-filtered');
  });

  it('says when nothing matches, and clears from there', async () => {
    await filterFromTitleBar('xyzzy');
    const welcome = pane().getByText('No paper of the showcase matches the filter.');
    await welcome.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await rows().count(), 0);
    await vs.workbench.screenshot('showcase-no-match');
    await pane().getByRole('button', { name: 'Clear Filter' }).click();
    await welcome.waitFor({ state: 'hidden', timeout: 10_000 });
    await row(groupPapers(PAPERS, 'field')[0]!.label).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await message().isVisible(), false);
    await pane().locator('.pane-header').hover();
    assert.equal(await pane().locator('.pane-header a.action-label[aria-label="Clear Showcase Filter"]').count(), 0);
  });

  it('groups by year, newest first, and back by field', async () => {
    await (await titleAction('Group Showcase by Year')).click();
    const years = groupPapers(PAPERS, 'year').map((g) => `${g.label}: ${countText(g.papers.length)}`);
    await row(years[0]!).waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual((await rowLabels()).filter((l) => /^\d{4}:/.test(l)), years);
    await vs.workbench.screenshot('showcase-by-year');
    await (await titleAction('Group Showcase by Field')).click();
    await row(groupPapers(PAPERS, 'field')[0]!.label).waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('remembers the grouping and the filter when the window reloads', async () => {
    await vs.workbench.runCommand('Equation Discovery: Focus on Showcase View');
    await filterFromTitleBar('halo mass');
    await (await titleAction('Group Showcase by Year')).click();
    const matches = filterPapers(PAPERS, 'halo mass');
    const years = groupPapers(matches, 'year').map((g) => `${g.label}: ${countText(g.papers.length)}`);
    await row(years[0]!).waitFor({ state: 'visible', timeout: 10_000 });
    await vs.workbench.waitForStoredWorkspaceState(
      'the grouping and the filter',
      (state) => state[STATE_KEYS.grouping] === 'year' && state[STATE_KEYS.filter] === 'halo mass',
    );

    await vs.page.reload();
    await vs.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // The side bar comes back on the last container by itself, sometimes seconds after the workbench shows;
    // its activity bar icon toggles, so a click at the wrong moment would close it. The view's focus
    // command only ever opens it.
    await vs.workbench.runCommand('Equation Discovery: Focus on Showcase View');
    await message().filter({ hasText: `Filtered: halo mass — ${countText(matches.length)}` }).waitFor({ timeout: 30_000 });
    await row(years[0]!).waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual((await rowLabels()).filter((l) => /^\d{4}:/.test(l)), years);
    await vs.workbench.screenshot('showcase-after-reload');

    await (await titleAction('Clear Showcase Filter')).click();
    await (await titleAction('Group Showcase by Field')).click();
    await row(groupPapers(PAPERS, 'field')[0]!.label).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await message().isVisible(), false);
  });
});
