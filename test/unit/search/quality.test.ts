import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { PaperIndex, type SearchTuning } from '../../../src/core/search/paperIndex';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { KNOWN_ITEMS } from '../../../evaluation/search/knownItems';
import { formatFigures, type QualityFigures, qualityFigures, type RankedSetFigures } from '../../../evaluation/figures';
import { paperByTitle, rankFigures, type SearchIds, typoFigures } from '../../../evaluation/search/measure';
import { DESCRIPTIONS, TYPO_PAIRS } from '../../../evaluation/search/querySets';
import { TUNING_DESCRIPTIONS } from '../../../evaluation/search/tuningDescriptions';
import { VOICED_DESCRIPTIONS } from '../../../evaluation/search/voicedDescriptions';
import { SPLIT_SEED, splitHalves } from '../../../evaluation/split';

/**
 * Floors, set from the held-out halves where a set has one (never tuned on; measured with the shipped
 * ranking on 2026-12-05: voiced descriptions hit@1 .882, MRR@10 .922, hit@10 .971), a rounding below, and
 * holding for both halves. The older sets have no held-out half and may not fall below their figures when
 * issue 23 began (known .983 / .989, descriptions .934 / .959, typos .947 / .912, related .763 / .521).
 */
const FLOOR = {
  known: { hitAt1: 0.982, mrrAt10: 0.988 },
  descriptions: { hitAt1: 0.934, mrrAt10: 0.959 },
  typos: { overlapAt5: 0.946, sameFirst: 0.911 },
  related: { recallAt5: 0.763, mrrAt10: 0.52 },
  voiced: { hitAt1: 0.88, mrrAt10: 0.92, hitAt10: 0.97 },
  // Descriptions in the same voices written later for tuning (2026-12-06); measured when written: hit@1 .888,
  // MRR@10 .918, hit@10 .975, and plain MiniSearch .900 / .924 / .988 on them: no margin over it is asked.
  laterVoiced: { hitAt1: 0.88, mrrAt10: 0.91, hitAt10: 0.97 },
};

const fixed = (value: number): string => value.toFixed(3);

