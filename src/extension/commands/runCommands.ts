import * as vscode from 'vscode';
import { isRunId } from '../../shared/runId';
import { isComplexity } from '../../shared/webviewProtocolChecks';
import { isRecord } from '../../shared/schema';
import { exportFront, insertFormula } from '../actions/formulaActions';
import { ask, notify } from '../report';
import { runDate, type RunRecord, type RunSummary } from '../runs/runRecord';
import { openSampleData } from '../input/sampleData';
import type { Services } from '../services';

/**
 * The run id a command argument names: the id itself, or `{ id }` (a Runs view item), or `{ runId }`.
 * Anything else is refused with a message, so that no other text reaches the run store.
 */
function runIdOf(arg: unknown): string | undefined {
  const id = isRecord(arg) ? (arg['runId'] ?? arg['id']) : arg;
  if (isRunId(id)) return id;
  const shown = (JSON.stringify(id) ?? String(id)).slice(0, 80);
  notify('warning', `Equation Discovery: ${shown} is not the id of a run.`);
  return undefined;
}

/** Says there is no run yet, offering to start one. */
async function noRunYet(): Promise<void> {
  const discover = 'Discover Equation';
  const choice = await ask('info', 'Equation Discovery: no run in this workspace yet.', discover);
  if (choice === discover) await vscode.commands.executeCommand('equationDiscovery.discover');
}

/** Lets the user pick a saved or running run; undefined when there is none or the user cancels. */
async function pickRun(services: Services, title: string): Promise<string | undefined> {
  const running = services.runs.running.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt, status: r.status }));
  const saved = (await services.store.list()).filter((s) => !running.some((r) => r.id === s.id));
  const runs: RunSummary[] = [...running, ...saved];
  if (runs.length === 0) {
    await noRunYet();
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    runs.map((r) => ({
      label: r.title,
      description: `${r.status} · ${runDate(r.createdAt)}`,
      ...(r.best ? { detail: r.best } : {}),
      id: r.id,
    })),
    { title, placeHolder: 'Choose a run', matchOnDetail: true },
  );
  return picked?.id;
}

export async function openPreviousRun(services: Services): Promise<void> {
  const id = await pickRun(services, 'Open Previous Run');
  if (id) services.results.show(id);
}

/** Opens the results of the run given, else of the current run (the empty view when there is none). */
export async function openResults(services: Services, runId?: unknown): Promise<void> {
  if (runId !== undefined) {
    const id = runIdOf(runId);
    if (id) services.results.show(id);
    return;
  }
  services.results.show((await services.currentRun.find())?.id);
}

export async function exportFrontCommand(services: Services): Promise<void> {
  const record = await services.currentRun.find();
  if (record) await exportFront(record);
  else await noRunYet();
}

/**
 * Inserts a formula of a run (the one given, else the current run) into the last code editor: by default the
 * formula selected in the results view, else the best one.
 */
export async function insertFormulaCommand(services: Services, args?: unknown): Promise<void> {
  const given = isRecord(args) ? args : {};
  let record: RunRecord | undefined;
  if (given['runId'] !== undefined) {
    const id = runIdOf(given['runId']);
    if (!id) return;
    record = await services.runs.get(id);
  } else {
    record = await services.currentRun.find();
  }
  if (!record || record.front.length === 0) {
    notify('info', 'Equation Discovery: no formula to insert yet; run Discover Equation first.');
    return;
  }
  const asked = isComplexity(given['complexity']) ? given['complexity'] : undefined;
  const complexity =
    asked ?? services.results.selectedComplexity(record.id) ?? record.front.find((f) => f.best)?.complexity;
  await insertFormula(record, complexity ?? record.front[record.front.length - 1]!.complexity, services.editors);
}

/** Stops the current running search. */
export async function stopSearch(services: Services): Promise<void> {
  const record = await services.currentRun.findRunning();
  if (!record) {
    notify('info', 'Equation Discovery: no search is running.');
    return;
  }
  services.runs.stop(record.id);
}

export async function deleteRun(services: Services, item?: unknown): Promise<void> {
  if (item === undefined) return;
  const id = runIdOf(item);
  if (!id) return;
  if (services.runs.isRunning(id)) {
    notify('warning', 'Equation Discovery: stop the search before deleting its run.');
    return;
  }
  services.runs.forget(id);
  await services.store.delete(id);
}

/** Asks for a new title of a run (a Runs view item, an id, or the current run); `title` skips the question. */
export async function renameRun(services: Services, item?: unknown, title?: unknown): Promise<void> {
  const record = item === undefined ? await services.currentRun.find() : await services.runs.get(runIdOf(item) ?? '');
  if (!record) {
    if (item === undefined) notify('info', 'Equation Discovery: there is no run to rename yet.');
    return;
  }
  const name =
    typeof title === 'string'
      ? title
      : await vscode.window.showInputBox({
          title: 'Rename Run',
          prompt: 'The name the Runs view and the results view show for this run',
          value: record.title,
          validateInput: (value) => (value.trim() ? undefined : 'A run needs a name.'),
        });
  const trimmed = name?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return;
  await services.runs.rename(record.id, trimmed.slice(0, 200));
}

/** Asks for a one-line description of the data of the current run, used to find related research. */
export async function describeDataset(services: Services, text?: unknown): Promise<void> {
  const record = await services.currentRun.find();
  if (!record) {
    notify('info', 'Equation Discovery: run a discovery first, then describe its data.');
    return;
  }
  const description =
    typeof text === 'string'
      ? text
      : await vscode.window.showInputBox({
          title: `Describe ${record.source.fileName}`,
          prompt: 'One line about the data, e.g. "rotation speed and luminosity of spiral galaxies"; used to find related research',
          value: record.description ?? '',
        });
  if (description === undefined) return;
  const trimmed = description.trim();
  await services.memory.update(record.sourceUri, { description: trimmed || undefined });
  await services.runs.describe(record.id, trimmed);
}

export async function openSample(context: vscode.ExtensionContext): Promise<string> {
  return (await openSampleData(context.extensionUri)).uri.toString();
}
