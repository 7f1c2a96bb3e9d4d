import type { Options } from 'minisearch';
import type { Paper } from '../types';
import { compoundWords, foldWord, isStopword, shortName, stem, tokenize } from './terms';
import type { VocabularyBuilder } from './vocabulary';

/**
 * The fields MiniSearch indexes: the title, the short name before its colon, abstract, topics, citation
 * key, and the hyphenated words of title and abstract written as one (`compoundWords`).
 */
export const SEARCH_FIELDS = ['title', 'shortName', 'abstract', 'topics', 'key', 'compounds'] as const;

/** A field MiniSearch indexes. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** How much a match in each field counts (MiniSearch's `boost`); measured on the query sets of the unit tests. */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = { title: 3, shortName: 6, abstract: 1, topics: 1.5, key: 6, compounds: 1 };

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
    default:
      return paper[field as 'id' | 'title' | 'abstract' | 'key'] ?? '';
  }
}

/**
 * The options the index is built and loaded with (MiniSearch needs the same ones for `loadJSON`).
 * While building, `recorder` is told every word (but citation keys) and the term it became, which
 * makes the vocabulary without reading the papers twice; words are cached, since most recur.
 */
export function indexOptions(recorder?: VocabularyBuilder): Options<Paper> {
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
    extractField: fieldText,
    tokenize,
    processTerm,
    searchOptions: { boost: { ...FIELD_BOOSTS }, bm25: BM25, prefix: false, fuzzy: false, combineWith: 'OR' },
    logger: () => undefined,
  };
}
