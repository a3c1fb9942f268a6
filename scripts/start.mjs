// `npm start`: set-up, then code-server with the built extension and a sample workspace, until Ctrl+C.
// PORT=<n> picks the port (default: a free one).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setup } from './lib/setup.mjs';
import { alive, cacheDir, log, seconds } from './lib/util.mjs';

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`[start] PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}

const started = Date.now();
try {
  await setup();
} catch (e) {
  console.error(`[setup] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const { createSampleWorkspace, extensionId, installExtensionFolder, startCodeServer } = await import('./lib/code-server.mjs');

// One folder per running `npm start` (several may run in the same tree); those of ended runs are removed.
const startDir = join(cacheDir, 'start');
mkdirSync(startDir, { recursive: true });
for (const name of readdirSync(startDir)) {
  const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
  if (pid && !alive(pid)) rmSync(join(startDir, name), { recursive: true, force: true });
}
const runDir = join(startDir, `run-${process.pid}`);
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const extensionsDir = join(runDir, 'extensions');
const installed = await installExtensionFolder(extensionsDir);
log('start', `installed ${extensionId()} into ${installed}`);
const workspace = createSampleWorkspace(join(cacheDir, 'sample-workspace'));

let server;
try {
  server = await startCodeServer({ runDir, workspace, extensionsDir, port });
} catch (e) {
  console.error(`[start] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

log('start', `code-server ${server.pid} is up after ${seconds(started)}; log: ${server.logFile}`);
console.log('');
console.log(`  Open ${server.workbenchUrl()}`);
console.log('  Press Ctrl+C to stop.');
console.log('');

let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  log('start', `${signal}: stopping code-server`);
  await server.stop();
  rmSync(runDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

const code = await server.exited;
if (!stopping) {
  console.error(`[start] code-server exited on its own (${code}); see ${server.logFile}`);
  process.exit(1);
}
