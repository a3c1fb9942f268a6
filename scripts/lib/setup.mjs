// Set-up shared by `npm start`, `npm test` and `npm run package`:
//   0. the Debian packages of .ci/apt-packages are installed (see system-packages.mjs),
//   1. node_modules matches package-lock.json (`npm ci` otherwise),
//   2. the bundles in dist/ are current,
//   3. code-server (VS Code server + web workbench) is installed under .cache/.
// Plain Node ESM without third-party imports, so it can run before `npm ci`.
// Run alone with `node scripts/lib/setup.mjs [--no-code-server]`.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';
import { cacheDir, log, npm, npmCli, root, run, runOrThrow, seconds, withLock } from './util.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
// Published by the registry for code-server@4.100.3 (`npm view code-server@4.100.3 dist.integrity`).
export const CODE_SERVER_INTEGRITY =
  'sha512-q/Fh2DOxCRNhC/WiG/6sAhSKnj7ZACTVBaeeZ+rWjol//0FCbl/qg1ln5ecZ99jYcfqMxZZAyWcN+YBIo0DgpA==';

export const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'out/node/entry.js');
const codeServerMarker = join(codeServerDir, '.installed.json');

const depsStamp = join(root, 'node_modules/.equation-discovery-setup.json');
const buildStamp = join(cacheDir, 'build-stamp.json');

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * True when npm's hidden lockfile in node_modules lists exactly the packages of package-lock.json
 * (optional packages for other platforms may be absent). Lets a node_modules that `npm ci` or
 * `npm install` just produced be accepted without reinstalling it.
 */
function hiddenLockfileMatches() {
  const lock = readJson(join(root, 'package-lock.json'));
  const hidden = readJson(join(root, 'node_modules/.package-lock.json'));
  if (!lock?.packages || !hidden?.packages) return false;
  for (const [path, entry] of Object.entries(hidden.packages)) {
    if (lock.packages[path]?.version !== entry.version) return false;
  }
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.optional || entry.link) continue;
    if (!hidden.packages[path]) return false;
  }
  return true;
}

export async function ensureDependencies() {
  const lockfile = join(root, 'package-lock.json');
  const hash = sha256(lockfile);
  if (readJson(depsStamp)?.lockfile === hash && existsSync(join(root, 'node_modules'))) return;
  await withLock('npm-ci', async () => {
    if (readJson(depsStamp)?.lockfile === hash) return;
    if (existsSync(join(root, 'node_modules')) && hiddenLockfileMatches()) {
      log('setup', 'node_modules matches package-lock.json');
    } else {
      const started = Date.now();
      log('setup', existsSync(join(root, 'node_modules'))
        ? 'node_modules differs from package-lock.json: running npm ci'
        : 'node_modules is missing: running npm ci');
      await npm(['ci', '--no-audit', '--no-fund'], { cwd: root });
      log('setup', `npm ci done in ${seconds(started)}`);
    }
    writeFileSync(depsStamp, JSON.stringify({ lockfile: hash }) + '\n');
  });
}

/** Newest modification time (ms) of the files under the given paths. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) visit(join(p, name));
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

// Everything the bundles are made from (test/harness: the integration index imports from it; data: JSON
// imported by the sources).
const buildInputs = [
  'src',
  'webview',
  'media',
  'data',
  'test/integration',
  'test/harness',
  'scripts/build.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/**
 * Rebuilds dist/ (and the integration-test bundles) when a source is newer than the last build,
 * the last build was of the other mode, or `force` is set.
 */
export async function ensureBuild({ production = false, force = false } = {}) {
  const stamp = readJson(buildStamp);
  const mode = production ? 'production' : 'development';
  const upToDate =
    !force &&
    stamp?.mode === mode &&
    existsSync(join(root, 'dist')) &&
    newestMtime(buildInputs) <= stamp.sourcesMtime;
  if (upToDate) return false;
  const sourcesMtime = newestMtime(buildInputs);
  const args = [join(root, 'scripts/build.mjs')];
  if (production) args.push('--production');
  log('setup', `building (${mode})`);
  rmSync(buildStamp, { force: true });
  await runOrThrow(process.execPath, args, { cwd: root });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(buildStamp, JSON.stringify({ mode, sourcesMtime, builtAt: Date.now() }) + '\n');
  return true;
}

export function codeServerInstalled() {
  const marker = readJson(codeServerMarker);
  return marker?.version === CODE_SERVER_VERSION && marker?.integrity === CODE_SERVER_INTEGRITY && existsSync(codeServerEntry);
}

