import { lowerBound } from '../binarySearch';
import MiniSearch from 'minisearch';
import type { Paper } from '../types';
import type { AssociationOptions } from './associations';
import { tellingTerms } from './feedback';
import { runInSlices, runToEnd } from '../slices';
import { fieldText, indexOptions, QUICK_SKIPPED_FIELDS, SEARCH_FIELDS, type SearchField } from './indexOptions';
import { comparePapers } from '../paperOrder';
import { parseQuery, passesFilters, resolveTopics } from './queryFilters';
import { type PlanLeaf, planQuery, type QueryPlan } from './queryPlan';
import { rankPlan, type RankingIndex, runPlan } from './ranking';
import {
  type BuildOptions,
  type BuildProgress,
  DEFAULT_TUNING,
  type QueryOptions,
  type SavedIndex,
  type SearchOutcome,
  type SearchResult,
} from './searchTypes';
import { makeSnippet } from './snippet';
import type { Ranked } from './topResults';
import { foldWord, isStopword, shortName, stem, tokenize } from './terms';
import { fingerprintIds, Vocabulary, VocabularyBuilder, type PaperWords } from './vocabulary';

export * from './searchTypes';

const MAX_LIMIT = 1000;
/** Telling terms a related-papers query uses (Lucene's more-like-this default is 25; 40 measured better on the related pairs with the Porter2 stemmer). */
const RELATED_TERMS = 40;

/**
 * Paper Scout's search engine: MiniSearch over title, short name, abstract, topics and citation key,
 * with a vocabulary saved beside it that bounds prefix and typo expansion, thesaurus and acronym
 * expansion, filters typed into the query, and pseudo-relevance feedback for long descriptions.
 */
export class PaperIndex {
  private readonly byId = new Map<string, Paper>();
  private readonly ranking: { -readonly [K in keyof RankingIndex]: RankingIndex[K] };
  private exactNames: Map<string, Paper> | undefined;
  private sortedKeys: string[] | undefined;
  private topics: string[] | undefined;

  private constructor(
    private papers: readonly Paper[],
    private readonly miniSearch: MiniSearch<Paper>,
    /** The vocabulary saved beside the index. */
    private vocabularyValue: Vocabulary,
    /** Fields left out of this index (a quick first index); such an index is never saved. */
    private readonly skipped: readonly SearchField[] = [],
  ) {
    for (const paper of papers) if (!this.byId.has(paper.id)) this.byId.set(paper.id, paper);
    this.ranking = { miniSearch, vocabulary: vocabularyValue, byId: this.byId };
  }

  /** The vocabulary saved beside the index (a new one after each `update`). */
  get vocabulary(): Vocabulary {
    return this.vocabularyValue;
  }

  /**
   * Takes papers out of the index and puts papers in, in place (MiniSearch's `discard` and `add`), so a
   * few changed papers never cost a new index: `removed` are ids (a changed paper's old version goes
   * this way too), `added` the papers as they are now. The vocabulary follows. Linear in the changed
   * papers and the vocabulary.
   */
  update(removed: readonly string[], added: readonly Paper[]): void {
    const gone: Paper[] = [];
    for (const id of new Set(removed)) {
      const paper = this.byId.get(id);
      if (!paper) continue;
      this.miniSearch.discard(id);
      this.byId.delete(id);
      gone.push(paper);
    }
    const fresh: Paper[] = [];
    for (const paper of added) {
      if (this.byId.has(paper.id)) continue;
      this.miniSearch.add(paper);
      this.byId.set(paper.id, paper);
      fresh.push(paper);
    }
    const goneIds = new Set(gone.map((paper) => paper.id));
    this.papers = [...this.papers.filter((paper) => !goneIds.has(paper.id)), ...fresh];
    const words = (paper: Paper): PaperWords => paperWords(paper, this.skipped);
    this.vocabularyValue = this.vocabularyValue.updated(gone.map(words), fresh.map(words), this.byId.size, fingerprintOf(this.papers));
    this.ranking.vocabulary = this.vocabularyValue;
    this.exactNames = undefined;
    this.sortedKeys = undefined;
    this.topics = undefined;
  }

  /**
   * Builds an index over `papers`, synchronously. Fine for a few thousand papers; use `buildAsync` beyond.
   * `associations` replaces how word associations are mined (for measuring; the defaults are what users get).
   */
  static build(papers: readonly Paper[], associations?: AssociationOptions): PaperIndex {
    return runToEnd(PaperIndex.buildSteps(papers, associations));
  }

  /**
   * Builds an index over `papers` in slices of a few milliseconds, giving the event loop back between
   * them (`runInSlices`). Reports progress and stops with a `CancelledError` once `isCancelled()` is true.
   */
  static buildAsync(papers: readonly Paper[], options: BuildOptions = {}): Promise<PaperIndex> {
    return runInSlices(PaperIndex.buildSteps(papers), options);
  }

