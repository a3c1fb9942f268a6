import assert from 'node:assert/strict';
import { isRunView, isToWebview } from '../../../src/shared/webviewProtocolChecks';
import { failedRun, gasRun, hubbleRun, liveRun } from '../../fixtures/webview/runs';

/** A copy of `value` with the field at `path` replaced (or removed, for undefined). */
function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

describe('Webview protocol: messages to the page', () => {
  it('accepts every run and update the results view is tested with', () => {
    for (const run of [hubbleRun, gasRun, failedRun, liveRun.run]) {
      assert.ok(isRunView(run), run.id);
      assert.ok(isToWebview({ type: 'showRun', run }), run.id);
      assert.ok(isToWebview({ type: 'showRun', run, selectedComplexity: 3 }), run.id);
    }
    for (const update of liveRun.updates) assert.ok(isToWebview(update), JSON.stringify(update).slice(0, 80));
    assert.ok(isToWebview({ type: 'showEmpty' }));
    assert.ok(isToWebview({ type: 'updateRelated', id: 'x', related: hubbleRun.related, description: 'galaxies' }));
  });

  it('refuses a run that misses a field the page reads, or has one of the wrong type', () => {
    const broken: [string, (string | number)[], unknown][] = [
      ['no front', ['front'], undefined],
      ['front not a list', ['front'], {}],
      ['a formula without its text', ['front', 0, 'text'], undefined],
      ['a formula without its constants', ['front', 0, 'constants'], undefined],
      ['constants of text', ['front', 0, 'constants'], ['424.7']],
      ['predictions of text', ['front', 0, 'predictions'], ['1', '2']],
      ['unknown status', ['status'], 'exploded'],
      ['no plotted rows', ['plotRows'], undefined],
      ['plotted target not numbers', ['plotRows', 'target'], [null, 'a']],
      ['feature names not text', ['features'], [1, 2]],
      ['no options', ['options'], undefined],
      ['range not a pair', ['featureRanges', 0], [1]],
      ['no id', ['id'], ''],
      ['stats missing', ['stats'], undefined],
      ['related paper without a title', ['related', 0, 'title'], undefined],
    ];
    for (const [what, path, replacement] of broken) {
      const run = withField(hubbleRun, path, replacement);
      assert.equal(isRunView(run), false, what);
      assert.equal(isToWebview({ type: 'showRun', run }), false, what);
    }
  });

  it('refuses updates without their fields, and junk, without throwing', () => {
    const update = liveRun.updates.find((u) => u.type === 'updateRun')!;
    assert.equal(isToWebview(withField(update, ['front'], undefined)), false);
    assert.equal(isToWebview(withField(update, ['stats'], 'fast')), false);
    assert.equal(isToWebview(withField(update, ['id'], 7)), false);
    assert.equal(isToWebview({ type: 'updateRelated', id: 'x' }), false);
    assert.equal(isToWebview({ type: 'showRun' }), false);
    assert.equal(isToWebview({ type: 'showRun', run: hubbleRun, selectedComplexity: -2 }), false);
    for (const junk of [undefined, null, 'showEmpty', 5, [], {}, { type: 'reload' }, { type: 'hasOwnProperty' }]) {
      assert.equal(isToWebview(junk), false, String(junk));
    }
  });
});
