import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAPERS, paperById } from '../../src/showcase';
import { filterPapers } from '../../src/extension/showcase/filter';
import { groupPapers } from '../../src/extension/showcase/grouping';
import type { GroupNode, PaperNode } from '../../src/extension/showcase/model';
import { citation, paperDescription } from '../../src/extension/showcase/paperText';
import { ShowcaseState, type StateStore } from '../../src/extension/showcase/state';
import type { ShowcaseSummary } from '../../src/extension/showcase/summary';
import { ShowcaseTreeProvider } from '../../src/extension/showcase/treeProvider';

const EXTENSION_ID = 'equation-discovery.equation-discovery';
const FILTERED = 'equationDiscovery.showcaseFiltered';
const GROUPING = 'equationDiscovery.showcaseGrouping';

const command = {
  filter: 'equationDiscovery.showcase.filter',
  clearFilter: 'equationDiscovery.showcase.clearFilter',
  groupByField: 'equationDiscovery.showcase.groupByField',
  groupByYear: 'equationDiscovery.showcase.groupByYear',
  openPaper: 'equationDiscovery.showcase.openPaper',
  copyCitation: 'equationDiscovery.showcase.copyCitation',
  reveal: 'equationDiscovery.showcase.reveal',
};

class MemoryStore implements StateStore {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

function run<T = ShowcaseSummary>(id: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(id, ...args));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The label of a tree item as text, whether it is a string or a TreeItemLabel. */
function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Showcase view', function () {
  this.timeout(30_000);

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    const registered = await vscode.commands.getCommands(true);
    assert.ok(
      registered.includes(command.filter),
      'the Showcase commands are not registered: is registerShowcase(context) called from activate?',
    );
  });

  after(async () => {
    await run(command.clearFilter);
    await run(command.groupByField);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  describe('tree data (a provider of its own over the real VS Code API)', () => {
    const fresh = (): { provider: ShowcaseTreeProvider; state: ShowcaseState } => {
      const state = new ShowcaseState(new MemoryStore());
      return { provider: new ShowcaseTreeProvider(state), state };
    };

    it('opens a paper only through its explicit Open Paper action, inline or in the context menu', () => {
    const ext = vscode.extensions.getExtension('equation-discovery.equation-discovery');
    assert.ok(ext);
    const menus = (ext.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string; group?: string }[]> } })
      .contributes.menus['view/item/context'] ?? [];
    const open = menus.filter((m) => m.command === command.openPaper && m.when?.includes('viewItem == paper'));
    assert.deepEqual(open.map((m) => m.group).sort(), ['1_open', 'inline']);
  });

  it('groups the 32 papers by field, collapsed, with counts, each paper pointing back to its group', () => {
      const { provider } = fresh();
      const groups = provider.getChildren() as GroupNode[];
      const expected = groupPapers(PAPERS, 'field');
      assert.deepEqual(
        groups.map((g) => g.label),
        expected.map((g) => g.label),
      );
      let papers = 0;
      for (const group of groups) {
        const item = provider.getTreeItem(group);
        assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
        const children = provider.getChildren(group) as PaperNode[];
        assert.equal(item.description, `${children.length} ${children.length === 1 ? 'paper' : 'papers'}`);
        assert.equal(labelOf(item), group.label);
        assert.equal(item.contextValue, 'paperGroup');
        assert.equal(provider.getParent(group), undefined);
        for (const child of children) assert.equal(provider.getParent(child), group);
        papers += children.length;
      }
      assert.equal(papers, 32);
    });

    it('makes paper items with title, "First Author et al. · year", a Markdown tooltip, an icon and an open command', () => {
      const { provider } = fresh();
      const groups = provider.getChildren() as GroupNode[];
      const nodes = groups.flatMap((g) => provider.getChildren(g) as PaperNode[]);
      const ids = new Set<string>();
      for (const node of nodes) {
        const item = provider.getTreeItem(node);
        assert.equal(labelOf(item), node.paper.title);
        assert.equal(item.description, paperDescription(node.paper));
        assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
        assert.equal(item.contextValue, 'paper');
        assert.ok(item.iconPath instanceof vscode.ThemeIcon);
        assert.equal(item.iconPath.id, 'book');
        assert.ok(item.tooltip instanceof vscode.MarkdownString);
        assert.notEqual(item.tooltip.isTrusted, true);
        assert.notEqual(item.tooltip.supportHtml, true);
        assert.match(item.tooltip.value, /^\*\*.+\*\*\n\n/);
        assert.equal(item.command, undefined, 'a click selects a paper and does not open it');
        assert.ok(item.id && !ids.has(item.id));
        ids.add(item.id);
      }
      assert.equal(ids.size, 32);
      const kidger = nodes.find((n) => n.paper.id === 'on-neural-differential-equations-section-6');
      assert.equal(kidger && provider.getTreeItem(kidger).description, 'Patrick Kidger · 2022');
    });

    it('groups by year, newest first, when the state says so, and tells the tree to refresh', async () => {
      const { provider, state } = fresh();
      let refreshed = 0;
      const listener = provider.onDidChangeTreeData(() => refreshed++);
      await state.setGrouping('year');
      listener.dispose();
      assert.equal(refreshed, 1);
      const groups = provider.getChildren() as GroupNode[];
      const years = groups.map((g) => Number(g.label));
      assert.deepEqual(years, [...years].sort((a, b) => b - a));
      assert.equal(years[0], Math.max(...PAPERS.map((p) => p.year)));
      for (const g of groups) {
        const children = provider.getChildren(g) as PaperNode[];
        assert.ok(children.every((c) => String(c.paper.year) === g.label));
        assert.equal(provider.getTreeItem(g).description, `${children.length} ${children.length === 1 ? 'paper' : 'papers'}`);
      }
      assert.equal(groups.reduce((n, g) => n + g.papers.length, 0), 32);
    });

    it('shows only matching papers when filtered, groups expanded and matching title words highlighted', async () => {
      const { provider, state } = fresh();
      await state.setFilter('galaxies');
      const groups = provider.getChildren() as GroupNode[];
      const shown = groups.flatMap((g) => provider.getChildren(g) as PaperNode[]);
      assert.deepEqual(
        shown.map((n) => n.paper.id).sort(),
        filterPapers(PAPERS, 'galaxies')
          .map((p) => p.id)
          .sort(),
      );
      assert.ok(shown.length >= 3);
      for (const g of groups) assert.equal(provider.getTreeItem(g).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const node = shown.find((n) => n.paper.id === 'modeling-the-galaxy-halo-connection-with')!;
      const label = provider.getTreeItem(node).label as vscode.TreeItemLabel;
      assert.deepEqual(
        label.highlights?.map(([s, e]) => label.label.slice(s, e)),
        ['galaxy'],
      );
      await state.setFilter('xyzzy');
      assert.deepEqual(provider.getChildren(), []);
      provider.dispose();
    });
  });

  describe('commands of the registered view', () => {
    beforeEach(async () => {
      await run(command.clearFilter);
      await run(command.groupByField);
    });

    it('groups by year and by field, and sets the grouping context key', async () => {
      const year = await run(command.groupByYear);
      assert.equal(year.grouping, 'year');
      assert.equal(year.contextKeys?.[GROUPING], 'year');
      assert.deepEqual(
        year.groups.map((g) => g.label),
        groupPapers(PAPERS, 'year').map((g) => g.label),
      );
      assert.equal(
        year.groups.reduce((n, g) => n + g.count, 0),
        32,
      );
      const field = await run(command.groupByField);
      assert.equal(field.grouping, 'field');
      assert.equal(field.contextKeys?.[GROUPING], 'field');
      assert.deepEqual(
        field.groups.map((g) => [g.label, g.count]),
        groupPapers(PAPERS, 'field').map((g) => [g.label, g.papers.length]),
      );
      assert.equal(field.shown, 32);
      assert.equal(field.total, 32);
    });

    it('filters with the text given as argument, sets the filtered context key, and clears', async () => {
      const filtered = await run(command.filter, '  halo   mass ');
      assert.equal(filtered.filter, 'halo mass');
      const expected = filterPapers(PAPERS, 'halo mass').map((p) => p.id);
      assert.ok(expected.length > 0 && expected.length < 32);
      assert.equal(filtered.shown, expected.length);
      assert.deepEqual(filtered.groups.flatMap((g) => g.paperIds).sort(), [...expected].sort());
      assert.equal(filtered.contextKeys?.[FILTERED], true);

      const stemmed = await run(command.filter, 'galaxies');
      assert.ok(stemmed.groups.flatMap((g) => g.paperIds).includes('discovery-of-a-planar-black-hole'));

      const cleared = await run(command.clearFilter);
      assert.equal(cleared.filter, '');
      assert.equal(cleared.shown, 32);
      assert.equal(cleared.contextKeys?.[FILTERED], false);
    });

    it('shows no item when nothing matches (the welcome view then says so), and an empty filter clears', async () => {
      const none = await run(command.filter, 'xyzzy plugh');
      assert.equal(none.shown, 0);
      assert.deepEqual(none.groups, []);
      assert.equal(none.contextKeys?.[FILTERED], true);
      const empty = await run(command.filter, '   ');
      assert.equal(empty.filter, '');
      assert.equal(empty.shown, 32);
      assert.equal(empty.contextKeys?.[FILTERED], false);
    });

    it('keeps the filter while the grouping changes', async () => {
      await run(command.filter, 'Wadekar');
      const byYear = await run(command.groupByYear);
      assert.equal(byYear.filter, 'Wadekar');
      assert.equal(byYear.shown, filterPapers(PAPERS, 'Wadekar').length);
      assert.ok(byYear.groups.every((g) => /^\d{4}$/.test(g.label)));
    });

    it('asks for the filter in an input box that holds the current filter', async () => {
      await run(command.filter, 'black holes');
      // Accepting the box unchanged keeps the filter it was opened with.
      const asked = run(command.filter);
      let answer: ShowcaseSummary | undefined;
      void asked.then((s) => (answer = s));
      for (let i = 0; i < 50 && !answer; i++) {
        await sleep(200);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const accepted = await asked;
      assert.equal(accepted.filter, 'black holes');
      assert.equal(accepted.shown, filterPapers(PAPERS, 'black holes').length);

      // Escape leaves the filter as it was.
      const dismissed = run(command.filter);
      let dismissedAnswer: ShowcaseSummary | undefined;
      void dismissed.then((s) => (dismissedAnswer = s));
      for (let i = 0; i < 50 && !dismissedAnswer; i++) {
        await sleep(200);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
      assert.equal((await dismissed).filter, 'black holes');
    });

    it('copies a citation to the clipboard', async () => {
      const paper = paperById('discovery-of-a-planar-black-hole')!;
      const expected = `Benjamin L. Davis, ${paper.authors.slice(1).join(', ')} (2023). ${paper.title}. https://arxiv.org/abs/2309.08986`;
      assert.equal(citation(paper), expected);
      const text = await run<string>(command.copyCitation, paper.id);
      assert.equal(text, expected);
      assert.equal(await vscode.env.clipboard.readText(), expected);

      // as the context menu calls it: with the tree node
      const other = PAPERS.find((p) => p.authors.length === 1)!;
      const node = { kind: 'paper', id: `showcase/paper/${other.id}`, paper: other };
      assert.equal(await run<string>(command.copyCitation, node), citation(other));
      assert.equal(await vscode.env.clipboard.readText(), `${other.authors[0]} (${other.year}). ${other.title}. ${other.link}`);
    });

    it('copies nothing for an argument that names no showcase paper', async () => {
      await vscode.env.clipboard.writeText('unchanged');
      assert.equal(await run<string | undefined>(command.copyCitation, 'no-such-paper'), undefined);
      assert.equal(await run<string | undefined>(command.copyCitation), undefined);
      assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
    });

    it('opens only http and https links', async () => {
      for (const bad of [
        { link: 'javascript:alert(1)' },
        { link: 'file:///etc/passwd' },
        'command:workbench.action.quit',
        'vscode://equation-discovery.equation-discovery/x',
        'no-such-paper',
        { link: 42 },
        undefined,
      ]) {
        assert.equal(await run<boolean>(command.openPaper, bad), false, JSON.stringify(bad));
      }
    });

    it('reveals a paper by id or link, clearing a filter that hides it', async () => {
      const paper = paperById('rediscovering-orbital-mechanics-with-machine-learning')!;
      assert.equal(await run<boolean>(command.reveal, paper.link), true);
      await run(command.filter, 'Wadekar');
      assert.equal(await run<boolean>(command.reveal, paper.id), true);
      const after = await run(command.groupByField);
      assert.equal(after.filter, '');
      assert.equal(await run<boolean>(command.reveal, 'no-such-paper'), false);
    });
  });
});
