import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { PaperIndex, type SearchTuning } from '../../../src/core/search/paperIndex';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { KNOWN_ITEMS } from '../../../evaluation/search/knownItems';
import { paperByTitle, rankFigures, relatedFigures, type SearchIds, typoFigures } from '../../../evaluation/search/measure';
import { DESCRIPTIONS, RELATED_PAIRS, TYPO_PAIRS } from '../../../evaluation/search/querySets';
import { VOICED_DESCRIPTIONS } from '../../../evaluation/search/voicedDescriptions';
import { SPLIT_SEED, splitHalves } from '../../../evaluation/split';

/**
 * Floors. The first four sets may not fall below their figures when issue 23 began (known items
 * .983 / .989, descriptions .934 / .959, typos .947 / .912, related .763 / .521; floors a rounding below). The voiced
 * descriptions' floor is set from their held-out half (measured .873 / .916, hit@10 .980) and holds
 * for both halves; the ranking was never tuned on the held-out half.
 */
const FLOOR = {
  known: { hitAt1: 0.982, mrrAt10: 0.988 },
  descriptions: { hitAt1: 0.934, mrrAt10: 0.958 },
  typos: { overlapAt5: 0.946, sameFirst: 0.911 },
  related: { recallAt5: 0.763, mrrAt10: 0.52 },
  voiced: { hitAt1: 0.87, mrrAt10: 0.91, hitAt10: 0.98 },
};

const fixed = (value: number): string => value.toFixed(3);

