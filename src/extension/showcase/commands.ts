import * as vscode from 'vscode';
import type { Grouping } from './grouping';
import { COMMANDS } from './ids';
import { notify } from '../report';
import { externalLink } from '../../shared/webLink';
import { citation } from './paperText';
import { linkOfArgument, paperOfArgument } from './resolve';
import type { ShowcaseState } from './state';
import { summarize, TOTAL_PAPERS, type ShowcaseSummary } from './summary';
import type { ShowcaseView } from './view';

export const FILTER_PLACEHOLDER = 'Filter by words in titles, abstracts and tags';

/** The Showcase commands of the manifest, plus `reveal` for other parts of the extension. */
export function registerShowcaseCommands(state: ShowcaseState, view: ShowcaseView): vscode.Disposable {
  const summary = async (): Promise<ShowcaseSummary> => {
    await view.settled();
    return summarize(view.provider.tree, view.contextKeys);
  };
  const group = (grouping: Grouping) => async (): Promise<ShowcaseSummary> => {
    await state.setGrouping(grouping);
    return summary();
  };

  const registrations = [
    // With a string argument (other code, tests) the filter is set without asking.
    vscode.commands.registerCommand(COMMANDS.filter, async (text?: unknown): Promise<ShowcaseSummary> => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: 'Filter Showcase',
              value: state.filter,
              placeHolder: FILTER_PLACEHOLDER,
              prompt: `Shows the papers that have every word; leave empty to show all ${TOTAL_PAPERS}.`,
            });
      if (value !== undefined) await state.setFilter(value);
      return summary();
    }),
    vscode.commands.registerCommand(COMMANDS.clearFilter, async (): Promise<ShowcaseSummary> => {
      await state.setFilter('');
      return summary();
    }),
    vscode.commands.registerCommand(COMMANDS.groupByField, group('field')),
    vscode.commands.registerCommand(COMMANDS.groupByYear, group('year')),
    vscode.commands.registerCommand(COMMANDS.openPaper, openPaper),
    vscode.commands.registerCommand(COMMANDS.copyCitation, copyCitation),
    vscode.commands.registerCommand(COMMANDS.reveal, (ref?: unknown, options?: { focus?: boolean }) => {
      const paper = paperOfArgument(ref);
      return paper ? view.reveal(paper.id, { focus: options?.focus === true }) : Promise.resolve(false);
    }),
  ];
  return vscode.Disposable.from(...registrations);
}

/** Opens a paper's page in the browser: only http and https links. Resolves with whether it was opened. */
async function openPaper(arg?: unknown): Promise<boolean> {
  const link = linkOfArgument(arg);
  const url = externalLink(link);
  if (!url) {
    notify(
      'error',
      link === undefined
        ? 'Equation Discovery: no paper to open.'
        : `Equation Discovery: "${link}" was not opened: only http and https links open in the browser.`,
    );
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}

/** Puts "Authors (year). Title. Link" on the clipboard; resolves with that text. */
async function copyCitation(arg?: unknown): Promise<string | undefined> {
  const paper = paperOfArgument(arg);
  if (!paper) {
    notify('error', 'Equation Discovery: no showcase paper to cite.');
    return undefined;
  }
  const text = citation(paper);
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(copy) Copied the citation of "${paper.title}"`, 4000);
  return text;
}
