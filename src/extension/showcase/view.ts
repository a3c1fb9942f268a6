import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { CONTEXT_KEYS, VIEW_ID } from './ids';
import { filterMessage, findPaper, type ShowcaseNode } from './model';
import type { ShowcaseState } from './state';
import { ShowcaseTreeProvider } from './treeProvider';
import type { ShowcaseContextKeys } from './summary';

/** The Showcase tree view: its provider, the title-bar text about the filter, and the context keys of its menus. */
export class ShowcaseView extends Disposable {
  readonly provider: ShowcaseTreeProvider;
  readonly treeView: vscode.TreeView<ShowcaseNode>;
  private keys: ShowcaseContextKeys | undefined;
  private pendingKeys: Promise<void> = Promise.resolve();

  constructor(private readonly state: ShowcaseState) {
    super();
    this.provider = this.register(new ShowcaseTreeProvider(state));
    this.treeView = this.register(
      vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }),
    );
    // Subscribed after the provider, which drops its tree first, so `update` reads the new tree.
    const unsubscribe = state.onDidChange(() => this.update());
    this.register({ dispose: unsubscribe });
    this.update();
  }

  get contextKeys(): ShowcaseContextKeys | undefined {
    return this.keys;
  }

  /** Resolves once the context keys of the latest change are set. */
  settled(): Promise<void> {
    return this.pendingKeys;
  }

  /**
   * Shows a paper (by id or link) in the tree and selects it, clearing a filter that hides it. False when the
   * showcase has no such paper.
   */
  async reveal(ref: string, options: { focus?: boolean } = {}): Promise<boolean> {
    const paper = findPaper(ref);
    if (!paper) return false;
    if (!this.provider.tree.node(paper.id)) await this.state.setFilter('');
    const node = this.provider.tree.node(paper.id);
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: options.focus ?? false, expand: false });
    return true;
  }

  private update(): void {
    const tree = this.provider.tree;
    // The welcome text ("No paper of the showcase matches the filter") only shows while the message is empty, so
    // without matches the filter is named in the title bar instead.
    const text = filterMessage(tree);
    this.treeView.message = tree.count > 0 ? text : '';
    this.treeView.description = tree.count > 0 ? '' : text;
    const keys: ShowcaseContextKeys = {
      [CONTEXT_KEYS.filtered]: this.state.filtered,
      [CONTEXT_KEYS.grouping]: this.state.grouping,
    };
    this.keys = keys;
    this.pendingKeys = Promise.all(
      Object.entries(keys).map(([key, value]) => vscode.commands.executeCommand('setContext', key, value)),
    ).then(
      () => undefined,
      (error: unknown) => console.error('Equation Discovery: could not set the Showcase context keys', error),
    );
  }
}
