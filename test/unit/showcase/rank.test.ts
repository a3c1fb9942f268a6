import assert from 'node:assert/strict';
import { PAPERS } from '../../../src/showcase/papers';
import { RELEVANCE_THRESHOLD, rankPapers } from '../../../src/showcase/rank';
import { POWER_LAW, RELEVANT, SATURATING, UNRELATED } from './queries';

describe('showcase ranking', () => {
  for (const c of RELEVANT) {
    it(`ranks the right paper first: ${c.name}`, () => {
      const results = rankPapers(c.query);
      assert.ok(results.length > 0, 'nothing relevant');
      assert.equal(results[0]!.paper.id, c.first, results.map((r) => `${r.score.toFixed(3)} ${r.paper.id}`).join('\n'));
    });
  }

  for (const c of UNRELATED) {
    it(`finds nothing for an unrelated run: ${c.name}`, () => {
      const results = rankPapers(c.query);
      assert.deepEqual(
        results.map((r) => `${r.score.toFixed(3)} ${r.paper.id}`),
        [],
      );
    });
  }

  it('says why, in words', () => {
    const [top] = rankPapers({ columns: ['halo_mass', 'HI_mass', 'environment'] });
    assert.match(top!.reasons[0]!, /^shares words: /);
    for (const word of ['hi', 'halo', 'mass', 'environment']) assert.ok(top!.reasons[0]!.includes(word), word);
  });

  it('names the formula shape when the paper found the same kind of law', () => {
    const [top] = rankPapers({ columns: ['M_bh', 'pitch_angle', 'v_max'], formula: POWER_LAW });
    assert.ok(top!.reasons.includes("formula is a power law, like this paper's scaling relation"), top!.reasons.join());
    const [growth] = rankPapers({ columns: ['time', 'OD600'], description: 'bacterial growth', formula: SATURATING });
    const saturating = (r: string): boolean => r.startsWith('formula is a saturating curve');
    assert.ok(growth!.reasons.some((r) => saturating(r) && r.endsWith("like this paper's saturating kinetics")));
  });

  it('shows spelled-out abbreviations with what the user wrote', () => {
    const [top] = rankPapers({ columns: ['Re', 'angle_of_attack', 'Cf'] });
    assert.ok(top!.reasons[0]!.includes('reynolds number (re)'), top!.reasons[0]);
  });

  it('returns scores in [threshold, 1], best first', () => {
    for (const c of RELEVANT) {
      const scores = rankPapers(c.query).map((r) => r.score);
      assert.ok(scores.every((s) => s >= RELEVANCE_THRESHOLD && s <= 1), scores.join(', '));
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    }
  });

  it('keeps weak matches out by the threshold only', () => {
    const query = { columns: ['invoice total', 'tax'] };
    assert.deepEqual(rankPapers(query), []);
    const all = rankPapers(query, { threshold: 0 });
    assert.ok(all.length > 0);
    assert.ok(all.every((r) => r.score > 0 && r.score < RELEVANCE_THRESHOLD));
    assert.ok(all[0]!.reasons[0]!.includes('total'));
  });

  it('needs a shared word: a formula shape alone relates nothing', () => {
    assert.deepEqual(rankPapers({ formula: POWER_LAW }, { threshold: 0 }), []);
    assert.deepEqual(rankPapers({ columns: ['x', 'y'], formula: POWER_LAW }, { threshold: 0 }), []);
  });

  it('normalises: repeating words or the query does not change scores', () => {
    const once = rankPapers({ columns: ['halo_mass', 'HI_mass', 'environment'] });
    const twice = rankPapers({ columns: ['halo_mass', 'HI_mass', 'environment', 'HI_mass', 'environment'] });
    assert.deepEqual(
      twice.map((r) => [r.paper.id, r.score.toFixed(6)]),
      once.map((r) => [r.paper.id, r.score.toFixed(6)]),
    );
  });

  it('judges columns and description each on their own, so cryptic columns do not hide a clear description', () => {
    const description = 'bacterial growth rate and substrate concentration';
    const described = rankPapers({ description });
    const cryptic = rankPapers({ columns: ['mu', 'S', 'K'], description });
    assert.equal(cryptic[0]?.paper.id, 'discovering-data-driven-microbial-growth-models');
    assert.ok(Math.abs(cryptic[0]!.score - described[0]!.score) < 1e-9);
  });

  it('honours a limit and ranks another paper list', () => {
    assert.equal(rankPapers({ columns: ['halo_mass', 'HI_mass', 'environment'] }, { limit: 1 }).length, 1);
    const two = PAPERS.slice(0, 2);
    const results = rankPapers({ columns: ['origin', 'destination', 'flow'] }, { papers: two });
    assert.deepEqual(
      results.map((r) => r.paper.id),
      ['distilling-human-mobility-models-with-symbolic'],
    );
  });

  it('finds every paper first from its own title', () => {
    for (const p of PAPERS) assert.equal(rankPapers({ description: p.title })[0]?.paper.id, p.id, p.title);
  });
});
