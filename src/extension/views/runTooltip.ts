import { codeBlock, escapeMarkdown } from '../literal';
import { RUN_STATUS_LABELS } from '../../shared/webviewProtocol';
import { runDate, type RunSummary } from '../runs/runRecord';

/**
 * The hover text of a run in the Runs view, as Markdown: its title, status and date, and its best formula.
 * Titles hold column names, which come from the data file: they are escaped, and the formula is a code block.
 */
export function runTooltip(run: RunSummary): string {
  const parts = [`**${escapeMarkdown(run.title)}**`, escapeMarkdown(`${RUN_STATUS_LABELS[run.status]} · ${runDate(run.createdAt)}`)];
  if (run.best !== undefined) parts.push('Best formula:', codeBlock(run.best));
  return parts.join('\n\n');
}
