import { join } from 'node:path';
import { cacheDir, root } from '../../scripts/lib/code-server.mjs';

export const projectRoot = root;
/** Everything a test run leaves for people to look at. */
export const resultsDir = join(root, 'test-results');
export const screenshotsDir = join(resultsDir, 'screenshots');
/** Server and browser logs of failed runs. */
export const logsDir = join(resultsDir, 'logs');
/** Scratch folders of running servers (user data, extensions, workspace); removed when a server stops. */
export const runsDir = join(cacheDir, 'test-runs');

/** A file-name-safe form of a test or screenshot name. */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'unnamed'
  );
}
