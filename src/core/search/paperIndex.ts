import type { Paper } from '../types';
import { fromBase64, toBase64 } from './base64';
import { boundedEditDistance, MAX_FUZZY_TERM_LENGTH } from './fuzzy';
import { makeSnippet } from './snippet';
import {
  type BuildProgress,
  buildTermIndex,
  deserializeTermIndex,
  findTerm,
  fingerprintIds,
  postingsContain,
  prefixRange,
  serializeTermIndex,
  type TermIndexData,
} from './termIndex';
import { paperNickname, processTerm, tokenize } from './terms';

export type { BuildProgress } from './termIndex';

/** One search hit: the paper, how well it matched, and an excerpt of the abstract around the match. */
export interface SearchResult {
  paper: Paper;
  score: number;
  snippet: string;
  /** Document terms the query matched (after stemming, prefix and fuzzy expansion). */
  terms: string[];
}

/** Per-query knobs. */
export interface QueryOptions {
  /** At most this many results (default 20). */
  limit?: number;
  /** Only papers in this topic. */
  topic?: string;
  /**
   * How much each query word counts (default 1), keyed by the word as typed, lower-cased, before
   * stemming: a passage's words near the cursor weigh more.
   */
  wordWeights?: ReadonlyMap<string, number>;
}

/**
 * How far prefix and fuzzy matching reach. Both are bounded by term length and by a number of
 * vocabulary terms, so the cost of a query does not grow with the vocabulary.
 */
export interface MatchTuning {
  /** The last query term, while being typed, is matched as a prefix once it has this many characters. */
  prefixMinLength: number;
  /** A prefix expands to at most this many vocabulary terms (the most frequent), scaled down for 2-letter prefixes. */
  maxPrefixTerms: number;
  /** Terms of at least this length may match with typos. */
  fuzzyMinLength: number;
  /** Allowed edits as a share of the term length... */
  fuzzy: number;
  /** ...but never more than this many. */
  maxFuzzy: number;
  /** A typo-tolerant term expands to at most this many vocabulary terms (the closest, then the most frequent). */
  maxFuzzyTerms: number;
  /**
   * Look for typos only when the term is not itself in the vocabulary, or in fewer than this many papers.
   * 0 always looks (as MiniSearch does), which costs a vocabulary scan for every long word.
   */
  fuzzyWhenRarerThan: number;
  /** Query words beyond this many are ignored. */
  maxQueryTerms: number;
}

export const DEFAULT_TUNING: MatchTuning = {
  prefixMinLength: 2,
  maxPrefixTerms: 50,
  fuzzyMinLength: 5,
  fuzzy: 0.2,
  maxFuzzy: 2,
  maxFuzzyTerms: 20,
  fuzzyWhenRarerThan: 0,
  maxQueryTerms: 24,
};

/** How `buildAsync` reports progress and learns that the caller gave up. */
export interface BuildOptions {
  tuning?: MatchTuning;
  /** Called now and then while building. */
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

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const JSON_FORMAT = 'paper-scout-index';

/** A vocabulary term a query term matched, and how much a match on it counts. */
interface Expansion {
  term: number;
  weight: number;
}

/**
 * Paper Scout's search: an inverted index over title, short name, abstract, topics and citation key
 * with BM25 weights, stemming and stopwords, prefix matching on the term being typed, and typo
 * tolerance on longer words. Prefix and typo expansion are bounded, queries cost time in proportion
 * to the postings of the (few) terms they touch, and the index saves to compact bytes (`serialize`)
 * that load without parsing.
 */
export class PaperIndex {
  private readonly byId = new Map<string, number>();
  private exactNames: Map<string, number> | undefined;
  private scores: Float64Array | undefined;
  private masks: Uint32Array | undefined;
  private touched: Uint32Array | undefined;

  private constructor(
    private readonly papers: readonly Paper[],
    private readonly data: TermIndexData,
    private readonly tuning: MatchTuning,
  ) {
    papers.forEach((paper, position) => this.byId.set(paper.id, position));
  }

  /** Builds an index over `papers`, synchronously. Fine for a few thousand papers; use `buildAsync` beyond. */
  static build(papers: readonly Paper[], tuning: MatchTuning = DEFAULT_TUNING): PaperIndex {
    const steps = buildTermIndex(papers.length, (doc) => fieldsOf(papers[doc]), fingerprintOf(papers));
    let step = steps.next();
    while (!step.done) step = steps.next();
    return new PaperIndex(papers, step.value, tuning);
  }