describe('search quality (figures printed for every set, tuning and held-out halves; floors as below)', function () {
  this.timeout(60000);
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const searchWith = (tuning?: Partial<SearchTuning>): SearchIds => (query, limit) => index.search(query, { limit, tuning }).map((result) => result.paper.id);
  let figures: QualityFigures;
  before(async () => {
    figures = await qualityFigures(papers, index, 'both');
    console.log(`      quality figures (the same the bench JSON carries; split seed ${SPLIT_SEED}):`);
    for (const line of formatFigures(figures)) console.log(`        ${line}`);
  });

  it('known items: at least 50 queries, hit@1 and MRR@10 no worse than before', () => {
    assert.ok(KNOWN_ITEMS.length >= 50);
    const known = figures.knownItems;
    console.log(`      known items: floor ${FLOOR.known.hitAt1} / ${FLOOR.known.mrrAt10}; not first: ${known.misses?.join('; ') || 'none'}`);
    assert.ok(known.hitAt1 >= FLOOR.known.hitAt1, `hit@1 ${known.hitAt1}`);
    assert.ok(known.mrrAt10 >= FLOOR.known.mrrAt10, `MRR@10 ${known.mrrAt10}`);
  });

  it('descriptions in users\' own words: at least 40, hit@1 and MRR@10 at their floor', () => {
    assert.ok(DESCRIPTIONS.length >= 40);
    for (const item of DESCRIPTIONS) paperByTitle(papers, item.title);
    const described = figures.descriptions;
    console.log(`      descriptions: floor ${FLOOR.descriptions.hitAt1} / ${FLOOR.descriptions.mrrAt10}; not first: ${described.misses?.join('; ') || 'none'}`);
    assert.ok(described.hitAt1 >= FLOOR.descriptions.hitAt1, `hit@1 ${described.hitAt1}`);
    assert.ok(described.mrrAt10 >= FLOOR.descriptions.mrrAt10, `MRR@10 ${described.mrrAt10}`);
  });

  for (const half of ['tuning', 'heldOut'] as const) {
    it(`voiced descriptions, ${half} half: hit@1, MRR@10 and hit@10 no worse than the held-out floor, and above plain MiniSearch on the same index`, () => {
      assert.ok(VOICED_DESCRIPTIONS.length >= 150);
      const ours = figures.voicedDescriptions[half] as RankedSetFigures;
      assert.ok(ours.count >= 75 && ours.plain);
      assert.ok(ours.hitAt1 >= FLOOR.voiced.hitAt1, `hit@1 ${ours.hitAt1}`);
      assert.ok(ours.mrrAt10 >= FLOOR.voiced.mrrAt10, `MRR@10 ${ours.mrrAt10}`);
      assert.ok(ours.hitAt10 >= FLOOR.voiced.hitAt10, `hit@10 ${ours.hitAt10}`);
      assert.ok(ours.mrrAt10 > ours.plain.mrrAt10, 'the query plan beats plain MiniSearch');
    });
  }

  it('voiced descriptions written later, for tuning: at least 80, hit@1, MRR@10 and hit@10 at their floor', () => {
    assert.ok(TUNING_DESCRIPTIONS.length >= 80);
    const later = figures.tuningDescriptions;
    console.log(`      voiced descriptions written later: floor ${FLOOR.laterVoiced.hitAt1} / ${FLOOR.laterVoiced.mrrAt10} / ${FLOOR.laterVoiced.hitAt10}; not first: ${later.misses?.join('; ') || 'none'}`);
    assert.ok(later.hitAt1 >= FLOOR.laterVoiced.hitAt1, `hit@1 ${later.hitAt1}`);
    assert.ok(later.mrrAt10 >= FLOOR.laterVoiced.mrrAt10, `MRR@10 ${later.mrrAt10}`);
    assert.ok(later.hitAt10 >= FLOOR.laterVoiced.hitAt10, `hit@10 ${later.hitAt10}`);
  });

  it('typos: at least 30 pairs; a misspelling finds the first result of the correct spelling in its top 5', () => {
    assert.ok(TYPO_PAIRS.length >= 30);
    const search = searchWith();
    const typos = figures.typos;
    console.log(`      typo pairs: floor ${FLOOR.typos.overlapAt5} / ${FLOOR.typos.sameFirst}`);
    assert.ok(typos.overlapAt5 >= FLOOR.typos.overlapAt5 && typos.sameFirst >= FLOOR.typos.sameFirst);
    for (const pair of TYPO_PAIRS) {
      const [first] = search(pair.correct, 1);
      assert.ok(first, `"${pair.correct}" finds something`);
      assert.ok(search(pair.typo, 5).includes(first), `"${pair.typo}" finds the first result of "${pair.correct}"`);
    }
  });

  it('related papers: recall@5 and MRR@10 on hand-picked pairs no worse than before', () => {
    const related = figures.related;
    console.log(`      related pairs: floor ${FLOOR.related.recallAt5} / ${FLOOR.related.mrrAt10}`);
    assert.ok(related.recallAt5 >= FLOOR.related.recallAt5, `recall@5 ${related.recallAt5}`);
    assert.ok(related.mrrAt10 >= FLOOR.related.mrrAt10, `MRR@10 ${related.mrrAt10}`);
  });

  it('measures each ranking technique on its own (printed before/after; each one on by default helps)', () => {
    const voicedTuning = splitHalves(VOICED_DESCRIPTIONS).tuning;
    const variants: Array<[string, Partial<SearchTuning>]> = [
      ['all techniques on (the defaults)', {}],
      ['without the ML thesaurus', { synonymWeight: 0 }],
      ['without mined acronyms', { acronymWeight: 0 }],
      ['every field weighted 1', { boost: { title: 1, shortName: 1, abstract: 1, topics: 1, key: 1, compounds: 1, authors: 1, details: 1 } }],
      ['without typos of known words', { knownWordMaxEdits: 0 }],
      ['with pseudo-relevance feedback', { feedbackWeight: 0.2 }],
      ['without learned associations', { associationWeight: 0 }],
      ['without idf in the words matched', { coordinationIdfPower: 0 }],
      ['weaker forms count as the word', { expansionCreditPower: 0 }],
      ['without joined/negated/comparative forms', { compoundWeight: 0, negationWeight: 0, comparativeWeight: 0 }],
      ['joined forms also among hyphenated words', { joinedFormInCompounds: true }],
    ];
    const rows = variants.map(([name, tuning]) => {
      const search = searchWith(tuning);
      const known = rankFigures(papers, KNOWN_ITEMS, search);
      const described = rankFigures(papers, DESCRIPTIONS, search);
      const typos = typoFigures(TYPO_PAIRS, search);
      const voiced = rankFigures(papers, voicedTuning, search);
      console.log(
        `      ${name.padEnd(42)} known ${fixed(known.hitAt1)} / ${fixed(known.mrrAt10)}   descriptions ${fixed(described.hitAt1)} / ${fixed(described.mrrAt10)}   typos overlap@5 ${fixed(typos.overlapAt5)}   voiced (tuning half) ${fixed(voiced.hitAt1)} / ${fixed(voiced.mrrAt10)}`,
      );
      return known.mrrAt10 + described.mrrAt10 + typos.overlapAt5 + voiced.mrrAt10;
    });
    // Turning any technique off scores no better on the four sets together
    // (the tuning half of the voiced descriptions only: the held-out half never chooses a technique).
    // "No better" within 0.005, less than one query of any set moving one place. Feedback, off for speed
    // (searchTypes.ts), is printed but not held to it.
    for (let at = 1; at < rows.length; at++) if (!variants[at][0].startsWith('with pseudo')) assert.ok(rows[0] >= rows[at] - 0.005, `${variants[at][0]} scores higher than the defaults`);
  });
});
