// Small helpers shared by the scripts. Plain Node only: this runs before `npm ci`.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const cacheDir = join(root, '.cache');
export const resultsDir = join(root, 'test-results');

export function log(scope, message) {
  console.log(`[${scope}] ${message}`);
}

export function seconds(sinceMs) {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

/**
 * Runs a command and resolves with its exit code.
 * `output: 'inherit'` shows it; a file path collects stdout and stderr there instead.
 */
export function run(command, args, { cwd = root, env = process.env, output = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    let stdio = 'inherit';
    let chunks;
    if (output !== 'inherit') {
      stdio = ['ignore', 'pipe', 'pipe'];
      chunks = [];
    }
    const child = spawn(command, args, { cwd, env, stdio });
    if (chunks) {
      child.stdout.on('data', (d) => chunks.push(d));
      child.stderr.on('data', (d) => chunks.push(d));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (chunks) writeFileSync(output, Buffer.concat(chunks), { flag: 'a' });
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Like `run`, but throws with the tail of the collected output when the command fails. */
export async function runOrThrow(command, args, options = {}) {
  const code = await run(command, args, options);
  if (code !== 0) {
    let tail = '';
    if (options.output && options.output !== 'inherit') {
      try {
        tail = '\n' + readFileSync(options.output, 'utf8').split('\n').slice(-40).join('\n');
      } catch {
        // no output collected
      }
    }
    throw new Error(`\`${[command, ...args].join(' ')}\` failed with exit code ${code} (in ${options.cwd ?? root})${tail}`);
  }
}

/** npm's own CLI script, so npm can be run with this very Node and without a shell. */
export function npmCli() {
  if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) return process.env.npm_execpath;
  const candidates = [
    join(process.execPath, '../../lib/node_modules/npm/bin/npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  for (const c of candidates) {
    try {
      readFileSync(c);
      return c;
    } catch {
      // try the next one
    }
  }
  throw new Error('npm was not found next to this Node; install npm (it comes with Node.js).');
}

export function npm(args, options) {
  return runOrThrow(process.execPath, [npmCli(), ...args], options);
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Runs `fn` while holding a lock directory under .cache/locks, so two set-ups started at once
 * (two terminals, or another developer in the same tree) do not install into the same folder.
 * A lock left by a process that no longer exists is taken over.
 */
export async function withLock(name, fn, { waitMs = 20 * 60_000 } = {}) {
  const dir = join(cacheDir, 'locks', `${name}.lock`);
  mkdirSync(join(cacheDir, 'locks'), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // the owner may not have written its pid yet
      }
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > waitMs) {
        throw new Error(`timed out waiting for ${dir} (held by pid ${owner}); remove it if that process is gone`);
      }
      if (!announced) {
        log('setup', `waiting for another set-up to finish ${name} (pid ${owner})`);
        announced = true;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
