import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSampleWorkspace,
  installExtensionFolder,
  startCodeServer,
  type RunningCodeServer,
} from '../../scripts/lib/code-server.mjs';
import { logsDir, runsDir, slug } from './paths';

export interface TestServerOptions {
  /** Names the scratch folder and the logs folder kept on failure. */
  name: string;
  /** Copy the built extension into the fresh extensions folder (default true). */
  installExtension?: boolean;
  /** Folder to open; default a fresh copy of the sample workspace (data/samples plus analysis.py). */
  workspace?: string;
  /** Extra user settings on top of the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and its extension host. */
  env?: Record<string, string>;
}

export interface TestServer extends RunningCodeServer {
  readonly name: string;
  /** Lines the harness adds to the kept logs (browser console errors, notes). */
  note(line: string): void;
  /**
   * Stops the server and removes its scratch folder. With `keepLogs`, first copies the server log, the
   * VS Code logs (extension host, renderer, ...) and the notes to test-results/logs/<name>/ and returns
   * that folder.
   */
  dispose(options?: { keepLogs?: boolean }): Promise<string | undefined>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes scratch folders left by test processes that were killed before they could clean up. */
function removeStaleRuns(): void {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(runsDir, name), { recursive: true, force: true });
  }
}

/** Starts code-server in a fresh scratch folder with fresh user data and extensions. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  removeStaleRuns();
  const runDir = join(runsDir, `${slug(options.name)}-${Date.now()}-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const notes: string[] = [];
  let server: RunningCodeServer;
  try {
    if (options.installExtension !== false) await installExtensionFolder(extensionsDir);
    const workspace = options.workspace ?? createSampleWorkspace(join(runDir, 'workspace'));
    server = await startCodeServer({
      runDir,
      workspace,
      extensionsDir,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
  } catch (e) {
    keepLogs(runDir, options.name, [`start failed: ${e instanceof Error ? e.message : String(e)}`]);
    rmSync(runDir, { recursive: true, force: true });
    throw e;
  }
  let disposed = false;
  return {
    ...server,
    name: options.name,
    note(line: string) {
      notes.push(`${new Date().toISOString()} ${line}`);
    },
    async dispose({ keepLogs: keep = false }: { keepLogs?: boolean } = {}) {
      if (disposed) return undefined;
      disposed = true;
      await server.stop();
      const kept = keep ? keepLogs(runDir, options.name, notes) : undefined;
      rmSync(runDir, { recursive: true, force: true });
      return kept;
    },
  };
}

function keepLogs(runDir: string, name: string, notes: string[]): string {
  const target = join(logsDir, slug(name));
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const copy = (from: string, to: string): void => {
    if (existsSync(from)) cpSync(from, join(target, to), { recursive: true });
  };
  copy(join(runDir, 'server.log'), 'server.log');
  copy(join(runDir, 'user-data/logs'), 'vscode-logs');
  copy(join(runDir, 'xdg-data/code-server/coder-logs'), 'coder-logs');
  if (notes.length) writeFileSync(join(target, 'harness.log'), notes.join('\n') + '\n');
  return target;
}