  /**
   * Builds an index over `papers` in slices of a few milliseconds, giving the event loop back between
   * them, so a large corpus never blocks the extension host. Reports progress and stops with a
   * `BuildCancelledError` as soon as `isCancelled()` returns true.
   */
  static async buildAsync(papers: readonly Paper[], options: BuildOptions = {}): Promise<PaperIndex> {
    const sliceMs = options.sliceMs ?? 12;
    const steps = buildTermIndex(papers.length, (doc) => fieldsOf(papers[doc]), fingerprintOf(papers));
    let sliceStart = performance.now();
    for (;;) {
      if (options.isCancelled?.()) throw new BuildCancelledError();
      const step = steps.next();
      if (step.done) return new PaperIndex(papers, step.value, options.tuning ?? DEFAULT_TUNING);
      if (performance.now() - sliceStart >= sliceMs) {
        options.onProgress?.(step.value);
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }

  /** Restores an index saved with `toJSON()`, for the same papers in the same order; throws otherwise. */
  static load(serialized: string, papers: readonly Paper[], tuning: MatchTuning = DEFAULT_TUNING): PaperIndex {
    const parsed = JSON.parse(serialized) as { format?: unknown; data?: unknown };
    if (parsed?.format !== JSON_FORMAT || typeof parsed.data !== 'string') throw new Error('not a Paper Scout index');
    return PaperIndex.deserialize(fromBase64(parsed.data), papers, tuning);
  }

  /**
   * Restores an index saved with `serialize()`, for the same papers in the same order; throws when the
   * bytes are not an index or were made for other papers. The fast way to load: no parsing, and the
   * index shares memory with `bytes`.
   */
  static deserialize(bytes: Uint8Array, papers: readonly Paper[], tuning: MatchTuning = DEFAULT_TUNING): PaperIndex {
    const data = deserializeTermIndex(bytes);
    if (data.docCount !== papers.length || data.fingerprint !== fingerprintOf(papers)) {
      throw new Error(`the saved index was made for other papers (${data.docCount} papers, expected ${papers.length})`);
    }
    return new PaperIndex(papers, data, tuning);
  }

  /** The index as compact bytes, for `PaperIndex.deserialize`. */
  serialize(): Uint8Array {
    return serializeTermIndex(this.data);
  }

  /** The index as JSON text (the bytes of `serialize()` in base64), for `PaperIndex.load`. */
  toJSON(): string {
    return JSON.stringify({ format: JSON_FORMAT, version: 1, data: toBase64(this.serialize()) });
  }

  get size(): number {
    return this.papers.length;
  }

  /** Number of distinct index terms. */
  get vocabularySize(): number {
    return this.data.terms.length;
  }

  /** The paper with this id, or undefined. */
  get(id: string): Paper | undefined {
    const position = this.byId.get(id);
    return position === undefined ? undefined : this.papers[position];
  }

  /** Papers ranked for what the user typed, best first. A citation key, id or short name typed in full ranks its paper first. */
  search(query: string, options: QueryOptions = {}): SearchResult[] {
    const limit = Math.floor(options.limit ?? 20);
    const trimmed = query.trim();
    if (!trimmed || !(limit > 0)) return [];
    const lower = trimmed.toLowerCase();
    const names = this.exactNameMap();
    const exact = names.get(lower) ?? names.get(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
    const topic = options.topic;
    const accept = topic === undefined ? undefined : (doc: number): boolean => this.papers[doc].topics.includes(topic);
    const expansions = this.expandQuery(query, options.wordWeights);
    const ranked = this.rank(expansions, limit + 1, accept);
    const results: SearchResult[] = [];
    if (exact !== undefined && (!accept || accept(exact))) {
      results.push(this.toResult(exact, (ranked[0]?.score ?? 1) * 2, expansions));
    }
    for (const { doc, score } of ranked) {
      if (results.length >= limit) break;
      if (doc !== exact) results.push(this.toResult(doc, score, expansions));
    }
    return results;
  }

  /** The papers closest to `id` by title, topics and vocabulary, best first. */
  related(id: string, limit = 5): SearchResult[] {
    const self = this.byId.get(id);
    if (self === undefined || !(limit > 0)) return [];
    const paper = this.papers[self];
    const expansions: Expansion[][] = [];
    for (const term of uniqueTerms(`${paper.title} ${paper.topics.join(' ')}`, this.tuning.maxQueryTerms)) {
      const found = findTerm(this.data.terms, term);
      if (found >= 0) expansions.push([{ term: found, weight: 1 }]);
    }
    return this.rank(expansions, limit, (doc) => doc !== self).map(({ doc, score }) => this.toResult(doc, score, expansions));
  }

  /** For each query term, the vocabulary terms it matches: itself, completions while typing, near misses. */
  private expandQuery(query: string, wordWeights?: ReadonlyMap<string, number>): Expansion[][] {
    const typing = !/\s$/.test(query);
    const words: string[] = [];
    const terms = uniqueTerms(query, this.tuning.maxQueryTerms, words);
    return terms.map((term, index) => {
      const wordWeight = wordWeights?.get(words[index]) ?? 1;
      const found = new Map<number, number>();
      const exact = findTerm(this.data.terms, term);
      if (exact >= 0) found.set(exact, 1);
      if (typing && index === terms.length - 1 && term.length >= this.tuning.prefixMinLength) this.expandPrefix(term, found);
      const rare = exact < 0 || this.docFrequency(exact) < this.tuning.fuzzyWhenRarerThan || this.tuning.fuzzyWhenRarerThan <= 0;
      if (rare && term.length >= this.tuning.fuzzyMinLength && term.length <= MAX_FUZZY_TERM_LENGTH) this.expandFuzzy(term, found);
      return [...found].map(([id, weight]) => ({ term: id, weight: weight * wordWeight }));
    });
  }

  private expandPrefix(prefix: string, found: Map<number, number>): void {
    const [from, to] = prefixRange(this.data.terms, prefix);
    const cap = prefix.length <= 2 ? Math.ceil(this.tuning.maxPrefixTerms / 5) : this.tuning.maxPrefixTerms;
    const best = new TopK(cap);
    for (let id = from; id < to; id++) {
      const term = this.data.terms[id];
      if (term.length === prefix.length) continue;
      const weight = (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - prefix.length));
      best.offer(id, this.docFrequency(id) * weight);
    }
    for (const id of best.ids()) {
      const term = this.data.terms[id];
      const weight = (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - prefix.length));
      if (!found.has(id)) found.set(id, weight);
    }
  }

  private expandFuzzy(term: string, found: Map<number, number>): void {
    const { fuzzy, maxFuzzy, maxFuzzyTerms } = this.tuning;
    const maxEdits = Math.min(maxFuzzy, Math.round(term.length * fuzzy));
    if (maxEdits <= 0) return;
    // Typos are looked for among the terms with the same first letter: one short range of the vocabulary.
    const [from, to] = prefixRange(this.data.terms, term[0]);
    const best = new TopK(maxFuzzyTerms);
    const terms = this.data.terms;
    for (let id = from; id < to; id++) {
      const candidate = terms[id];
      if (Math.abs(candidate.length - term.length) > maxEdits || candidate.length > MAX_FUZZY_TERM_LENGTH) continue;
      const distance = boundedEditDistance(term, candidate, maxEdits);
      if (distance === 0 || distance > maxEdits) continue;
      best.offer(id, (maxEdits + 1 - distance) * 1e9 + this.docFrequency(id));
    }
    for (const id of best.ids()) {
      if (found.has(id)) continue;
      const distance = boundedEditDistance(term, terms[id], maxEdits);
      found.set(id, (FUZZY_WEIGHT * term.length) / (term.length + distance));
    }
  }

  private docFrequency(id: number): number {
    return this.data.offsets[id + 1] - this.data.offsets[id];
  }

  /**
   * Scores every paper that matches one of the expansions (BM25 weight times match weight, summed,
   * times the number of query terms matched) and returns the best `limit` that `accept` takes.
   */
  private rank(expansions: Expansion[][], limit: number, accept?: (doc: number) => boolean): Array<{ doc: number; score: number }> {
    const { offsets, docs, weights, docCount } = this.data;
    if (!this.scores) {
      this.scores = new Float64Array(docCount);
      this.masks = new Uint32Array(docCount);
      this.touched = new Uint32Array(docCount);
    }
    const scores = this.scores;
    const masks = this.masks as Uint32Array;
    const touched = this.touched as Uint32Array;
    let touchedCount = 0;
    expansions.forEach((group, index) => {
      const bit = 1 << index;
      for (const { term, weight } of group) {
        for (let p = offsets[term], end = offsets[term + 1]; p < end; p++) {
          const doc = docs[p];
          if (masks[doc] === 0) touched[touchedCount++] = doc;
          masks[doc] |= bit;
          scores[doc] += weights[p] * weight;
        }
      }
    });
    const best = new TopK(limit);
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      const score = scores[doc] * popCount(masks[doc]);
      scores[doc] = 0;
      masks[doc] = 0;
      if (best.wouldTake(score) && (!accept || accept(doc))) best.offer(doc, score);
    }
    return best.entries().map(([doc, score]) => ({ doc, score }));
  }

