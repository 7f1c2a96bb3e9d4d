import MiniSearch, { type Query, type SearchResult as MiniSearchResult } from 'minisearch';
import type { Paper } from '../types';
import { tellingTerms } from './feedback';
import { FIELD_BOOSTS, indexOptions, type SearchField } from './indexOptions';
import { compareBy, parseQuery, passesFilters, type QueryFilters, type QueryProblem, resolveTopics } from './queryFilters';
import { DEFAULT_PLAN_TUNING, type PlanLeaf, planQuery, type PlanTuning, type QueryPlan } from './queryPlan';
import { makeSnippet } from './snippet';
import { type Ranked, TopResults } from './topResults';
import { shortName } from './terms';
import { fingerprintIds, Vocabulary, VocabularyBuilder } from './vocabulary';

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
  /** Queries of at least this many words get a second pass with the telling terms of the first results... */
  feedbackMinWords: number;
  /** ...of this many papers, re-ranking the first `feedbackRerank` results... */
  feedbackPapers: number;
  feedbackRerank: number;
  /** ...this many terms, at this weight (0 turns feedback off). */
  feedbackTerms: number;
  feedbackWeight: number;
  /** A query whose terms are held by more papers than this in all is ranked in two passes (see `rank`)... */
  postingsBudget: number;
  /** ...the second scoring this many papers in full. */
  budgetPapers: number;
}

/** The tuning Paper Scout searches with (each part measured by the quality tests). */
export const DEFAULT_TUNING: SearchTuning = {
  ...DEFAULT_PLAN_TUNING,
  boost: FIELD_BOOSTS,
  feedbackMinWords: 6,
  feedbackPapers: 3,
  feedbackRerank: 50,
  feedbackTerms: 10,
  // Measured: no gain on known items or descriptions at 0.3, a loss at 0.5 (see the quality tests), so off.
  feedbackWeight: 0,
  postingsBudget: 2000,
  budgetPapers: 300,
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

/** How `buildAsync` reports progress and learns that the caller gave up. */
export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  /** Checked between slices of work; when it returns true the build stops with a `BuildCancelledError`. */
  isCancelled?: () => boolean;
  /** How long to work before giving the event loop back, in ms (default 12). */
  sliceMs?: number;
}

/** Thrown by `PaperIndex.buildAsync` when `isCancelled` returned true. */
export class BuildCancelledError extends Error {
  constructor() {
    super('index build cancelled');
    this.name = 'BuildCancelledError';
  }
}

const MAX_LIMIT = 1000;
/** The fields a common term is first looked for in when a query is over its postings budget. */
const TITLE_FIELDS: SearchField[] = ['title', 'shortName', 'key'];
/** Telling terms a related-papers query uses (Lucene's more-like-this default). */
const RELATED_TERMS = 25;

/**
 * Paper Scout's search engine: MiniSearch over title, short name, abstract, topics and citation key,
 * with a vocabulary saved beside it that bounds prefix and typo expansion, thesaurus and acronym
 * expansion, filters typed into the query, and pseudo-relevance feedback for long descriptions.
 */
export class PaperIndex {
  private readonly byId = new Map<string, Paper>();
  private exactNames: Map<string, Paper> | undefined;
  private sortedKeys: string[] | undefined;
  private topics: string[] | undefined;

  private constructor(
    private readonly papers: readonly Paper[],
    private readonly miniSearch: MiniSearch<Paper>,
    /** The vocabulary saved beside the index. */
    readonly vocabulary: Vocabulary,
  ) {
    for (const paper of papers) if (!this.byId.has(paper.id)) this.byId.set(paper.id, paper);
  }

