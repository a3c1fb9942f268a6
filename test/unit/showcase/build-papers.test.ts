import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const root = join(__dirname, '../../..');
const script = join(root, 'scripts/build-papers.mjs');

function build(args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe('scripts/build-papers.mjs', function () {
  this.timeout(20000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'build-papers-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('produces exactly the checked-in data/papers.json', () => {
    const out = join(dir, 'papers.json');
    const run = build(['--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(join(root, 'data/papers.json'), 'utf8'));
  });

  const tags = (): { fields: string[]; methods: string[]; tags: Record<string, Record<string, unknown>> } =>
    parse(readFileSync(join(root, 'data/paper-tags.yml'), 'utf8'));

  function buildWithTags(edit: (t: ReturnType<typeof tags>) => void): { status: number | null; stderr: string } {
    const t = tags();
    edit(t);
    const file = join(dir, 'tags.yml');
    writeFileSync(file, stringify(t));
    return build(['--tags', file, '--out', join(dir, 'never.json')]);
  }

  it('fails loudly when a paper has no tags', () => {
    const run = buildWithTags((t) => {
      delete t.tags['https://arxiv.org/abs/2012.00111'];
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no entry in .* for https:\/\/arxiv\.org\/abs\/2012\.00111/);
  });

  it('fails loudly when a tag entry matches no paper', () => {
    const run = buildWithTags((t) => {
      t.tags['https://example.org/not-a-paper'] = { field: 'physics', methods: ['power law'], keywords: ['x'] };
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /entry https:\/\/example\.org\/not-a-paper matches no paper/);
  });

  it('fails loudly on a field or method outside the fixed lists', () => {
    const run = buildWithTags((t) => {
      const entry = t.tags['https://arxiv.org/abs/2012.00111']!;
      entry.field = 'astrology';
      entry.methods = ['crystal ball'];
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /field "astrology"/);
    assert.match(run.stderr, /method "crystal ball"/);
  });
});
