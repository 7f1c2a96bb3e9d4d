import type MiniSearch from 'minisearch';
import type { Query, SearchResult as MiniSearchResult } from 'minisearch';
import type { Paper } from '../types';
import type { SearchField } from './indexOptions';
import type { QueryPlan } from './queryPlan';
import type { SearchTuning } from './searchTypes';
import { type Ranked, TopResults } from './topResults';
import type { Vocabulary } from './vocabulary';

/** What ranking reads: the MiniSearch index, the vocabulary beside it, and the papers by id. */
export interface RankingIndex {
  miniSearch: MiniSearch<Paper>;
  vocabulary: Vocabulary;
  byId: ReadonlyMap<string, Paper>;
}

/** The fields a common term is first looked for in when a query is over its postings budget. */
const TITLE_FIELDS: SearchField[] = ['title', 'shortName', 'key'];

/**
 * The best `limit` papers for a plan that `accept` takes, best first. When the plan's terms would
 * read more postings than `postingsBudget`, the most common terms are first matched in title, short
 * name and key only; the best `budgetPapers` of that pass are then scored in full (`boostDocument`
 * turns the rest away), so they get the scores a full search gives while MiniSearch skips scoring
 * the long tail; only terms held by more than `titleOnlyPapers` papers stay in the title fields.
 */
export function rankPlan(index: RankingIndex, plan: QueryPlan, limit: number, tuning: SearchTuning, accept: (paper: Paper) => boolean, fields?: SearchField[]): Ranked[] {
  const postings = plan.leaves.map((leaf) => index.vocabulary.papersWithTerm(leaf.term));
  let remaining = postings.reduce((sum, count) => sum + count, 0);
  if (remaining <= tuning.postingsBudget) return runPlan(index, plan, limit, tuning, accept, fields);
  const demoted = new Set<string>();
  for (const at of postings.map((_, position) => position).sort((a, b) => postings[b] - postings[a])) {
    if (remaining <= tuning.postingsBudget) break;
    demoted.add(plan.leaves[at].term);
    remaining -= postings[at];
  }
  const candidates = runPlan(index, plan, Math.max(limit, tuning.budgetPapers), tuning, accept, fields, demoted);
  const chosen = new Set(candidates.map((entry) => entry.id));
  // Terms most papers hold tell little outside titles and cost the most to read: they stay there.
  const titleOnly = new Set(plan.leaves.filter((_, at) => postings[at] > tuning.titleOnlyPapers).map((leaf) => leaf.term));
  return runPlan(index, plan, limit, tuning, (paper) => chosen.has(paper.id), fields, titleOnly, chosen);
}

/**
 * Runs a plan through MiniSearch: one query combination of the plan's terms with their boosts, and a
 * `filter` that applies the query's filters, multiplies by the query words each paper matched (as
 * MiniSearch multiplies by query terms, but three completions of one word do not outweigh two words;
 * words weigh what `wordWeights` says) and keeps the best `limit` as they come, so MiniSearch sorts
 * nothing. Terms in `titleOnly` are looked for in title, short name and key only; with `only`, papers
 * outside it are not scored at all.
 */
export function runPlan(
  index: RankingIndex,
  plan: QueryPlan,
  limit: number,
  tuning: SearchTuning,
  accept: (paper: Paper) => boolean,
  fields?: SearchField[],
  titleOnly?: ReadonlySet<string>,
  only?: ReadonlySet<string>,
): Ranked[] {
  // Query words as bits, so counting the words a paper matched allocates nothing per paper.
  const wordBits = new Map(plan.leaves.map((leaf) => [leaf.term, leaf.words.reduce((bits, word) => (word < 31 ? bits | (1 << word) : bits), 0)]));
  const weights = plan.words.map((word) => word.weight);
  const top = new TopResults(limit);
  const query: Query = {
    combineWith: 'OR',
    tokenize: (term: string) => [term],
    processTerm: (term: string) => term,
    queries: plan.leaves.map((leaf) => ({
      queries: [leaf.term],
      boostTerm: () => leaf.boost,
      ...(titleOnly?.has(leaf.term) ? { fields: TITLE_FIELDS.filter((field) => !fields || fields.includes(field)) } : {}),
    })),
  };
  const filter = (result: MiniSearchResult): boolean => {
    let bits = 0;
    for (const term of result.queryTerms) bits |= wordBits.get(term) ?? 0;
    const score = (result.score / Math.max(result.queryTerms.length, 1)) * (bits === 0 ? 1 : matchedWeight(bits, weights));
    const id = result.id as string;
    if (top.wouldTake(score) && accept(index.byId.get(id) as Paper)) top.offer({ id, score, terms: result.terms });
    return false;
  };
  const boostDocument = only ? (id: string): number => (only.has(id) ? 1 : 0) : undefined;
  index.miniSearch.search(query, { boost: { ...tuning.boost }, filter, ...(fields ? { fields } : {}), ...(boostDocument ? { boostDocument } : {}) });
  return top.list();
}

/** How much the query words a paper matched weigh together (their number, when every weight is 1). */
function matchedWeight(bits: number, weights: readonly number[]): number {
  let total = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) {
    const word = 31 - Math.clz32(rest & -rest);
    total += weights[word] ?? 1;
  }
  return total;
}