  /** Builds an index over `papers`, synchronously. Fine for a few thousand papers; use `buildAsync` beyond. */
  static build(papers: readonly Paper[]): PaperIndex {
    const steps = PaperIndex.buildSteps(papers);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * Builds an index over `papers` in slices of a few milliseconds, giving the event loop back between
   * them. Reports progress and stops with a `BuildCancelledError` as soon as `isCancelled()` is true.
   */
  static async buildAsync(papers: readonly Paper[], options: BuildOptions = {}): Promise<PaperIndex> {
    const sliceMs = options.sliceMs ?? 12;
    const steps = PaperIndex.buildSteps(papers);
    let sliceStart = performance.now();
    for (;;) {
      if (options.isCancelled?.()) throw new BuildCancelledError();
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart >= sliceMs) {
        options.onProgress?.(step.value);
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }

  /** The build, one paper per step, then the vocabulary. */
  private static *buildSteps(papers: readonly Paper[]): Generator<BuildProgress, PaperIndex> {
    const builder = new VocabularyBuilder();
    const miniSearch = new MiniSearch<Paper>(indexOptions(builder));
    const added = new Set<string>();
    for (let at = 0; at < papers.length; at++) {
      const paper = papers[at];
      if (added.has(paper.id)) continue;
      added.add(paper.id);
      builder.startPaper([paper.title, paper.abstract]);
      miniSearch.add(paper);
      if ((at & 15) === 15) yield { phase: 'reading', done: at + 1, total: papers.length };
    }
    yield { phase: 'finishing', done: 0, total: 1 };
    const vocabulary = builder.finish(fingerprintOf(papers));
    return new PaperIndex(papers, miniSearch, vocabulary);
  }

  /** Restores an index saved with `save()` for the same papers in the same order; throws otherwise. */
  static load(saved: SavedIndex, papers: readonly Paper[]): PaperIndex {
    const vocabulary = checkedVocabulary(saved, papers);
    return PaperIndex.checked(papers, MiniSearch.loadJSON<Paper>(saved.index, indexOptions()), vocabulary);
  }

  /** `load` with MiniSearch's `loadJSONAsync`, which gives the event loop back while it rebuilds the index. */
  static async loadAsync(saved: SavedIndex, papers: readonly Paper[]): Promise<PaperIndex> {
    const vocabulary = checkedVocabulary(saved, papers);
    return PaperIndex.checked(papers, await MiniSearch.loadJSONAsync<Paper>(saved.index, indexOptions()), vocabulary);
  }

  private static checked(papers: readonly Paper[], miniSearch: MiniSearch<Paper>, vocabulary: Vocabulary): PaperIndex {
    if (miniSearch.documentCount !== vocabulary.papers) throw new Error(`the saved index holds ${miniSearch.documentCount} papers, its vocabulary ${vocabulary.papers}`);
    return new PaperIndex(papers, miniSearch, vocabulary);
  }

  /** The index as MiniSearch's JSON (`toJSON`) and the vocabulary's, for `PaperIndex.load`. */
  save(): SavedIndex {
    return { index: JSON.stringify(this.miniSearch), vocabulary: this.vocabulary.toJSON() };
  }

  /** Number of papers. */
  get size(): number {
    return this.papers.length;
  }

  /** Number of distinct index terms. */
  get vocabularySize(): number {
    return this.vocabulary.termCount;
  }

  /** The paper with this id, or undefined. */
  get(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /** Papers ranked for what the user typed, best first. A citation key, id or short name typed in full ranks its paper first. */
  search(query: string, options: QueryOptions = {}): SearchResult[] {
    return this.find(query, options).results;
  }

  /** `search`, also saying which filters applied and what in the query was not understood. */
  find(query: string, options: QueryOptions = {}): SearchOutcome {
    const limit = Math.min(MAX_LIMIT, Math.floor(options.limit ?? 20));
    const parsed = parseQuery(query);
    const topics = resolveTopics(parsed.filters.topics, this.topicNames());
    const problems = [...parsed.problems, ...topics.problems];
    const outcome = (results: SearchResult[]): SearchOutcome => ({ results, filters: parsed.filters, problems });
    if (!(limit > 0) || topics.problems.length > 0) return outcome([]);
    const accept = (paper: Paper): boolean =>
      (options.topic === undefined || paper.topics.includes(options.topic)) && passesFilters(paper, parsed.filters, topics.groups);
    const tuning = { ...DEFAULT_TUNING, ...options.tuning };
    const typing = options.prefix !== false && !/\s$/.test(parsed.text);
    const plan = planQuery(parsed.text, this.vocabulary, tuning, { typing, wordWeights: options.wordWeights });
    if (plan.leaves.length === 0) {
      if (!parsed.filtered && options.topic === undefined) return outcome([]);
      const order = parsed.filters.sort === 'upvotes' ? 'upvotes' : 'date';
      return outcome(this.papers.filter(accept).sort(compareBy(order)).slice(0, limit).map((paper) => this.toResult({ id: paper.id, score: 0, terms: [] })));
    }
    const exact = this.exactMatch(parsed.text);
    const feedback = plan.words.length >= tuning.feedbackMinWords && tuning.feedbackWeight > 0;
    let ranked = this.rank(plan, feedback ? Math.max(limit + 1, tuning.feedbackRerank) : limit + 1, tuning, accept);
    if (feedback && ranked.length > 0) {
      // Pseudo-relevance feedback: the telling terms of the first results re-rank the papers found.
      const first = ranked.slice(0, tuning.feedbackPapers).map((entry) => this.byId.get(entry.id) as Paper);
      const known = new Set(plan.leaves.map((leaf) => leaf.term));
      const extra = tellingTerms(first, this.vocabulary, tuning.feedbackTerms, known).map(({ term, weight }): PlanLeaf => ({ term, boost: weight * tuning.feedbackWeight, words: [] }));
      const found = new Set(ranked.map((entry) => entry.id));
      if (extra.length > 0) ranked = this.runPlan({ ...plan, leaves: [...plan.leaves, ...extra] }, ranked.length, tuning, accept, undefined, undefined, found);
    }
    if (exact && accept(exact)) ranked = [{ id: exact.id, score: (ranked[0]?.score ?? 1) * 2, terms: [] }, ...ranked.filter((entry) => entry.id !== exact.id)];
    let results = ranked.slice(0, limit).map((entry) => this.toResult(entry));
    if (parsed.filters.sort !== 'relevance') results = results.sort((a, b) => compareBy(parsed.filters.sort as 'date' | 'upvotes')(a.paper, b.paper));
    return outcome(results);
  }

  /** The papers most like `id` (more-like-this over the telling terms of its title and abstract), best first; never the paper itself. */
  related(id: string, limit = 5): SearchResult[] {
    const paper = this.byId.get(id);
    if (!paper || !(limit > 0)) return [];
    // Each telling term counts as a query word, so papers sharing more of them rank higher, as MiniSearch ranks.
    const terms = tellingTerms([paper], this.vocabulary, RELATED_TERMS);
    const plan: QueryPlan = { words: [], leaves: terms.map(({ term, weight }, at) => ({ term, boost: weight, words: [at] })) };
    return this.rank(plan, Math.min(limit, MAX_LIMIT), DEFAULT_TUNING, (other) => other.id !== id, ['title', 'abstract']).map((entry) => this.toResult(entry));
  }

  /**
   * What a completion list shows for `text` typed after `\cite{`, `@` or `@cite:`: the paper whose key,
   * id or short name it is, then papers whose key starts with it, then a search with the last word
   * completed (title words, short names, keys); at most 50, best first.
   */
  complete(text: string, limit = 50): SearchResult[] {
    const max = Math.max(0, Math.min(limit, 50));
    const typed = text.trim().toLowerCase();
    if (!typed || max === 0) return [];
    const results: SearchResult[] = [];
    const seen = new Set<string>();
    const push = (paper: Paper, score: number): void => {
      if (results.length < max && !seen.has(paper.id)) {
        seen.add(paper.id);
        results.push(this.toResult({ id: paper.id, score, terms: [] }));
      }
    };
    const exact = this.exactMatch(typed);
    if (exact) push(exact, Number.MAX_SAFE_INTEGER);
    if (!/\s/.test(typed)) for (const key of this.keysStartingWith(typed, max)) push(this.exactNameMap().get(key) as Paper, Number.MAX_SAFE_INTEGER);
    for (const result of this.search(text.replace(/\s+$/, ''), { limit: max })) push(result.paper, result.score);
    return results;
  }

  /**
   * Ranks the papers for a plan. When its terms would read more postings than `postingsBudget`, the
   * most common terms are first matched in title, short name and key only; the best `budgetPapers`
   * of that pass are then scored in full (`boostDocument` turns the rest away), so they get exactly
   * the scores a full search gives while MiniSearch skips scoring the long tail.
   */
  private rank(plan: QueryPlan, limit: number, tuning: SearchTuning, accept: (paper: Paper) => boolean, fields?: SearchField[]): Ranked[] {
    const postings = plan.leaves.map((leaf) => this.vocabulary.papersWithTerm(leaf.term));
    let remaining = postings.reduce((sum, count) => sum + count, 0);
    if (remaining <= tuning.postingsBudget) return this.runPlan(plan, limit, tuning, accept, fields);
    const demoted = new Set<string>();
    for (const at of postings.map((_, index) => index).sort((a, b) => postings[b] - postings[a])) {
      if (remaining <= tuning.postingsBudget) break;
      demoted.add(plan.leaves[at].term);
      remaining -= postings[at];
    }
    const candidates = this.runPlan(plan, Math.max(limit, tuning.budgetPapers), tuning, accept, fields, demoted);
    const chosen = new Set(candidates.map((entry) => entry.id));
    return this.runPlan(plan, limit, tuning, (paper) => chosen.has(paper.id), fields, undefined, chosen);
  }

  /**
   * Runs a plan through MiniSearch: one query combination of the plan's terms with their boosts, and a
   * `filter` that applies the query's filters, multiplies by the query words each paper matched (as
   * MiniSearch multiplies by query terms, but three completions of one word do not outweigh two words;
   * words weigh what `wordWeights` says) and
   * keeps the best `limit` as they come, so MiniSearch sorts nothing. Terms in `titleOnly` are looked
   * for in title, short name and key only; with `only`, papers outside it are not scored at all.
   */
  private runPlan(plan: QueryPlan, limit: number, tuning: SearchTuning, accept: (paper: Paper) => boolean, fields?: SearchField[], titleOnly?: ReadonlySet<string>, only?: ReadonlySet<string>): Ranked[] {
    // Query words as bits, so counting the words a paper matched allocates nothing per paper.
    const wordBits = new Map(plan.leaves.map((leaf) => [leaf.term, leaf.words.reduce((bits, word) => (word < 31 ? bits | (1 << word) : bits), 0)]));
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
    const weights = plan.words.map((word) => word.weight);
    const filter = (result: MiniSearchResult): boolean => {
      let bits = 0;
      for (const term of result.queryTerms) bits |= wordBits.get(term) ?? 0;
      const score = (result.score / Math.max(result.queryTerms.length, 1)) * (bits === 0 ? 1 : matchedWeight(bits, weights));
      if (top.wouldTake(score) && accept(this.byId.get(result.id) as Paper)) top.offer({ id: result.id, score, terms: result.terms });
      return false;
    };
    const boostDocument = only ? (id: string): number => (only.has(id) ? 1 : 0) : undefined;
    this.miniSearch.search(query, { boost: { ...tuning.boost }, filter, ...(fields ? { fields } : {}), ...(boostDocument ? { boostDocument } : {}) });
    return top.list();
  }

  private toResult(entry: Ranked): SearchResult {
    const paper = this.byId.get(entry.id) as Paper;
    return { paper, score: entry.score, terms: entry.terms, snippet: makeSnippet(paper.abstract, entry.terms) };
  }

  /** The paper whose citation key, id or short name is exactly `text` (case and punctuation aside). */
  private exactMatch(text: string): Paper | undefined {
    const lower = text.trim().toLowerCase();
    if (!lower) return undefined;
    const names = this.exactNameMap();
    return names.get(lower) ?? names.get(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
  }

  private exactNameMap(): Map<string, Paper> {
    if (!this.exactNames) {
      const names = new Map<string, Paper>();
      for (const paper of this.papers) if (!names.has(paper.key)) names.set(paper.key, paper);
      for (const paper of this.papers) if (!names.has(paper.id)) names.set(paper.id, paper);
      for (const paper of this.papers) {
        const name = shortName(paper.title);
        if (name && !names.has(name)) names.set(name, paper);
      }
      this.exactNames = names;
    }
    return this.exactNames;
  }

  private keysStartingWith(prefix: string, limit: number): string[] {
    this.sortedKeys ??= this.papers.map((paper) => paper.key).sort();
    const keys = this.sortedKeys;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let at = low; at < keys.length && found.length < limit && keys[at].startsWith(prefix); at++) found.push(keys[at]);
    return found;
  }

  private topicNames(): string[] {
    this.topics ??= [...new Set(this.papers.flatMap((paper) => paper.topics))].sort();
    return this.topics;
  }
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

/** The vocabulary of a saved index, checked to belong to `papers`. */
function checkedVocabulary(saved: SavedIndex, papers: readonly Paper[]): Vocabulary {
  const vocabulary = Vocabulary.parse(saved.vocabulary);
  const unique = new Set(papers.map((paper) => paper.id)).size;
  if (vocabulary.papers !== unique || vocabulary.fingerprint !== fingerprintOf(papers)) {
    throw new Error(`the saved index was made for other papers (${vocabulary.papers} papers, expected ${unique})`);
  }
  return vocabulary;
}

function fingerprintOf(papers: readonly Paper[]): number {
  return fingerprintIds(papers.map((paper) => paper.id));
}

