import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { suggestPapers } from '../../../src/core/passage/suggest';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { cutAtRelevance } from '../../../src/core/search/relevanceCutoff';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { HELD_OUT_PASSAGES } from '../../../evaluation/passage/heldOutPassages';
import { placeCursor } from '../../../evaluation/passage/quality';
import { TUNING_PASSAGES } from '../../../evaluation/passage/tuningPassages';
import { WRITERS_PASSAGES } from '../../../evaluation/passage/writersPassages';
import { KNOWN_ITEMS } from '../../../evaluation/search/knownItems';
import { rankFigures, type SearchIds } from '../../../evaluation/search/measure';
import { DESCRIPTIONS } from '../../../evaluation/search/querySets';
import { VOICED_DESCRIPTIONS } from '../../../evaluation/search/voicedDescriptions';

describe('cutAtRelevance', () => {
  it('holds back what scores below a tenth of the best, keeping the given order', () => {
    const results = [{ id: 'a', score: 10 }, { id: 'b', score: 0.5 }, { id: 'c', score: 4 }, { id: 'd', score: 1 }];
    assert.deepEqual(cutAtRelevance(results), { shown: [results[0], results[2], results[3]], more: [results[1]] });
  });

  it('shows everything when nothing scores (a filter-only query) and nothing when there is nothing', () => {
    const unscored = [{ score: 0 }, { score: 0 }];
    assert.deepEqual(cutAtRelevance(unscored), { shown: unscored, more: [] });
    assert.deepEqual(cutAtRelevance([]), { shown: [], more: [] });
  });
});

describe('cutAtRelevance on the search quality sets (figures printed)', function () {
  this.timeout(60000);
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const full: SearchIds = (query, limit) => index.search(query, { limit }).map((result) => result.paper.id);
  const cut: SearchIds = (query, limit) => cutAtRelevance(index.search(query, { limit: 50 })).shown.slice(0, limit).map((result) => result.paper.id);
  const cutLength = (query: string): number => cutAtRelevance(index.search(query, { limit: 50 })).shown.length;

  for (const [name, set] of [['known items', KNOWN_ITEMS], ['descriptions', DESCRIPTIONS], ['voiced descriptions', VOICED_DESCRIPTIONS]] as const) {
    it(`keeps hit@1 and MRR@10 of the ${name}: the paper looked for is never held back`, () => {
      const before = rankFigures(papers, set, full);
      const after = rankFigures(papers, set, cut);
      console.log(`      ${name} (${set.length}): hit@1 ${before.hitAt1.toFixed(3)} -> ${after.hitAt1.toFixed(3)}, MRR@10 ${before.mrrAt10.toFixed(3)} -> ${after.mrrAt10.toFixed(3)}`);
      assert.equal(after.hitAt1, before.hitAt1);
      assert.equal(after.mrrAt10, before.mrrAt10);
    });
  }

  it('makes the lists of those sets shorter than the 50 rows they were padded to', () => {
    const lengths = [...KNOWN_ITEMS, ...DESCRIPTIONS, ...VOICED_DESCRIPTIONS].map((item) => cutLength(item.query));
    const sorted = [...lengths].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    console.log(`      rows shown per query: median ${median}, at most ${sorted[sorted.length - 1]}, at least ${sorted[0]} (of up to 50)`);
    assert.ok(median < 25, `median ${median}`);
  });

  it('ends "quantizaton" before the papers that only share a thesaurus word with it', () => {
    const { shown, more } = cutAtRelevance(index.search('quantizaton', { limit: 50 }));
    const titles = shown.map((result) => result.paper.title);
    assert.ok(titles.length >= 10 && titles.slice(0, 10).every((title) => /quanti|bit|precision/i.test(title) || title.startsWith('ComPEFT')), titles.slice(0, 10).join(' | '));
    for (const tail of ['Go Wider Instead of Deeper', 'Faster Algorithms for Text-to-Pattern Hamming Distances']) {
      assert.ok(!titles.includes(tail), `"${tail}" is shown`);
      assert.ok(more.some((result) => result.paper.title === tail), `"${tail}" is behind "show more"`);
    }
  });

  it('never holds back the paper a passage is about where its suggestions rank it in the first ten', async () => {
    let ranked = 0;
    for (const passage of [...TUNING_PASSAGES, ...HELD_OUT_PASSAGES, ...WRITERS_PASSAGES]) {
      const { text, cursor } = placeCursor(passage);
      const found = await suggestPapers(index, { text, languageId: passage.languageId, cursor }, 20);
      const results = found?.results ?? [];
      const rank = results.findIndex((result) => result.paper.key === passage.target);
      if (rank < 0 || rank >= 10) continue;
      ranked++;
      assert.ok(cutAtRelevance(results).shown.some((result) => result.paper.key === passage.target), `${passage.name}: ${passage.target} is held back`);
    }
    console.log(`      passages whose paper ranks in the first ten: ${ranked}, none held back`);
    assert.ok(ranked >= 100, `${ranked} passages rank their paper in the first ten`);
  });
});
