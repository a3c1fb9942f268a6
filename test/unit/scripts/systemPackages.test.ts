import assert from 'node:assert/strict';
import { listedPackages, planInstall } from '../../../scripts/lib/system-packages.mjs';

describe('system packages of the set-up', () => {
  it('reads names and the start marker from the package list, ignoring comments', () => {
    const listed = listedPackages('# heading\nchromium\nripgrep   # start: search\n\ng++ make # start\n');
    assert.deepEqual(listed, [
      { name: 'chromium', forStart: false },
      { name: 'ripgrep', forStart: true },
      { name: 'g++', forStart: true },
      { name: 'make', forStart: true },
    ]);
  });

  it('lists what npm start needs in .ci/apt-packages: ripgrep and the compilers', () => {
    const forStart = listedPackages().filter((p) => p.forStart).map((p) => p.name);
    assert.deepEqual(forStart.sort(), ['g++', 'make', 'python3', 'ripgrep']);
    assert.ok(listedPackages().some((p) => p.name === 'chromium' && !p.forStart));
  });

  it('does nothing when nothing is missing', () => {
    assert.deepEqual(planInstall([], { prefix: undefined, aptAvailable: false }), { action: 'none' });
  });

  it('installs with apt-get as root or through sudo', () => {
    assert.deepEqual(planInstall(['ripgrep'], { prefix: [], aptAvailable: true }).steps, [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '--no-install-recommends', 'ripgrep'],
    ]);
    const sudo = planInstall(['ripgrep', 'chromium'], { prefix: ['sudo', '-n'], aptAvailable: true });
    assert.deepEqual(sudo.steps?.[1], ['sudo', '-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'ripgrep', 'chromium']);
  });

  it('prints the one command to run when it cannot install', () => {
    const plan = planInstall(['ripgrep', 'chromium'], { prefix: undefined, aptAvailable: true });
    assert.equal(plan.action, 'instruct');
    assert.match(plan.message ?? '', /missing: ripgrep, chromium/);
    assert.match(plan.message ?? '', /sudo apt-get update && sudo apt-get install -y --no-install-recommends ripgrep chromium/);
  });
});