describe('search quality (figures printed for every set, tuning and held-out halves; floors as below)', function () {
  this.timeout(60000);
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const searchWith = (tuning?: Partial<SearchTuning>): SearchIds => (query, limit) => index.search(query, { limit, tuning }).map((result) => result.paper.id);

  it('known items: at least 50 queries, hit@1 and MRR@10 no worse than before', () => {
    assert.ok(KNOWN_ITEMS.length >= 50);
    const known = rankFigures(papers, KNOWN_ITEMS, searchWith());
    console.log(`      known items (${known.count}): hit@1 ${fixed(known.hitAt1)}, MRR@10 ${fixed(known.mrrAt10)} (floor ${FLOOR.known.hitAt1} / ${FLOOR.known.mrrAt10})`);
    if (known.misses.length) console.log(`        not first: ${known.misses.join('; ')}`);
    assert.ok(known.hitAt1 >= FLOOR.known.hitAt1, `hit@1 ${known.hitAt1}`);
    assert.ok(known.mrrAt10 >= FLOOR.known.mrrAt10, `MRR@10 ${known.mrrAt10}`);
  });

  it('descriptions in users\' own words: at least 40, hit@1 and MRR@10 no worse than before', () => {
    assert.ok(DESCRIPTIONS.length >= 40);
    for (const item of DESCRIPTIONS) paperByTitle(papers, item.title);
    const described = rankFigures(papers, DESCRIPTIONS, searchWith());
    const known = rankFigures(papers, KNOWN_ITEMS, searchWith());
    console.log(`      descriptions (${described.count}): hit@1 ${fixed(described.hitAt1)}, MRR@10 ${fixed(described.mrrAt10)} (floor ${FLOOR.descriptions.hitAt1} / ${FLOOR.descriptions.mrrAt10}); known items beside them: ${fixed(known.hitAt1)} / ${fixed(known.mrrAt10)}`);
    if (described.misses.length) console.log(`        not first: ${described.misses.join('; ')}`);
    assert.ok(described.hitAt1 >= FLOOR.descriptions.hitAt1, `hit@1 ${described.hitAt1}`);
    assert.ok(described.mrrAt10 >= FLOOR.descriptions.mrrAt10, `MRR@10 ${described.mrrAt10}`);
  });

  for (const [half, items] of Object.entries(splitHalves(VOICED_DESCRIPTIONS)) as Array<[string, typeof VOICED_DESCRIPTIONS]>) {
    it(`voiced descriptions, ${half} half: hit@1, MRR@10 and hit@10 no worse than the held-out floor, and above plain MiniSearch on the same index`, () => {
      assert.ok(VOICED_DESCRIPTIONS.length >= 150 && items.length >= 75);
      const ours = rankFigures(papers, items, searchWith());
      const plain = rankFigures(papers, items, (query, limit) => index.plainSearch(query, limit).map((result) => result.paper.id));
      const voices = [...new Set(items.map((item) => item.voice))].map((voice) => `${voice} ${fixed(rankFigures(papers, items.filter((item) => item.voice === voice), searchWith()).mrrAt10)}`);
      console.log(`      voiced descriptions, ${half} half of ${VOICED_DESCRIPTIONS.length} (seed ${SPLIT_SEED}), ${ours.count}: hit@1 ${fixed(ours.hitAt1)}, MRR@10 ${fixed(ours.mrrAt10)}, hit@10 ${fixed(ours.hitAt10)}; plain MiniSearch ${fixed(plain.hitAt1)} / ${fixed(plain.mrrAt10)} / ${fixed(plain.hitAt10)}; MRR@10 by voice: ${voices.join(', ')}`);
      assert.ok(ours.hitAt1 >= FLOOR.voiced.hitAt1, `hit@1 ${ours.hitAt1}`);
      assert.ok(ours.mrrAt10 >= FLOOR.voiced.mrrAt10, `MRR@10 ${ours.mrrAt10}`);
      assert.ok(ours.hitAt10 >= FLOOR.voiced.hitAt10, `hit@10 ${ours.hitAt10}`);
      assert.ok(ours.mrrAt10 > plain.mrrAt10, 'the query plan beats plain MiniSearch');
    });
  }

  it('typos: at least 30 pairs; a misspelling finds the first result of the correct spelling in its top 5', () => {
    assert.ok(TYPO_PAIRS.length >= 30);
    const search = searchWith();
    const typos = typoFigures(TYPO_PAIRS, search);
    console.log(`      typo pairs (${typos.count}): overlap@5 ${fixed(typos.overlapAt5)}, same first result ${fixed(typos.sameFirst)} (floor ${FLOOR.typos.overlapAt5} / ${FLOOR.typos.sameFirst})`);
    assert.ok(typos.overlapAt5 >= FLOOR.typos.overlapAt5 && typos.sameFirst >= FLOOR.typos.sameFirst);
    for (const pair of TYPO_PAIRS) {
      const [first] = search(pair.correct, 1);
      assert.ok(first, `"${pair.correct}" finds something`);
      assert.ok(search(pair.typo, 5).includes(first), `"${pair.typo}" finds the first result of "${pair.correct}"`);
    }
  });

  it('related papers: recall@5 and MRR@10 on hand-picked pairs no worse than before', () => {
    const related = relatedFigures(papers, RELATED_PAIRS, (id, limit) => index.related(id, limit).map((result) => result.paper.id));
    console.log(`      related pairs (${related.count}): recall@5 ${fixed(related.recallAt5)}, MRR@10 ${fixed(related.mrrAt10)} (floor ${FLOOR.related.recallAt5} / ${FLOOR.related.mrrAt10})`);
    assert.ok(related.recallAt5 >= FLOOR.related.recallAt5, `recall@5 ${related.recallAt5}`);
    assert.ok(related.mrrAt10 >= FLOOR.related.mrrAt10, `MRR@10 ${related.mrrAt10}`);
  });

  it('measures each ranking technique on its own (printed before/after; each one on by default helps)', () => {
    const variants: Array<[string, Partial<SearchTuning>]> = [
      ['all techniques on (the defaults)', {}],
      ['without the ML thesaurus', { synonymWeight: 0 }],
      ['without mined acronyms', { acronymWeight: 0 }],
      ['every field weighted 1', { boost: { title: 1, shortName: 1, abstract: 1, topics: 1, key: 1 } }],
      ['without typos of known words', { knownWordMaxEdits: 0 }],
      ['with pseudo-relevance feedback', { feedbackWeight: 0.3 }],
      ['without learned associations', { associationWeight: 0 }],
    ];
    const rows = variants.map(([name, tuning]) => {
      const search = searchWith(tuning);
      const known = rankFigures(papers, KNOWN_ITEMS, search);
      const described = rankFigures(papers, DESCRIPTIONS, search);
      const typos = typoFigures(TYPO_PAIRS, search);
      console.log(
        `      ${name.padEnd(34)} known ${fixed(known.hitAt1)} / ${fixed(known.mrrAt10)}   descriptions ${fixed(described.hitAt1)} / ${fixed(described.mrrAt10)}   typos overlap@5 ${fixed(typos.overlapAt5)}`,
      );
      return known.mrrAt10 + described.mrrAt10 + typos.overlapAt5;
    });
    // Turning any technique off (or feedback, which is off, on) scores no better on the three sets together.
    for (let at = 1; at < rows.length; at++) assert.ok(rows[0] >= rows[at] - 1e-9, `${variants[at][0]} scores higher than the defaults`);
  });
});
