import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AssociationMiner, associationsFromText, associationsToText, npmi } from '../../../src/core/search/associations';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { planQuery } from '../../../src/core/search/queryPlan';
import { DEFAULT_TUNING } from '../../../src/core/search/searchTypes';
import type { Paper } from '../../../src/core/types';

/** Mines `papers` (each a list of terms) with options that keep every pair seen twice. */
function mine(papers: string[][], window = 2): Map<string, Array<{ term: string; weight: number }>> {
  const miner = new AssociationMiner({ window, minPapers: 2, maxShare: 1, minPairPapers: 2, minScore: 0, perTerm: 8 });
  for (const terms of papers) {
    miner.startPaper();
    for (const term of terms) miner.addTerm(term);
  }
  return miner.result();
}

describe('word associations learned from the papers', () => {
  it('associates terms that stand near each other in several papers, and not terms that are only far apart', () => {
    const found = mine([
      ['smaller', 'compress', 'x1', 'x2', 'x3', 'x4', 'far'],
      ['compress', 'smaller', 'y1', 'y2', 'y3', 'y4', 'far'],
      ['other', 'words', 'here'],
      ['other', 'words', 'there'],
    ]);
    assert.deepEqual(found.get('smaller')?.map((entry) => entry.term), ['compress']);
    assert.ok(!(found.get('smaller') ?? []).some((entry) => entry.term === 'far'), 'outside the window');
    assert.ok((found.get('compress')?.[0].weight ?? 0) > 0.5, 'always together: a strong association');
  });

  it('computes NPMI: 1 when always together, 0 when independent, below 0 when apart', () => {
    assert.equal(npmi(10, 10, 10, 100), 1);
    assert.ok(Math.abs(npmi(25, 50, 50, 100)) < 1e-9);
    assert.ok(npmi(1, 50, 50, 100) < 0);
  });

  it('writes and reads its text form, and refuses a malformed one', () => {
    const found = mine([['a', 'b'], ['a', 'b'], ['c', 'd'], ['c', 'd']]);
    assert.deepEqual(associationsFromText(associationsToText(found)), found);
    assert.throws(() => associationsFromText('a\tb'), /malformed/);
    assert.throws(() => associationsFromText('a\tb 2'), /weight/);
  });

  it('mines the bundled papers at build time, keeps them through save and load, and widens descriptions but not names', () => {
    const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
    const index = PaperIndex.build(papers);
    assert.ok(index.vocabulary.associatedTerms > 500, `${index.vocabulary.associatedTerms} terms with associations`);
    const loaded = PaperIndex.load(index.save(), papers);
    assert.deepEqual(loaded.vocabulary.associationsOf('retrain'), index.vocabulary.associationsOf('retrain'));
    const [term] = index.vocabulary.associationsOf('retrain');
    assert.ok(term, 'retrain has associations');
    const described = planQuery('remove weights and retrain the network ', index.vocabulary, DEFAULT_TUNING, { typing: false });
    assert.ok(described.leaves.some((leaf) => index.vocabulary.associationsOf('retrain').some((entry) => entry.term === leaf.term && leaf.boost < 1)), 'a description reaches associated terms, at a lower weight');
    const named = planQuery('retrain ', index.vocabulary, DEFAULT_TUNING, { typing: false });
    assert.ok(!named.leaves.some((leaf) => leaf.term === term.term), 'a one-word query is looked up as typed');
  });
});
