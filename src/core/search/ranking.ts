import type MiniSearch from 'minisearch';
import type { Query, SearchResult as MiniSearchResult } from 'minisearch';
import type { Paper } from '../types';
import { SEARCH_FIELDS, type SearchField } from './indexOptions';
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
 * the long tail; only terms held by more than `titleOnlyShare` of the papers stay in the title fields.
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
  const titleOnly = new Set(plan.leaves.filter((_, at) => postings[at] > tuning.titleOnlyShare * index.vocabulary.papers).map((leaf) => leaf.term));
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
  // Query words are counted by position; a plan without words (related papers) counts each term as one.
  const wordCount = Math.max(plan.words.length, ...plan.leaves.flatMap((leaf) => leaf.words.map((word) => word + 1)));
  const coordination = coordinationWeights(plan, index.vocabulary, tuning.coordinationIdfPower);
  const weights = Array.from({ length: wordCount }, (_, word) => coordination[word] ?? 1);
  // What a paper matching each term earns toward each query word it stands for: all of the word for
  // the word's own term, a share for a weaker form of it (a completion, a typo, a synonym). Kept flat
  // (word, credit, word, credit, ...) so the filter, called for every paper matched, reads them by index
  // and makes no iterator or tuple per paper (at 10,000 papers it took 1.6x the time it took before issue 23).
  const credits = new Map<string, number[]>();
  for (const leaf of plan.leaves) {
    credits.set(leaf.term, leaf.words.flatMap((word) => [word, Math.min(1, leaf.boost / (plan.words[word]?.weight ?? leaf.boost)) ** tuning.expansionCreditPower]));
  }
  const earned = new Float64Array(wordCount);
  const top = new TopResults(limit);
  const query: Query = {
    combineWith: 'OR',
    tokenize: (term: string) => [term],
    processTerm: (term: string) => term,
    queries: plan.leaves.map((leaf) => ({
      queries: [leaf.term],
      boostTerm: () => leaf.boost,
      ...(titleOnly?.has(leaf.term)
        ? { fields: TITLE_FIELDS.filter((field) => !fields || fields.includes(field)) }
        : leaf.notInCompounds
          ? { fields: (fields ?? SEARCH_FIELDS).filter((field) => field !== 'compounds') }
          : {}),
    })),
  };
  const touched: number[] = [];
  const filter = (result: MiniSearchResult): boolean => {
    // Only the words this paper matched are visited and reset, so a common word's thousands of papers cost little each.
    let matched = 0;
    const terms = result.queryTerms;
    for (let at = 0; at < terms.length; at++) {
      const termCredits = credits.get(terms[at]);
      if (termCredits === undefined) continue;
      for (let pair = 0; pair < termCredits.length; pair += 2) {
        const word = termCredits[pair];
        const credit = termCredits[pair + 1];
        if (credit <= earned[word]) continue;
        if (earned[word] === 0) touched.push(word);
        matched += (credit - earned[word]) * weights[word];
        earned[word] = credit;
      }
    }
    const any = touched.length > 0;
    for (const word of touched) earned[word] = 0;
    touched.length = 0;
    const score = (result.score / Math.max(result.queryTerms.length, 1)) * (any ? matched : 1);
    const id = result.id as string;
    if (top.wouldTake(score) && accept(index.byId.get(id) as Paper)) top.offer({ id, score, terms: result.terms });
    return false;
  };
  const boostDocument = only ? (id: string): number => (only.has(id) ? 1 : 0) : undefined;
  index.miniSearch.search(query, { boost: { ...tuning.boost }, bm25: { ...tuning.bm25 }, filter, ...(fields ? { fields } : {}), ...(boostDocument ? { boostDocument } : {}) });
  return top.list();
}

/**
 * What each query word counts for when a paper matches it: its weight, times its idf over the mean
 * idf of the query's words to the power `power`, so the rare words of a long description ("bert",
 * "hashing") decide more than its common ones ("model", "training").
 */
function coordinationWeights(plan: QueryPlan, vocabulary: Vocabulary, power: number): number[] {
  if (power === 0 || plan.words.length < 2) return plan.words.map((word) => word.weight);
  const idf = plan.words.map((word) => Math.log((vocabulary.papers + 1) / (Math.max(1, vocabulary.papersWithTerm(word.meant)) + 0.5)));
  const mean = idf.reduce((sum, value) => sum + value, 0) / idf.length;
  return plan.words.map((word, at) => word.weight * (mean > 0 ? (Math.max(idf[at], 0) / mean) ** power : 1));
}
