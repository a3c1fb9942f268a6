// Debian packages the set-up needs (listed in .ci/apt-packages): installs the missing ones with apt-get
// when it can (as root, or with sudo that asks no password), and otherwise stops with the one command that
// installs them. Plain Node only: this runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, root, runOrThrow } from './util.mjs';

export const aptPackagesFile = join(root, '.ci/apt-packages');

/** Packages of `.ci/apt-packages`: names before a `#`; a comment naming `start` marks what `npm start` needs. */
export function listedPackages(text = readFileSync(aptPackagesFile, 'utf8')) {
  return text.split('\n').flatMap((line) => {
    const [names, comment = ''] = line.split('#');
    return names.trim() ? names.trim().split(/\s+/).map((name) => ({ name, forStart: /\bstart\b/.test(comment) })) : [];
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Packages dpkg does not report as installed (all of them on a system without dpkg: nothing to check). */
export function missingPackages(packages) {
  if (!hasCommand('dpkg-query')) return [];
  return packages.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !/\binstall ok installed\b/.test(r.stdout);
  });
}

/** How apt-get can be run here without a prompt: directly (root), through password-less sudo, or not at all. */
function privilegePrefix() {
  if (process.getuid?.() === 0) return [];
  if (hasCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

/**
 * What to do about the missing packages: nothing, run apt-get (with `prefix` before it), or stop with the
 * command a person has to run. Pure, so the decision is tested without touching the system.
 */
export function planInstall(missing, { prefix, aptAvailable }) {
  if (missing.length === 0) return { action: 'none' };
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing];
  if (prefix && aptAvailable) return { action: 'install', steps: [[...prefix, 'apt-get', 'update', '-qq'], [...prefix, ...install]] };
  return {
    action: 'instruct',
    message: `these Debian packages are missing: ${missing.join(', ')}. Install them with\n  sudo apt-get update && sudo ${install.join(' ')}\nand run the command again.`,
  };
}

/**
 * Makes sure the listed Debian packages are installed: all of them for the tests, those marked
 * `# start` (what code-server needs) for `npm start`.
 */
export async function ensureSystemPackages({ forStart = false } = {}) {
  const wanted = listedPackages().filter((p) => !forStart || p.forStart).map((p) => p.name);
  const missing = missingPackages(wanted);
  const plan = planInstall(missing, { prefix: missing.length ? privilegePrefix() : undefined, aptAvailable: hasCommand('apt-get') });
  if (plan.action === 'none') return;
  if (plan.action === 'instruct') throw new Error(plan.message);
  log('setup', `installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const [command, ...args] of plan.steps) await runOrThrow(command, args, { env });
  const still = missingPackages(missing);
  if (still.length) throw new Error(`apt-get did not install ${still.join(', ')}`);
}