  /**
   * `buildAsync` without the abstracts (`QUICK_SKIPPED_FIELDS`): a few times faster on a library whose
   * abstracts are most of its text, so papers are found by title, key, author, venue and keywords
   * while the whole index is built. Its `update`s work as the whole index's do; it cannot be saved.
   */
  static buildQuickAsync(papers: readonly Paper[], options: BuildOptions = {}): Promise<PaperIndex> {
    return runInSlices(PaperIndex.buildSteps(papers, undefined, QUICK_SKIPPED_FIELDS), options);
  }

  /** Whether this is a quick first index, without the abstracts (`buildQuickAsync`). */
  get quick(): boolean {
    return this.skipped.length > 0;
  }

  /** The build, one paper per step, then the vocabulary. */
  private static *buildSteps(papers: readonly Paper[], associations?: AssociationOptions, skipped: readonly SearchField[] = []): Generator<BuildProgress, PaperIndex> {
    const builder = new VocabularyBuilder(associations);
    const miniSearch = new MiniSearch<Paper>(indexOptions(builder, skipped));
    const withAbstracts = !skipped.includes('abstract');
    const added = new Set<string>();
    for (let at = 0; at < papers.length; at++) {
      const paper = papers[at];
      if (added.has(paper.id)) continue;
      added.add(paper.id);
      builder.startPaper(withAbstracts ? [paper.title, paper.abstract] : [paper.title]);
      miniSearch.add(paper);
      if ((at & 15) === 15) yield { phase: 'reading', done: at + 1, total: papers.length };
    }
    yield { phase: 'finishing', done: 0, total: 1 };
    const finishing = builder.finishSteps(fingerprintOf(papers));
    let finished = finishing.next();
    while (!finished.done) {
      yield { phase: 'finishing', done: 0, total: 1 };
      finished = finishing.next();
    }
    const vocabulary = finished.value;
    return new PaperIndex(papers, miniSearch, vocabulary, skipped);
  }

  /**
   * Restores an index saved with `save()` for the same papers in the same order; throws otherwise.
   * With `contentKey` (the papers' `papersContentKey`), the index must have been saved with that key:
   * one made for papers of the same ids but other text is refused too.
   */
  static load(saved: SavedIndex, papers: readonly Paper[], contentKey?: string): PaperIndex {
    const vocabulary = checkedVocabulary(saved, papers, contentKey);
    return PaperIndex.checked(papers, MiniSearch.loadJSON<Paper>(saved.index, indexOptions()), vocabulary);
  }

  /** `load` with MiniSearch's `loadJSONAsync`, which gives the event loop back while it rebuilds the index. */
  static async loadAsync(saved: SavedIndex, papers: readonly Paper[], contentKey?: string): Promise<PaperIndex> {
    const vocabulary = checkedVocabulary(saved, papers, contentKey);
    return PaperIndex.checked(papers, await MiniSearch.loadJSONAsync<Paper>(saved.index, indexOptions()), vocabulary);
  }

  /** The loaded index, once it holds exactly the papers' ids (a search on any other id would throw later). */
  private static checked(papers: readonly Paper[], miniSearch: MiniSearch<Paper>, vocabulary: Vocabulary): PaperIndex {
    if (miniSearch.documentCount !== vocabulary.papers) throw new Error(`the saved index holds ${miniSearch.documentCount} papers, its vocabulary ${vocabulary.papers}`);
    for (const paper of papers) {
      if (!miniSearch.has(paper.id)) throw new Error(`the saved index was made for other papers (it does not hold "${paper.id}")`);
    }
    return new PaperIndex(papers, miniSearch, vocabulary);
  }

