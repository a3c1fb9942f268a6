import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { ask } from './report';
import { searchSettingsFrom, SettingsError, type SearchSettings } from './searchSettings';
import { SECTION } from './settingForms';

export { SECTION } from './settingForms';
export { SettingsError, type SearchSettings } from './searchSettings';

/** The search settings of the workspace (or of `scope`), checked; throws `SettingsError` naming the bad setting. */
export function readSearchSettings(scope?: vscode.Uri): SearchSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return searchSettingsFrom((name) => config.get<unknown>(name), availableParallelism());
}

/** Shows a settings problem with a button that opens the setting. */
export async function reportSettingsError(error: SettingsError): Promise<void> {
  const open = 'Open Settings';
  const choice = await ask('error', `Equation Discovery: invalid setting ${error.setting}: ${error.message}.`, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', error.setting);
}
