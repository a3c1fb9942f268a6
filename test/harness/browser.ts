import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { cacheDir } from '../../scripts/lib/code-server.mjs';

/** Debian's chromium by default; CHROMIUM_PATH points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; fails with what to install when there is none. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. Install it (Debian: \`apt-get install chromium\`, see .ci/apt-packages) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable. Do not use `npx playwright install`: it downloads a browser.',
    );
  }
  // Chromium keeps crash-report state under the XDG folders; keep it in .cache rather than the home folder.
  const env = { ...process.env, XDG_CONFIG_HOME: join(cacheDir, 'chromium/config'), XDG_CACHE_HOME: join(cacheDir, 'chromium/cache') };
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true, timeout: 60_000, env });
}
