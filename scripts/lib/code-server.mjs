// Starting and stopping code-server for `npm start` and the test harness, and installing the
// built extension into an extensions folder. Needs `setup()` to have run first.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { codeServerEntry, codeServerInstalled, CODE_SERVER_VERSION } from './setup.mjs';
import { cacheDir, root } from './util.mjs';

export { cacheDir, root, CODE_SERVER_VERSION };

/** User settings for a quiet, deterministic workbench (no welcome page, trust prompt, telemetry or updates). */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
};

export function readManifest() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** `publisher.name`, as VS Code identifies the extension. */
export function extensionId() {
  const m = readManifest();
  return `${m.publisher}.${m.name}`;
}

/**
 * The files `vsce package` would put in the .vsix (package.json, README, dist/**, ... as filtered by
 * .vscodeignore), relative to the project root.
 */
export async function packagedFiles() {
  const vsce = createRequire(join(root, 'package.json'))('@vscode/vsce');
  // vsce matches every file of the tree against every ignore pattern, which takes seconds with
  // code-server's files in .cache. List from a hard-linked copy of the tree without the folders that
  // can never be packaged instead: same .vscodeignore, same answer, a fraction of a second.
  const stage = mkdtempSync(join(cacheDir, 'package-files-'));
  try {
    linkTree(root, stage, new Set(['.cache', '.git', 'node_modules']));
    const files = await vsce.listFiles({ cwd: stage, packageManager: vsce.PackageManager.None });
    return files.map((f) => f.replace(/\\/g, '/')).sort();
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function linkTree(from, to, skip) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target);
      linkTree(source, target, new Set());
    } else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * Installs the built extension into `extensionsDir` the way VS Code unpacks a .vsix: the packaged
 * files copied into `<publisher>.<name>-<version>`. Returns that folder.
 */
export async function installExtensionFolder(extensionsDir) {
  const m = readManifest();
  if (!existsSync(join(root, m.main ?? 'dist/extension.js'))) {
    throw new Error(`${m.main} is missing: build the extension first (npm run build)`);
  }
  const target = join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
  rmSync(target, { recursive: true, force: true });
  for (const f of await packagedFiles()) {
    mkdirSync(dirname(join(target, f)), { recursive: true });
    copyFileSync(join(root, f), join(target, f));
  }
  return target;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = httpGet(new URL('/healthz', url), { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

function tail(text, lines = 30) {
  return text.split('\n').slice(-lines).join('\n');
}

/**
 * Starts code-server in its own process group on 127.0.0.1 and waits until it answers /healthz.
 * Without `port`, picks a free one (and another if it is taken before the server binds it).
 *
 * Folders: `runDir` holds config.yaml, the user data (with quiet settings) and server.log;
 * `extensionsDir` defaults to `<runDir>/extensions`.
 */
export async function startCodeServer({
  runDir,
  workspace,
  extensionsDir = join(runDir, 'extensions'),
  port,
  env = {},
  settings = {},
  startTimeoutMs = 60_000,
}) {
  if (!codeServerInstalled()) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed: run \`node scripts/lib/setup.mjs\` (or npm test / npm start, which run it)`);
  }
  const userDataDir = join(runDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2) + '\n');
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const options = { runDir, workspace, extensionsDir, userDataDir, config, env, startTimeoutMs };
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch({ ...options, port: port ?? (await freePort()) });
    } catch (e) {
      if (port !== undefined || !e.addressInUse || attempt >= 3) throw e;
    }
  }
}

async function launch({ runDir, workspace, extensionsDir, userDataDir, config, env, startTimeoutMs, port }) {
  const logFile = join(runDir, 'server.log');
  const url = `http://127.0.0.1:${port}`;
  const args = [
    codeServerEntry,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (workspace) args.push(workspace);

  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  // VS Code puts its IPC sockets in the temp folder and leaves them when killed. A short private
  // folder (socket paths are limited to ~100 characters) that is removed with the server.
  const tmp = mkdtempSync(join(tmpdir(), 'eqd-code-server-'));
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: runDir,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      // No marketplace requests; logs and state stay in runDir rather than the home folder.
      EXTENSIONS_GALLERY: '{}',
      XDG_DATA_HOME: join(runDir, 'xdg-data'),
      XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
      TMPDIR: tmp,
      ...env,
    },
  });
  closeSync(out);

  let exitCode = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? `signal ${signal}` : 'unknown');
      resolve(exitCode);
    });
  });
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // If this process dies without stopping the server, do not leave it (and its extension host) running.
  const onExit = () => {
    killGroup('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (exitCode === null) {
      killGroup('SIGTERM');
      let timer;
      const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => (timer = setTimeout(() => r(true), 5000)))]);
      clearTimeout(timer);
      if (timedOut) killGroup('SIGKILL');
    }
    // The extension host and its children are in the same group; make sure none outlive the server.
    killGroup('SIGKILL');
    await exited;
    rmSync(tmp, { recursive: true, force: true });
  };

  // Ready when this server says it listens (so a server of someone else on the port does not count)
  // and answers /healthz.
  const ownLog = () => readFileSync(logFile, 'utf8').slice(logStart);
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exitCode !== null) {
      await stop();
      const log = ownLog();
      const error = new Error(`code-server exited (${exitCode}) before answering ${url}/healthz. Last lines of ${logFile}:\n${tail(log)}`);
      error.addressInUse = /EADDRINUSE/.test(log);
      throw error;
    }
    if (ownLog().includes(`listening on ${url}/`) && (await healthy(url)) && exitCode === null) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(ownLog())}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    port,
    pid: child.pid,
    runDir,
    userDataDir,
    extensionsDir,
    logFile,
    workspace,
    exited,
    /** The workbench URL for a folder, with an optional `payload` (list of [key, value] pairs). */
    workbenchUrl({ folder = workspace, payload } = {}) {
      const q = [];
      if (folder) q.push(`folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`);
      if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${url}/${q.length ? `?${q.join('&')}` : ''}`;
    },
    /** A path on the server's machine as the workbench names it (for payload entries). */
    remoteUri(path) {
      return `vscode-remote://127.0.0.1:${port}${path}`;
    },
    stop,
  };
}

/** A small workspace to try the extension in: the sample CSV files and a Python script. */
export function createSampleWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  const samples = join(root, 'data/samples');
  if (existsSync(samples)) {
    for (const f of readdirSync(samples)) {
      if (f.endsWith('.csv')) copyFileSync(join(samples, f), join(dir, f));
    }
  }
  const script = join(dir, 'analysis.py');
  if (!existsSync(script)) {
    writeFileSync(
      script,
      [
        '"""Fits a straight line to Hubble\'s 1929 data: velocity against distance."""',
        'import csv',
        '',
        'with open("real-hubble-1929.csv", newline="") as f:',
        '    rows = list(csv.DictReader(f))',
        '',
        'columns = list(rows[0].keys())',
        'x = [float(r[columns[0]]) for r in rows]',
        'y = [float(r[columns[1]]) for r in rows]',
        'n = len(x)',
        'mx, my = sum(x) / n, sum(y) / n',
        'slope = sum((a - mx) * (b - my) for a, b in zip(x, y)) / sum((a - mx) ** 2 for a in x)',
        'print(f"{columns[1]} = {slope:.1f} * {columns[0]} + {my - slope * mx:.1f}")',
        '',
      ].join('\n'),
    );
  }
  return dir;
}

