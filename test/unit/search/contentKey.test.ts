import assert from 'node:assert/strict';
import { papersContentKey } from '../../../src/core/search/contentKey';
import { bundledCorpus } from '../store/fakes';

describe('search: the content key a cached index is filed under', () => {
  const papers = bundledCorpus().papers;

  it('is the same for equal papers and differs when any field, the order or the count changes', () => {
    const key = papersContentKey(papers);
    assert.equal(papersContentKey(papers.map((paper) => ({ ...paper }))), key);
    assert.match(key, /^224-[0-9a-f]{16}$/);
    const changed = [
      papers.map((paper, at) => (at === 100 ? { ...paper, abstract: `${paper.abstract} ` } : paper)),
      papers.map((paper, at) => (at === 3 ? { ...paper, topics: [...paper.topics, 'Other'] } : paper)),
      papers.map((paper, at) => (at === 7 ? { ...paper, upvotes: (paper.upvotes ?? 0) + 1 } : paper)),
      [papers[1], papers[0], ...papers.slice(2)],
      papers.slice(1),
    ];
    const keys = new Set([key, ...changed.map(papersContentKey)]);
    assert.equal(keys.size, changed.length + 1);
  });
});
