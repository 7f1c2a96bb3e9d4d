/**
 * Papers for the passage at the cursor, ranked by the search engine from the passage's weighted
 * words; and the order of citation completions by relevance to the passage, keys it already cites
 * last. Pure: the engine is passed in (the CLI's `PaperIndex`, or the extension's engine, whose answers
 * are promises because its index may live in the search worker).
 */
import { scanKeySpans } from '../references/scanCitations';
import type { QueryOptions, SearchResult } from '../search/paperIndex';
import { processTerm } from '../search/terms';
import type { Paper } from '../types';
import { extractPassage, type Passage } from './extractPassage';
import { buildPassageQuery, DEFAULT_WEIGHTING, type PassageQuery, type WeightTuning } from './passageQuery';
import { passageWords } from './passageWords';

/** Anything that ranks papers for a query the way `PaperIndex.search` does, at once or with a promise. */
export interface PaperSearch {
  search(query: string, options?: Pick<QueryOptions, 'limit' | 'wordWeights'>): SearchResult[] | Promise<SearchResult[]>;
}

/** Where the passage is and how to read it. */
export interface PassageRequest {
  text: string;
  languageId: string;
  /** The cursor's offset (UTF-16) in `text`. */
  cursor: number;
  /** A non-empty selection is the passage itself. */
  selection?: { start: number; end: number };
  /** The code-comment trigger (default `@cite:`), whose citations are not passage words. */
  commentTrigger?: string;
}

/** Papers suggested for a passage, best first, with the passage and the query that found them. */
export interface PassageSuggestions {
  passage: Passage;
  query: PassageQuery;
  results: SearchResult[];
  /** The passage's words that drove the ranking (`rankingWords`), to show what the papers are about. */
  keyWords: string[];
}

/** The passage at the request's cursor and the query its words make; null when there is no prose there. */
export function passageQueryAt(request: PassageRequest, tuning: WeightTuning = DEFAULT_WEIGHTING): { passage: Passage; query: PassageQuery } | null {
  const passage = extractPassage(request.text, request.languageId, request.cursor, request.selection);
  if (!passage) return null;
  const query = buildPassageQuery(passageWords(passage, request.commentTrigger), passage.cursor, tuning);
  return { passage, query };
}

/** Papers about the passage at the cursor, best first (at most `limit`, default 10); null when there is no prose there. */
export async function suggestPapers(engine: PaperSearch, request: PassageRequest, limit = 10, tuning: WeightTuning = DEFAULT_WEIGHTING): Promise<PassageSuggestions | null> {
  const found = passageQueryAt(request, tuning);
  if (!found) return null;
  const results = found.query.text ? await engine.search(found.query.text, { limit, wordWeights: found.query.wordWeights }) : [];
  return { ...found, results, keyWords: rankingWords(results, found.query) };
}

/** The passage's words (as written) that a result matched, for showing why it was suggested. */
export function matchedWords(result: SearchResult, query: PassageQuery): string[] {
  return query.words.filter((word) => matches(result, word));
}

function matches(result: SearchResult, word: string): boolean {
  const term = processTerm(word);
  return term !== null && result.terms.some((matched) => matched === term || matched.startsWith(term));
}

/**
 * The passage's words that drove the ranking: those the first `first` results matched, weighed by the
 * word's weight in the query times the number of those results that matched it, heaviest first; a word
 * no result matched is left out, however heavy. Two words written side by side ("attention heads")
 * are shown as one phrase.
 */
export function rankingWords(results: readonly SearchResult[], query: PassageQuery, first = 5): string[] {
  const top = results.slice(0, first);
  const scored = query.words
    .map((word, order) => ({ word, order, score: (query.wordWeights.get(word.toLowerCase()) ?? 1) * top.filter((result) => matches(result, word)).length }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const shown = scored.map((entry) => entry.word);
  // Phrases chain ("pruning attention" + "attention heads"): each run of them shows as one, where its heaviest word stood.
  const runs: string[][] = [];
  for (const [a, b] of query.phrases) {
    if (!shown.includes(a) || !shown.includes(b)) continue;
    const run = runs.find((words) => words[words.length - 1] === a);
    if (run) run.push(b);
    else runs.push([a, b]);
  }
  for (const run of runs) {
    const places = run.map((word) => shown.indexOf(word)).filter((at) => at >= 0);
    if (places.length < run.length) continue;
    const first = Math.min(...places);
    shown[first] = run.join(' ');
    for (const at of places.filter((place) => place !== first).sort((a, b) => b - a)) shown.splice(at, 1);
  }
  return shown;
}

/** The keys the passage cites already, in its own syntax. */
export function citedInPassage(request: PassageRequest, passage: Passage): Set<string> {
  const text = request.text.slice(passage.start, passage.end);
  const spans = scanKeySpans(text, passage.textKind === 'code' ? 'plaintext' : request.languageId, { commentTrigger: request.commentTrigger });
  return new Set(spans.filter((span) => span.kind === 'citation').map((span) => span.key));
}

/**
 * Every paper in completion order for a citation typed in the passage: papers relevant to the
 * passage first (best first), then the others in their given order, and papers whose keys the
 * passage already cites last.
 */
export async function completionOrder(engine: PaperSearch, papers: readonly Paper[], request: PassageRequest, relevantLimit = 50): Promise<Paper[]> {
  const ranks = await completionRanks(engine, papers, request, relevantLimit);
  return [...papers].sort((a, b) => (ranks.get(a.id) as number) - (ranks.get(b.id) as number));
}

/**
 * The place of each paper (by id) in `completionOrder`, found without sorting the papers, so the
 * editor can order a long completion list in time linear in its length.
 */
export async function completionRanks(engine: PaperSearch, papers: readonly Paper[], request: PassageRequest, relevantLimit = 50): Promise<Map<string, number>> {
  const found = passageQueryAt(request);
  const relevant = found?.query.text ? await engine.search(found.query.text, { limit: relevantLimit, wordWeights: found.query.wordWeights }) : [];
  const cited = found ? citedInPassage(request, found.passage) : new Set<string>();
  return relevanceRanks(papers, relevant, cited);
}

/** `papers` ordered: the ranked ones in rank order, the rest in their order, cited keys last (in their order). */
export function orderByRelevance(papers: readonly Paper[], ranked: readonly SearchResult[], citedKeys: ReadonlySet<string>): Paper[] {
  const ranks = relevanceRanks(papers, ranked, citedKeys);
  return [...papers].sort((a, b) => (ranks.get(a.id) as number) - (ranks.get(b.id) as number));
}

/** Each paper's place in `orderByRelevance`: ranked papers by rank, then the others, then cited keys, each by given position. */
function relevanceRanks(papers: readonly Paper[], ranked: readonly SearchResult[], citedKeys: ReadonlySet<string>): Map<string, number> {
  const rank = new Map<string, number>();
  ranked.forEach((result, index) => rank.set(result.paper.id, index));
  // A paper cited by an old key (an alias) is cited too.
  const cited = (paper: Paper): boolean => citedKeys.has(paper.key) || (paper.aliases ?? []).some((alias) => citedKeys.has(alias));
  const ranks = new Map<string, number>();
  papers.forEach((paper, position) => {
    const relevant = rank.get(paper.id);
    const place = cited(paper) ? ranked.length + papers.length + position : relevant ?? ranked.length + position;
    ranks.set(paper.id, place);
  });
  return ranks;
}
