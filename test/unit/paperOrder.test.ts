import assert from 'node:assert/strict';
import { comparePapers } from '../../src/core/paperOrder';
import { PaperIndex } from '../../src/core/search/paperIndex';
import { groupByTopic } from '../../src/core/topics/groupByTopic';
import type { Paper } from '../../src/core/types';
import { makePaper } from './citations/fixtures';

const paper = (id: string, title: string, published: string | null, upvotes: number | null): Paper =>
  makePaper({ id, key: id, title, published, upvotes, abstract: `A study of sparse attention kernels (${title}).`, topics: ['Attention'] });

/** Papers with ties on every field some order reads: dates, upvotes, titles that differ only in case. */
const PAPERS: Paper[] = [
  paper('p1', 'Zeta Attention', '2024-05-01', 3),
  paper('p2', 'alpha attention', '2024-05-01', 3),
  paper('p3', 'Beta Attention', '2024-05-01', null),
  paper('p4', 'Gamma Attention', null, 3),
  paper('p5', 'Alpha Attention', '2024-06-01', 9),
  paper('p6', 'Delta Attention', null, null),
];

const ids = (papers: readonly Paper[]): string[] => papers.map((entry) => entry.id);

describe('paper order: one order, ties included', () => {
  it('orders by date (undated last), by upvotes (unknown last) or by title; ties by title, then by id', () => {
    assert.deepEqual(ids([...PAPERS].sort(comparePapers('date'))), ['p5', 'p2', 'p3', 'p1', 'p6', 'p4']);
    assert.deepEqual(ids([...PAPERS].sort(comparePapers('upvotes'))), ['p5', 'p2', 'p4', 'p1', 'p3', 'p6']);
    assert.deepEqual(ids([...PAPERS].sort(comparePapers('title'))), ['p2', 'p5', 'p3', 'p6', 'p4', 'p1']);
  });

  it('is the same whatever order the papers come in', () => {
    for (const sort of ['date', 'upvotes', 'title'] as const) {
      const forward = ids([...PAPERS].sort(comparePapers(sort)));
      assert.deepEqual(ids([...PAPERS].reverse().sort(comparePapers(sort))), forward, sort);
    }
  });

  it('gives the same order in the Topics view and in a search with sort:date or sort:upvotes', () => {
    const index = PaperIndex.build(PAPERS);
    for (const sort of ['date', 'upvotes'] as const) {
      const tree = ids(groupByTopic(PAPERS, [], sort).find((group) => group.rule.name === 'Attention')?.papers ?? []);
      assert.equal(tree.length, PAPERS.length);
      assert.deepEqual(index.search(`attention sort:${sort}`, { limit: 50 }).map((result) => result.paper.id), tree, `a query, sort:${sort}`);
      assert.deepEqual(index.search(`topic:attention sort:${sort}`, { limit: 50 }).map((result) => result.paper.id), tree, `filters alone, sort:${sort}`);
    }
  });
});
