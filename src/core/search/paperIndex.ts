import MiniSearch, { type Options, type SearchOptions, type SearchResult as MiniSearchResult } from 'minisearch';
import type { Paper } from '../types';
import { makeSnippet } from './snippet';
import { paperNickname, processTerm, tokenize } from './terms';

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
}

/** How far prefix and fuzzy matching reach, bounded by term length so short terms stay cheap. */
export interface MatchTuning {
  /** The last query term is matched as a prefix once it has this many characters. */
  prefixMinLength: number;
  /** Terms of at least this length may match with typos. */
  fuzzyMinLength: number;
  /** Allowed edits as a share of the term length... */
  fuzzy: number;
  /** ...but never more than this many. */
  maxFuzzy: number;
}

export const DEFAULT_TUNING: MatchTuning = { prefixMinLength: 2, fuzzyMinLength: 5, fuzzy: 0.2, maxFuzzy: 2 };

/** Nobody types more; longer input (a pasted page) is cut so a query stays cheap. */
const MAX_QUERY_LENGTH = 500;
const MAX_FUZZY_TERM_LENGTH = 32;
const FIELDS = ['title', 'nickname', 'abstract', 'topics', 'key'];
const BOOST = { title: 3, nickname: 6, abstract: 1, topics: 1.5, key: 6 };

/**
 * Paper Scout's search: MiniSearch over title, short name, abstract, topics and citation key, with
 * stemming and stopwords, prefix matching on the term being typed, and typo tolerance on longer words.
 */
export class PaperIndex {
  private readonly byId = new Map<string, Paper>();
  private readonly byExactName = new Map<string, Paper>();

  private constructor(
    papers: readonly Paper[],
    private readonly miniSearch: MiniSearch<Paper>,
    private readonly tuning: MatchTuning,
  ) {
    for (const paper of papers) {
      this.byId.set(paper.id, paper);
      this.byExactName.set(paper.key, paper);
      const nickname = paperNickname(paper.title);
      if (nickname && !this.byExactName.has(nickname)) this.byExactName.set(nickname, paper);
    }
  }

  /** Builds an index over `papers`. */
  static build(papers: readonly Paper[], tuning: MatchTuning = DEFAULT_TUNING): PaperIndex {
    const miniSearch = new MiniSearch<Paper>(indexOptions());
    miniSearch.addAll(papers as Paper[]);
    return new PaperIndex(papers, miniSearch, tuning);
  }

  /** Restores an index saved with `toJSON()`, for the same papers. */
  static load(serialized: string, papers: readonly Paper[], tuning: MatchTuning = DEFAULT_TUNING): PaperIndex {
    return new PaperIndex(papers, MiniSearch.loadJSON<Paper>(serialized, indexOptions()), tuning);
  }

  /** The index as JSON text, for `PaperIndex.load`. */
  toJSON(): string {
    return JSON.stringify(this.miniSearch);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The paper with this id, or undefined. */
  get(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /** Papers ranked for what the user typed, best first. A citation key or short name typed in full ranks its paper first. */
  search(query: string, options: QueryOptions = {}): SearchResult[] {
    const limit = options.limit ?? 20;
    const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
    if (!trimmed || limit <= 0) return [];
    const exact = this.byExactName.get(trimmed.toLowerCase()) ?? this.byExactName.get(trimmed.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
    const filter = options.topic ? (hit: MiniSearchResult) => (this.byId.get(String(hit.id))?.topics ?? []).includes(options.topic as string) : undefined;
    const hits = this.miniSearch.search(trimmed, { ...this.searchOptions(query), filter });
    const results: SearchResult[] = [];
    if (exact && (!options.topic || exact.topics.includes(options.topic))) {
      results.push(this.toResult(exact, (hits[0]?.score ?? 1) * 2, hits.find((hit) => hit.id === exact.id)?.terms ?? []));
    }
    for (const hit of hits) {
      if (results.length >= limit) break;
      if (exact && hit.id === exact.id) continue;
      const paper = this.byId.get(String(hit.id));
      if (paper) results.push(this.toResult(paper, hit.score, hit.terms));
    }
    return results.slice(0, limit);
  }

  /** The papers closest to `id` by title, topics and abstract vocabulary, best first. */
  related(id: string, limit = 5): SearchResult[] {
    const paper = this.byId.get(id);
    if (!paper) return [];
    const query = `${paper.title} ${paper.topics.join(' ')}`;
    return this.miniSearch
      .search(query, { combineWith: 'OR', prefix: false, fuzzy: false, boost: { title: 2, abstract: 1, topics: 1 }, filter: (hit) => hit.id !== id })
      .slice(0, limit)
      .flatMap((hit) => {
        const other = this.byId.get(String(hit.id));
        return other ? [this.toResult(other, hit.score, hit.terms)] : [];
      });
  }

  private searchOptions(query: string): SearchOptions {
    const typing = !/\s$/.test(query);
    const { prefixMinLength, fuzzyMinLength, fuzzy, maxFuzzy } = this.tuning;
    return {
      combineWith: 'OR',
      boost: BOOST,
      prefix: (term, index, terms) => typing && index === terms.length - 1 && term.length >= prefixMinLength,
      // Long terms are never fuzzy: the edit-distance table grows with the square of the length.
      fuzzy: (term) => (term.length >= fuzzyMinLength && term.length <= MAX_FUZZY_TERM_LENGTH ? fuzzy : false),
      maxFuzzy,
    };
  }

  private toResult(paper: Paper, score: number, terms: string[]): SearchResult {
    return { paper, score, terms, snippet: makeSnippet(paper.abstract, terms) };
  }
}

function indexOptions(): Options<Paper> {
  return {
    idField: 'id',
    fields: FIELDS,
    storeFields: [],
    tokenize,
    processTerm,
    extractField: (paper, field) => {
      if (field === 'nickname') return paperNickname(paper.title);
      if (field === 'topics') return paper.topics.join(' ');
      const value = (paper as unknown as Record<string, unknown>)[field];
      return typeof value === 'string' ? value : '';
    },
  };
}
