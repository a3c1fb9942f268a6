// Runs the integration suite in desktop VS Code through @vscode/test-electron, for machines that have
// VS Code (or may download it). Not used on the offline build machine, where `npm run test:integration`
// runs the same suite in code-server instead.
// Usage (after `npm run build`): node out/test/integration/runWithElectron.js
// VSCODE_EXECUTABLE_PATH=/path/to/code uses an installed VS Code instead of downloading one.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runTests } from '@vscode/test-electron';

function projectRoot(): string {
  let dir = __dirname;
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'equation-discovery') {
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`no equation-discovery package.json above ${__dirname}`);
}

async function main(): Promise<void> {
  const root = projectRoot();
  const extensionTestsPath = join(root, 'out/test/integration/index.js');
  if (!existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
  const workspace = mkdtempSync(join(tmpdir(), 'equation-discovery-it-'));
  cpSync(join(root, 'data/samples'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
      ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
