import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Interpreters and compilers the format tests run the generated code with. A missing tool fails the test
 * (never skips it), saying which Debian package provides it.
 */
export interface Tool {
  readonly command: string;
  readonly debianPackage: string;
}

function works(command: string, probe: readonly string[]): boolean {
  const r = spawnSync(command, probe, { encoding: 'utf8', timeout: 60_000 });
  return r.error === undefined && r.status === 0;
}

export function findTool(candidates: readonly string[], probe: readonly string[], debianPackage: string, what: string): Tool {
  for (const command of candidates) if (works(command, probe)) return { command, debianPackage };
  throw new Error(
    `${what} not found (tried ${candidates.join(', ')}): install the Debian package ${debianPackage} ` +
      `(apt-get install --no-install-recommends ${debianPackage}; it is listed in .ci/apt-packages)`,
  );
}

export const tools = {
  python: (): Tool => findTool(['python3', '/usr/bin/python3'], ['-c', 'import numpy'], 'python3-numpy', 'python3 with numpy'),
  gcc: (): Tool => findTool(['gcc'], ['--version'], 'gcc', 'gcc'),
  gxx: (): Tool => findTool(['g++'], ['--version'], 'g++', 'g++'),
  rustc: (): Tool => findTool(['rustc', join(homedir(), '.cargo', 'bin', 'rustc')], ['--version'], 'rustc', 'rustc'),
  rscript: (): Tool => findTool(['Rscript'], ['--version'], 'r-base-core', 'Rscript'),
  octave: (): Tool => findTool(['octave-cli', 'octave'], ['--version'], 'octave', 'octave'),
};

/** Runs a command and returns its standard output; a non-zero exit throws with the standard error. */
export function run(command: string, args: readonly string[], options: { input?: string; cwd?: string } = {}): string {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    input: options.input,
    cwd: options.cwd,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (r.error !== undefined) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${r.status}:\n${r.stderr.slice(0, 4000)}\n${r.stdout.slice(0, 1000)}`);
  }
  return r.stdout;
}

/** A fresh temporary directory holding `files`, removed after `body`. */
export function withFiles<T>(files: Readonly<Record<string, string>>, body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'eqd-formats-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A number as printed by C, Python, Rust, R or Octave ("nan", "-nan", "inf", "Inf", "NaN", "NA"). */
export function parseNumber(text: string): number {
  const t = text.trim();
  if (/^[+-]?(nan|na)$/i.test(t)) return NaN;
  if (/^\+?inf(inity)?$/i.test(t)) return Infinity;
  if (/^-inf(inity)?$/i.test(t)) return -Infinity;
  const v = Number(t);
  if (t === '' || Number.isNaN(v)) throw new Error(`not a number: "${text}"`);
  return v;
}
