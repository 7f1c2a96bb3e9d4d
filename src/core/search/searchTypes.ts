import type { SliceOptions } from '../slices';
import type { Paper } from '../types';
import { BM25, FIELD_BOOSTS, type SearchField } from './indexOptions';
import type { QueryFilters, QueryProblem } from './queryFilters';
import { DEFAULT_PLAN_TUNING, type PlanTuning } from './queryPlan';

/** One search hit: the paper, how well it matched, and an excerpt of the abstract around the match. */
export interface SearchResult {
  paper: Paper;
  score: number;
  snippet: string;
  /** Index terms the query matched in the paper (stems, after prefix, typo and synonym expansion). */
  terms: string[];
}

/** Everything a search can be tuned by: how the query widens, field weights, pseudo-relevance feedback. */
export interface SearchTuning extends PlanTuning {
  /** MiniSearch's `boost` per field. */
  boost: Readonly<Record<SearchField, number>>;
  /** MiniSearch's BM25+ parameters. */
  bm25: Readonly<typeof BM25>;
  /** Queries of at least this many words get a second pass with the telling terms of the first results... */
  feedbackMinWords: number;
  /** ...of this many papers, re-ranking the first `feedbackRerank` results... */
  feedbackPapers: number;
  feedbackRerank: number;
  /** ...this many terms, at this weight (0 turns feedback off). */
  feedbackTerms: number;
  feedbackWeight: number;
  /** A query whose terms are held by more papers than this in all is ranked in two passes (see `rankPlan`)... */
  postingsBudget: number;
  /** ...the second scoring this many papers in full... */
  budgetPapers: number;
  /** ...but for terms held by more than this share of the papers, which stay in title, short name and key. */
  titleOnlyShare: number;
}

/** The tuning Paper Scout searches with (each part measured by the quality tests). */
export const DEFAULT_TUNING: SearchTuning = {
  ...DEFAULT_PLAN_TUNING,
  boost: FIELD_BOOSTS,
  bm25: BM25,
  feedbackMinWords: 6,
  feedbackPapers: 3,
  feedbackRerank: 50,
  feedbackTerms: 10,
  // Measured on the tuning sets (evaluation/tuneSearch.ts): at 0.2 the older descriptions go .952 -> .969
  // and nothing else moves, but its second MiniSearch pass made bench queries' p95 about 1.8x slower (paired,
  // same process), over the speed budget: off.
  feedbackWeight: 0,
  postingsBudget: 2000,
  budgetPapers: 300,
  // Terms held by half the papers cost most of a query's time (measured at 100,000 papers), and since
  // issue 23's stemming ("llms" is "llm") and compounds also at 10,000: a share, not a count, so the rule
  // holds at every size. Bench figures before and after: docs/benchmarks.md. The quality sets score the
  // same (the bundled corpus is under the postings budget).
  titleOnlyShare: 0.5,
};

/** Per-query knobs. Filters may also be typed into the query (`topic:`, `year:`, ... see `QUERY_FILTERS`). */
export interface QueryOptions {
  /** At most this many results (default 20). */
  limit?: number;
  /** Only papers in this topic (its exact name). */
  topic?: string;
  /** Complete the last word as a prefix while it is being typed (default true; never after a trailing space). */
  prefix?: boolean;
  /** Weight per query word, keyed by the lower-cased word as typed (before stemming); 1 when absent. */
  wordWeights?: ReadonlyMap<string, number>;
  /** Replaces parts of the default tuning (for measuring; the defaults are what users get). */
  tuning?: Partial<SearchTuning>;
}

/** A search's results with the filters it applied and what in the query was not understood. */
export interface SearchOutcome {
  results: SearchResult[];
  filters: QueryFilters;
  problems: QueryProblem[];
}

/** The two texts an index is saved as: MiniSearch's own JSON and the vocabulary beside it. */
export interface SavedIndex {
  index: string;
  vocabulary: string;
}

/** Progress of an index build. */
export interface BuildProgress {
  phase: 'reading' | 'finishing';
  done: number;
  total: number;
}

/** How `buildAsync` reports progress and learns that the caller gave up (the options of `runInSlices`). */
export type BuildOptions = SliceOptions<BuildProgress>;