  private exactNameMap(): Map<string, number> {
    if (!this.exactNames) {
      const names = new Map<string, number>();
      this.papers.forEach((paper, position) => {
        names.set(paper.key, position);
        if (!names.has(paper.id)) names.set(paper.id, position);
      });
      this.papers.forEach((paper, position) => {
        const nickname = paperNickname(paper.title);
        if (nickname && !names.has(nickname)) names.set(nickname, position);
      });
      this.exactNames = names;
    }
    return this.exactNames;
  }

  private toResult(doc: number, score: number, expansions: Expansion[][]): SearchResult {
    const paper = this.papers[doc];
    const { offsets, docs, terms: vocabulary } = this.data;
    const terms: string[] = [];
    for (const group of expansions) {
      for (const { term } of group) {
        if (postingsContain(docs, offsets[term], offsets[term + 1], doc)) terms.push(vocabulary[term]);
      }
    }
    return { paper, score, terms, snippet: makeSnippet(paper.abstract, terms) };
  }
}

/** The indexed text of a paper, in `FIELD_NAMES` order. */
function fieldsOf(paper: Paper): string[] {
  return [paper.title, paperNickname(paper.title), paper.abstract, paper.topics.join(' '), paper.key];
}

function fingerprintOf(papers: readonly Paper[]): number {
  return fingerprintIds(papers.map((paper) => paper.id));
}

/** Distinct processed terms of `text`, in order of first appearance, at most `max`; `words` gets each one's lower-cased word. */
function uniqueTerms(text: string, max: number, words?: string[]): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term === null || seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    words?.push(token.toLowerCase());
    if (terms.length >= max) break;
  }
  return terms;
}

