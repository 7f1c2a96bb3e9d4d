import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { PaperIndex, type SearchTuning } from '../../../src/core/search/paperIndex';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { KNOWN_ITEMS } from '../../../evaluation/search/knownItems';
import { paperByTitle, rankFigures, relatedFigures, type SearchIds, typoFigures } from '../../../evaluation/search/measure';
import { DESCRIPTIONS, RELATED_PAIRS, TYPO_PAIRS } from '../../../evaluation/search/querySets';

/**
 * The figures of the home-made index MiniSearch replaced, measured on these very sets before it was
 * deleted (commit "Search quality sets"). Search may not fall below them.
 */
const FLOOR = {
  known: { hitAt1: 0.966, mrrAt10: 0.98 },
  descriptions: { hitAt1: 0.918, mrrAt10: 0.944 },
  typos: { overlapAt5: 0.665, sameFirst: 0.618 },
  related: { recallAt5: 0.632, mrrAt10: 0.424 },
};

const fixed = (value: number): string => value.toFixed(3);

describe('search quality (figures printed; the floor is the engine MiniSearch replaced)', function () {
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