  /** The index as MiniSearch's JSON (`toJSON`) and the vocabulary's, for `PaperIndex.load`; with the papers' content key when given. */
  save(contentKey?: string): SavedIndex {
    if (this.quick) throw new Error('a quick index (without abstracts) is never saved');
    return { index: JSON.stringify(this.miniSearch), vocabulary: this.vocabulary.toJSON(contentKey) };
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
      return outcome(this.papers.filter(accept).sort(comparePapers(order)).slice(0, limit).map((paper) => this.toResult({ id: paper.id, score: 0, terms: [] })));
    }
    const exact = this.exactMatch(parsed.text);
    const feedback = plan.words.length >= tuning.feedbackMinWords && tuning.feedbackWeight > 0;
    let ranked = rankPlan(this.ranking, plan, feedback ? Math.max(limit + 1, tuning.feedbackRerank) : limit + 1, tuning, accept);
    if (feedback && ranked.length > 0) {
      // Pseudo-relevance feedback: the telling terms of the first results re-rank the papers found.
      const first = ranked.slice(0, tuning.feedbackPapers).map((entry) => this.byId.get(entry.id) as Paper);
      const known = new Set(plan.leaves.map((leaf) => leaf.term));
      const extra = tellingTerms(first, this.vocabulary, tuning.feedbackTerms, known).map(({ term, weight }): PlanLeaf => ({ term, boost: weight * tuning.feedbackWeight, words: [] }));
      const found = new Set(ranked.map((entry) => entry.id));
      if (extra.length > 0) ranked = runPlan(this.ranking, { ...plan, leaves: [...plan.leaves, ...extra] }, ranked.length, tuning, accept, undefined, undefined, found);
    }
    if (exact && accept(exact)) ranked = [{ id: exact.id, score: (ranked[0]?.score ?? 1) * 2, terms: [] }, ...ranked.filter((entry) => entry.id !== exact.id)];
    let results = ranked.slice(0, limit).map((entry) => this.toResult(entry));
    if (parsed.filters.sort !== 'relevance') {
      const compare = comparePapers(parsed.filters.sort);
      results = results.sort((a, b) => compare(a.paper, b.paper));
    }
    return outcome(results);
  }

  /**
   * MiniSearch's own search over this very index (same fields, terms and field boosts), without Paper
   * Scout's query plan: no completions, typo neighbours, synonyms, acronyms or learned associations.
   * For measuring what the plan adds; users get `search`.
   */
  plainSearch(query: string, limit = 20): SearchResult[] {
    return this.miniSearch
      .search(query)
      .slice(0, Math.max(0, Math.min(limit, MAX_LIMIT)))
      .map((result) => this.toResult({ id: result.id as string, score: result.score, terms: result.terms }));
  }

  /** The papers most like `id` (more-like-this over the telling terms of its title and abstract), best first; never the paper itself. */
  related(id: string, limit = 5): SearchResult[] {
    const paper = this.byId.get(id);
    if (!paper || !(limit > 0)) return [];
    // Each telling term counts as a query word, so papers sharing more of them rank higher, as MiniSearch ranks.
    const terms = tellingTerms([paper], this.vocabulary, RELATED_TERMS);
    const plan: QueryPlan = { words: [], leaves: terms.map(({ term, weight }, at) => ({ term, boost: weight, words: [at] })) };
    return rankPlan(this.ranking, plan, Math.min(limit, MAX_LIMIT), DEFAULT_TUNING, (other) => other.id !== id, ['title', 'abstract']).map((entry) => this.toResult(entry));
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

  /** Papers by key, id, alias and short name, all lowercase (a library's keys are matched case aside). */
  private exactNameMap(): Map<string, Paper> {
    if (!this.exactNames) {
      const names = new Map<string, Paper>();
      for (const paper of this.papers) if (!names.has(paper.key.toLowerCase())) names.set(paper.key.toLowerCase(), paper);
      for (const paper of this.papers) if (!names.has(paper.id)) names.set(paper.id, paper);
      for (const paper of this.papers) for (const alias of paper.aliases ?? []) if (!names.has(alias.toLowerCase())) names.set(alias.toLowerCase(), paper);
      for (const paper of this.papers) {
        const name = shortName(paper.title);
        if (name && !names.has(name)) names.set(name, paper);
      }
      this.exactNames = names;
    }
    return this.exactNames;
  }

  private keysStartingWith(prefix: string, limit: number): string[] {
    this.sortedKeys ??= this.papers.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])].map((key) => key.toLowerCase())).sort();
    const keys = this.sortedKeys;
    const found: string[] = [];
    for (let at = lowerBound(keys, prefix); at < keys.length && found.length < limit && keys[at].startsWith(prefix); at++) found.push(keys[at]);
    return found;
  }

  private topicNames(): string[] {
    this.topics ??= [...new Set(this.papers.flatMap((paper) => paper.topics))].sort();
    return this.topics;
  }
}

/** The vocabulary of a saved index, checked to belong to `papers` (and to their content, given its key). */
function checkedVocabulary(saved: SavedIndex, papers: readonly Paper[], contentKey?: string): Vocabulary {
  const vocabulary = Vocabulary.parse(saved.vocabulary);
  const unique = new Set(papers.map((paper) => paper.id)).size;
  if (vocabulary.papers !== unique || vocabulary.fingerprint !== fingerprintOf(papers)) {
    throw new Error(`the saved index was made for other papers (${vocabulary.papers} papers, expected ${unique})`);
  }
  if (contentKey !== undefined && vocabulary.contentKey !== contentKey) {
    throw new Error(`the saved index was made for other content (content key ${vocabulary.contentKey ?? 'none'}, expected ${contentKey})`);
  }
  return vocabulary;
}

/** A paper's words and terms as the index notes them while building (`indexOptions`), and its prose. */
function paperWords(paper: Paper, skipped: readonly SearchField[] = []): PaperWords {
  const words = new Set<string>();
  const terms = new Set<string>();
  for (const field of SEARCH_FIELDS) {
    if (field === 'key' || skipped.includes(field)) continue;
    for (const token of tokenize(fieldText(paper, field))) {
      const word = foldWord(token);
      if (isStopword(word)) continue;
      words.add(word);
      terms.add(stem(word));
    }
  }
  return { words, terms, prose: skipped.includes('abstract') ? [paper.title] : [paper.title, paper.abstract] };
}

function fingerprintOf(papers: readonly Paper[]): number {
  return fingerprintIds(papers.map((paper) => paper.id));
}

