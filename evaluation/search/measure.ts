import type { Paper } from '../../src/core/types';
import type { Description, RelatedPair, TypoPair } from './querySets';

/** Ids of the papers a search returns for `query`, best first, at most `limit`. */
export type SearchIds = (query: string, limit: number) => string[];

/** Ids of the papers listed as related to `id`, best first, at most `limit`. */
export type RelatedIds = (id: string, limit: number) => string[];

/** Known-item figures: the share of queries whose paper ranks first, and the mean reciprocal rank in the first ten. */
export interface RankFigures {
  count: number;
  hitAt1: number;
  mrrAt10: number;
  /** Share of queries whose paper is in the first ten. */
  hitAt10: number;
  /** One line per query whose paper did not rank first. */
  misses: string[];
}

/** The one paper whose title starts with `title`; throws when none or several do, so a set cannot go stale silently. */
export function paperByTitle(papers: readonly Paper[], title: string): Paper {
  const found = papers.filter((paper) => paper.title.startsWith(title));
  if (found.length !== 1) throw new Error(`"${title}" names ${found.length} papers, not one`);
  return found[0];
}

/** The one paper with citation key `key`; throws when there is none. */
export function paperByKey(papers: readonly Paper[], key: string): Paper {
  const found = papers.find((paper) => paper.key === key);
  if (!found) throw new Error(`no paper has the key "${key}"`);
  return found;
}

/** hit@1, MRR@10 and hit@10 of `search` over queries whose target is named by the start of its title. */
export function rankFigures(papers: readonly Paper[], items: readonly Description[], search: SearchIds): RankFigures {
  let hits = 0;
  let inTen = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const item of items) {
    const target = paperByTitle(papers, item.title).id;
    const rank = search(item.query, 10).indexOf(target);
    if (rank === 0) hits++;
    if (rank >= 0) inTen++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank !== 0) misses.push(`"${item.query}" -> rank ${rank < 0 ? '>10' : rank + 1}`);
  }
  return { count: items.length, hitAt1: hits / items.length, mrrAt10: reciprocal / items.length, hitAt10: inTen / items.length, misses };
}

/** How far a misspelling finds what the correct spelling finds. */
export interface TypoFigures {
  count: number;
  /** Mean over pairs of |top 5 (typo) ∩ top 5 (correct)| / |top 5 (correct)|. */
  overlapAt5: number;
  /** Share of pairs whose first result is the same. */
  sameFirst: number;
  /** One line per pair whose top five differ. */
  differences: string[];
}

/** overlap@5 and same-first share of `search` over misspelled/correct pairs. */
export function typoFigures(pairs: readonly TypoPair[], search: SearchIds): TypoFigures {
  let overlap = 0;
  let sameFirst = 0;
  const differences: string[] = [];
  for (const pair of pairs) {
    const correct = search(pair.correct, 5);
    const typo = search(pair.typo, 5);
    const shared = correct.length === 0 ? (typo.length === 0 ? 1 : 0) : typo.filter((id) => correct.includes(id)).length / correct.length;
    overlap += shared;
    if (correct[0] === typo[0]) sameFirst++;
    if (shared < 1) differences.push(`"${pair.typo}" shares ${Math.round(shared * correct.length)} of ${correct.length} with "${pair.correct}"`);
  }
  return { count: pairs.length, overlapAt5: overlap / pairs.length, sameFirst: sameFirst / pairs.length, differences };
}

/** How well "related papers" lists the paper a reader would expect. */
export interface RelatedFigures {
  count: number;
  /** Share of pairs whose expected paper is in the first five related papers. */
  recallAt5: number;
  /** Mean reciprocal rank of the expected paper in the first ten. */
  mrrAt10: number;
  misses: string[];
}

/** recall@5 and MRR@10 of `related` over pairs named by citation key. */
export function relatedFigures(papers: readonly Paper[], pairs: readonly RelatedPair[], related: RelatedIds): RelatedFigures {
  let found = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const pair of pairs) {
    const from = paperByKey(papers, pair.from);
    const to = paperByKey(papers, pair.to);
    const rank = related(from.id, 10).indexOf(to.id);
    if (rank >= 0 && rank < 5) found++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank < 0 || rank >= 5) misses.push(`${pair.from} -> ${pair.to}: rank ${rank < 0 ? '>10' : rank + 1}`);
  }
  return { count: pairs.length, recallAt5: found / pairs.length, mrrAt10: reciprocal / pairs.length, misses };
}
