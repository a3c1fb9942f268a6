import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { MAX_POPULATIONS, OptionsError, resolveOptions, type LossName, type SearchOptions } from '../engine/options';
import { ask } from './report';

export const SECTION = 'equationDiscovery';

export interface SearchSettings {
  options: Partial<SearchOptions>;
  /** Worker threads, at most one per available core; undefined lets the search choose (cores - 1). */
  workers: number | undefined;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** Largest `populationSize`: far more than a search needs, small enough not to exhaust memory. */
export const MAX_POPULATION_SIZE = 1000;

function integerSetting(config: vscode.WorkspaceConfiguration, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = config.get<unknown>(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new SettingsError(`${SECTION}.${key}`, `must be an integer ${range}, but is ${JSON.stringify(value)}`);
  }
  return value;
}

/** The search settings of the workspace, checked; throws `SettingsError` naming the bad setting. */
export function readSearchSettings(scope?: vscode.Uri): SearchSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const operators = config.get<unknown>('operators');
  if (!Array.isArray(operators) || operators.some((o) => typeof o !== 'string')) {
    throw new SettingsError(`${SECTION}.operators`, `must be a list of operator names, but is ${JSON.stringify(operators)}`);
  }
  const timeLimit = config.get<unknown>('timeLimitSeconds');
  if (typeof timeLimit !== 'number' || !(timeLimit > 0)) {
    throw new SettingsError(`${SECTION}.timeLimitSeconds`, `must be a positive number, but is ${JSON.stringify(timeLimit)}`);
  }
  const loss = config.get<unknown>('loss');
  if (loss !== 'mse' && loss !== 'mae' && loss !== 'huber') {
    throw new SettingsError(`${SECTION}.loss`, `must be mse, mae or huber, but is ${JSON.stringify(loss)}`);
  }
  const options: Partial<SearchOptions> = {
    operators: operators as string[],
    timeLimitSeconds: timeLimit,
    loss: loss as LossName,
  };
  const maxSize = integerSetting(config, 'maxSize', 3);
  if (maxSize !== undefined) options.maxSize = maxSize;
  const populations = integerSetting(config, 'populations', 1, MAX_POPULATIONS);
  if (populations !== undefined) options.populations = populations;
  const populationSize = integerSetting(config, 'populationSize', 4, MAX_POPULATION_SIZE);
  if (populationSize !== undefined) options.populationSize = populationSize;
  const seed = integerSetting(config, 'seed', 0);
  if (seed !== undefined) options.seed = seed;
  const workers = integerSetting(config, 'workers', 0);
  try {
    resolveOptions(options, 100);
  } catch (error) {
    if (error instanceof OptionsError) {
      const setting = /operator/.test(error.message) ? 'operators' : 'search options';
      throw new SettingsError(`${SECTION}.${setting}`, error.message);
    }
    throw error;
  }
  // More threads than cores only slow the search down (and a workspace setting could ask for hundreds).
  return { options, workers: workers === undefined || workers === 0 ? undefined : Math.min(workers, availableParallelism()) };
}

/** Shows a settings problem with a button that opens the setting. */
export async function reportSettingsError(error: SettingsError): Promise<void> {
  const open = 'Open Settings';
  const choice = await ask('error', `Equation Discovery: invalid setting ${error.setting}: ${error.message}.`, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', error.setting);
}