function ripgrepPath() {
  for (const p of [process.env.RIPGREP_PATH, '/usr/bin/rg', '/usr/local/bin/rg']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('ripgrep is not installed: run `sudo apt-get install ripgrep` (Debian) and try again.');
}

function nodeGypCli() {
  const p = join(dirname(npmCli()), '../node_modules/node-gyp/bin/node-gyp.js');
  if (!existsSync(p)) throw new Error(`node-gyp was not found at ${p}; it ships with npm, reinstall npm.`);
  return p;
}

/** Node's headers, so node-gyp compiles without downloading them. */
function nodeHeadersDir() {
  for (const prefix of [process.env.npm_config_nodedir, join(process.execPath, '../..'), '/usr']) {
    if (prefix && existsSync(join(prefix, 'include/node/node.h'))) return prefix;
  }
  throw new Error('Node.js headers were not found (include/node/node.h); on Debian install `libnode-dev` or the Node.js package that ships them.');
}

async function installCodeServer() {
  const started = Date.now();
  const logFile = join(cacheDir, `code-server-${CODE_SERVER_VERSION}-install.log`);
  const ripgrep = ripgrepPath();
  const headers = nodeHeadersDir();
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(logFile, '');
  log('setup', `installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (log: ${logFile})`);

  const download = mkdtempSync(join(cacheDir, 'download-'));
  try {
    await npm(['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', download, '--silent'], { cwd: download, output: logFile });
    const tarball = join(download, `code-server-${CODE_SERVER_VERSION}.tgz`);
    const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
    if (integrity !== CODE_SERVER_INTEGRITY) {
      throw new Error(`code-server tarball integrity mismatch: got ${integrity}, expected ${CODE_SERVER_INTEGRITY}`);
    }
    mkdirSync(codeServerDir, { recursive: true });
    await runOrThrow('tar', ['-xzf', tarball, '-C', codeServerDir, '--strip-components=1'], { output: logFile });
  } finally {
    rmSync(download, { recursive: true, force: true });
  }

  // Install scripts stay off: code-server's postinstall refuses root and its ripgrep one downloads from GitHub.
  for (const sub of ['.', 'lib/vscode', 'lib/vscode/extensions']) {
    log('setup', `npm install in code-server/${sub}`);
    await npm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save'], {
      cwd: join(codeServerDir, sub),
      output: logFile,
    });
  }

  log('setup', 'building argon2 from source');
  const argon2Dir = join(codeServerDir, 'node_modules/argon2');
  const preGyp = createRequire(join(argon2Dir, 'package.json')).resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
  await runOrThrow(process.execPath, [preGyp, 'rebuild', '--build-from-source', `--nodedir=${headers}`], {
    cwd: argon2Dir,
    env: { ...process.env, npm_config_node_gyp: nodeGypCli(), npm_config_nodedir: headers },
    output: logFile,
  });
  await runOrThrow(process.execPath, ['-e', 'require("argon2")'], { cwd: codeServerDir, output: logFile });

  // Optional natives: without them the server still runs, but Output/Log channels (spdlog), terminals
  // (node-pty) and the extension host watchdog are missing and the host logs errors about them.
  // node-gyp directly, not `npm rebuild`, which could take the project around .cache for its prefix.
  for (const name of ['@vscode/spdlog', 'native-watchdog', 'node-pty']) {
    log('setup', `building ${name}`);
    const ok = await run(process.execPath, [nodeGypCli(), 'rebuild', `--nodedir=${headers}`], {
      cwd: join(codeServerDir, 'lib/vscode/node_modules', name),
      output: logFile,
    });
    if (ok !== 0) log('setup', `warning: could not build ${name} (see ${logFile}); continuing without it`);
  }

  const rgTarget = join(codeServerDir, 'lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  mkdirSync(dirname(rgTarget), { recursive: true });
  copyFileSync(ripgrep, rgTarget);
  chmodSync(rgTarget, 0o755);
  symlinkSync('node_modules', join(codeServerDir, 'lib/vscode/node_modules.asar'));

  writeFileSync(
    codeServerMarker,
    JSON.stringify({ version: CODE_SERVER_VERSION, integrity: CODE_SERVER_INTEGRITY, installedAt: new Date().toISOString() }, null, 2) + '\n',
  );
  log('setup', `code-server ${CODE_SERVER_VERSION} installed in ${seconds(started)}`);
}

export async function ensureCodeServer() {
  if (codeServerInstalled()) return;
  await withLock(`code-server-${CODE_SERVER_VERSION}`, async () => {
    if (!codeServerInstalled()) await installCodeServer();
  });
}

/** Everything at once: Debian packages code-server needs, dependencies, build, code-server. */
export async function setup({ build = true, production = false, codeServer = true } = {}) {
  if (codeServer) await ensureSystemPackages({ forStart: true });
  await ensureDependencies();
  if (build) await ensureBuild({ production });
  if (codeServer) await ensureCodeServer();
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const started = Date.now();
  setup({ codeServer: !process.argv.includes('--no-code-server') }).then(
    () => log('setup', `ready in ${seconds(started)}`),
    (e) => {
      console.error(`[setup] ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
