import * as vscode from 'vscode';
import { matchRanges } from './filter';
import { countText } from './grouping';
import type { GroupNode, PaperNode, ShowcaseTree } from './model';
import { paperDescription, paperTooltip } from './paperText';

const PAPER_ICON = new vscode.ThemeIcon('book');

export function groupTreeItem(node: GroupNode, tree: ShowcaseTree): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.label,
    // Collapsed by default; a filtered tree shows its few matches right away.
    tree.filter.text ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  item.description = countText(node.papers.length);
  item.tooltip = `${node.label}: ${countText(node.papers.length)}`;
  item.contextValue = 'paperGroup';
  return item;
}

export function paperTreeItem(node: PaperNode, tree: ShowcaseTree): vscode.TreeItem {
  const { paper } = node;
  const highlights = matchRanges(paper.title, tree.filter);
  const item = new vscode.TreeItem(
    highlights.length > 0 ? { label: paper.title, highlights } : paper.title,
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = paperDescription(paper);
  const tooltip = new vscode.MarkdownString(paperTooltip(paper));
  tooltip.supportHtml = false;
  tooltip.isTrusted = false;
  item.tooltip = tooltip;
  item.iconPath = PAPER_ICON;
  item.contextValue = 'paper';
  item.accessibilityInformation = { label: `${paper.title}, ${paperDescription(paper)}` };
  // No command: a click selects the paper (its tooltip has the details); opening its page in the browser is the
  // explicit Open Paper action, inline or in the context menu.
  return item;
}
