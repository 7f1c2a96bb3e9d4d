// The baselines the benchmark compares Paper Scout's search with, on the same queries.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Paper } from '../src/core/types';

/** A search function over a fixed corpus, returning at most `limit` papers. */
export type Searcher = (query: string, limit?: number) => Paper[];

/**
 * The naive scan: title and abstract lowercased once, then for each query every paper is checked for
 * each query word as a substring; papers are ranked by how many words they contain.
 */
export function naiveScan(papers: readonly Paper[]): Searcher {
  const texts = papers.map((paper) => `${paper.title}\n${paper.abstract}`.toLowerCase());
  return (query, limit = 20) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const hits: Array<[number, number]> = [];
    for (let doc = 0; doc < texts.length; doc++) {
      let count = 0;
      for (const word of words) if (texts[doc].includes(word)) count++;
      if (count > 0) hits.push([doc, count]);
    }
    hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return hits.slice(0, limit).map(([doc]) => papers[doc]);
  };
}

/** Fuse.js as extensions usually configure it: title and abstract, `ignoreLocation`, threshold 0.3. */
export function fuseSearch(papers: readonly Paper[]): Searcher {
  const fuse = new Fuse(papers, { keys: [{ name: 'title', weight: 2 }, 'abstract'], ignoreLocation: true, threshold: 0.3 });
  return (query, limit = 20) => fuse.search(query, { limit }).map((result) => result.item);
}

/**
 * MiniSearch with its default options (tokenizer, term processing, BM25, no stopwords, no stemming)
 * over title and abstract, searched as its documentation shows for search as you type:
 * `{ prefix: true, fuzzy: 0.2 }`, every other search option at its default.
 */
export function miniSearchDefaults(papers: readonly Paper[]): Searcher {
  const miniSearch = new MiniSearch<Paper>({ fields: ['title', 'abstract'] });
  miniSearch.addAll(papers);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return (query, limit = 20) =>
    miniSearch
      .search(query, { prefix: true, fuzzy: 0.2 })
      .slice(0, limit)
      .map((result) => byId.get(result.id) as Paper);
}