function popCount(value: number): number {
  value -= (value >>> 1) & 0x55555555;
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The `k` ids with the highest scores (ties to the earlier offer), kept in a small binary min-heap. */
class TopK {
  private readonly heapIds: number[] = [];
  private readonly heapScores: number[] = [];
  private readonly heapOrder: number[] = [];
  private offered = 0;

  constructor(private readonly k: number) {}

  /** Whether an offer with this score could enter. */
  wouldTake(score: number): boolean {
    return this.k > 0 && (this.heapIds.length < this.k || score > this.heapScores[0]);
  }

  offer(id: number, score: number): void {
    const order = this.offered++;
    if (this.k <= 0) return;
    if (this.heapIds.length < this.k) {
      this.heapIds.push(id);
      this.heapScores.push(score);
      this.heapOrder.push(order);
      this.up(this.heapIds.length - 1);
    } else if (score > this.heapScores[0]) {
      this.heapIds[0] = id;
      this.heapScores[0] = score;
      this.heapOrder[0] = order;
      this.down(0);
    }
  }

  /** [id, score] pairs, best first. */
  entries(): Array<[number, number]> {
    return this.heapIds
      .map((id, at): [number, number, number] => [id, this.heapScores[at], this.heapOrder[at]])
      .sort((a, b) => b[1] - a[1] || a[2] - b[2])
      .map(([id, score]) => [id, score]);
  }

  ids(): number[] {
    return this.entries().map(([id]) => id);
  }

  /** Whether heap entry a ranks below b: lower score, or the same score offered later. */
  private below(a: number, b: number): boolean {
    return this.heapScores[a] < this.heapScores[b] || (this.heapScores[a] === this.heapScores[b] && this.heapOrder[a] > this.heapOrder[b]);
  }

  private swap(a: number, b: number): void {
    [this.heapIds[a], this.heapIds[b]] = [this.heapIds[b], this.heapIds[a]];
    [this.heapScores[a], this.heapScores[b]] = [this.heapScores[b], this.heapScores[a]];
    [this.heapOrder[a], this.heapOrder[b]] = [this.heapOrder[b], this.heapOrder[a]];
  }

  private up(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.below(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  private down(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < this.heapIds.length && this.below(left, smallest)) smallest = left;
      if (right < this.heapIds.length && this.below(right, smallest)) smallest = right;
      if (smallest === at) return;
      this.swap(at, smallest);
      at = smallest;
    }
  }
}
