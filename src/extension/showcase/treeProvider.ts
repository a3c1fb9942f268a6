import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { buildTree, type ShowcaseNode, type ShowcaseTree } from './model';
import type { ShowcaseState } from './state';
import { groupTreeItem, paperTreeItem } from './treeItems';

/** Papers of the showcase in groups, following the grouping and filter of a `ShowcaseState`. */
export class ShowcaseTreeProvider extends Disposable implements vscode.TreeDataProvider<ShowcaseNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  private current: ShowcaseTree | undefined;

  constructor(private readonly state: ShowcaseState) {
    super();
    const unsubscribe = state.onDidChange(() => {
      this.current = undefined;
      this.changed.fire();
    });
    this.register({ dispose: unsubscribe });
  }

  /** The tree as currently shown; rebuilt after a change of grouping or filter. */
  get tree(): ShowcaseTree {
    this.current ??= buildTree(this.state.grouping, this.state.filter);
    return this.current;
  }

  getChildren(element?: ShowcaseNode): ShowcaseNode[] {
    if (!element) return [...this.tree.groups];
    return element.kind === 'group' ? [...element.papers] : [];
  }

  getParent(element: ShowcaseNode): ShowcaseNode | undefined {
    return element.kind === 'paper' ? element.parent : undefined;
  }

  getTreeItem(element: ShowcaseNode): vscode.TreeItem {
    return element.kind === 'group' ? groupTreeItem(element, this.tree) : paperTreeItem(element, this.tree);
  }
}
