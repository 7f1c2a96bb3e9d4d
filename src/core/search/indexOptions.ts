import type { Options } from 'minisearch';
import type { Paper } from '../types';
import { compoundWords, foldWord, isStopword, shortName, stem, tokenize } from './terms';
import type { VocabularyBuilder } from './vocabulary';

/**
 * The fields MiniSearch indexes: the title, the short name before its colon, abstract, topics, citation
 * key, the hyphenated words of title and abstract written as one (`compoundWords`), and for papers of
 * the user's library the authors' and editors' names and the details (venue and keywords).
 */
export const SEARCH_FIELDS = ['title', 'shortName', 'abstract', 'topics', 'key', 'compounds', 'authors', 'details'] as const;

/** A field MiniSearch indexes. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * The fields a first, quick index leaves out (`PaperIndex.buildAsync` with `quick`): the abstract and
 * the compounds made from it are most of the text, and of the time MiniSearch takes to index a library;
 * without them a paper is found by its title, short name, key, authors, venue, keywords and topics.
 */
export const QUICK_SKIPPED_FIELDS: readonly SearchField[] = ['abstract', 'compounds'];

/** How much a match in each field counts (MiniSearch's `boost`); measured on the query sets of the unit tests. */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = { title: 3, shortName: 6, abstract: 1, topics: 1.5, key: 6, compounds: 1, authors: 3, details: 1 };

/** MiniSearch's BM25+ parameters (its defaults, which measured best here). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The text of one field of a paper, MiniSearch's `extractField`. */
export function fieldText(paper: Paper, field: string): string {
  switch (field as SearchField) {
    case 'shortName':
      return shortName(paper.title);
    case 'topics':
      return paper.topics.join(' ');
    case 'compounds':
      return compoundWords(`${paper.title} ${paper.abstract}`).join(' ');
    case 'key':
      // Old keys (aliases) still find their paper, so documents citing them keep working.
      return paper.aliases && paper.aliases.length > 0 ? [paper.key, ...paper.aliases].join(' ') : paper.key;
    case 'authors':
      return paper.authors || paper.editors ? [...(paper.authors ?? []), ...(paper.editors ?? [])].map((name) => (name.given ? `${name.given} ${name.family}` : name.family)).join(' ') : '';
    case 'details':
      return paper.venue || paper.keywords ? [paper.venue ?? '', ...(paper.keywords ?? [])].join(' ') : '';
    default:
      return paper[field as 'id' | 'title' | 'abstract' | 'key'] ?? '';
  }
}

/**
 * The options the index is built and loaded with (MiniSearch needs the same ones for `loadJSON`).
 * While building, `recorder` is told every word (but citation keys) and the term it became, which
 * makes the vocabulary without reading the papers twice; words are cached, since most recur. The
 * `skipped` fields are left empty (a quick first index, see `QUICK_SKIPPED_FIELDS`).
 */
export function indexOptions(recorder?: VocabularyBuilder, skipped: readonly SearchField[] = []): Options<Paper> {
  const cache = new Map<string, [string, string] | null>();
  const processTerm = (token: string, field?: string): string | null => {
    let known = cache.get(token);
    if (known === undefined) {
      const word = foldWord(token);
      known = isStopword(word) ? null : [word, stem(word)];
      if (recorder) cache.set(token, known);
    }
    if (known === null) return null;
    // Citation keys are completed from the keys themselves (`PaperIndex.complete`), not as words.
    if (field !== 'key') recorder?.note(known[0], known[1], field);
    return known[1];
  };
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    // A skipped field is indexed empty, so the index has the same fields (and is searched the same way).
    extractField: skipped.length === 0 ? fieldText : (paper, field) => (skipped.includes(field as SearchField) ? '' : fieldText(paper, field)),
    tokenize,
    processTerm,
    searchOptions: { boost: { ...FIELD_BOOSTS }, bm25: BM25, prefix: false, fuzzy: false, combineWith: 'OR' },
    logger: () => undefined,
  };
}
