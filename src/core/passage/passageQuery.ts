/**
 * Turns a passage's words into a search query: each word weighs more the nearer it stands to the
 * cursor (counted in words), a word said several times weighs a little more, and only the heaviest
 * words go into the query, with their weights, for the search engine's `wordWeights`.
 */
import { processTerm } from '../search/terms';
import type { PassageWord } from './passageWords';

/** How words are weighed; the defaults were tuned on the tuning passages of the unit tests. */
export interface WeightTuning {
  /** Extra weight of the word right at the cursor (a far word weighs 1). */
  nearBoost: number;
  /** Words from the cursor over which the extra weight falls to about a third. */
  decayWords: number;
  /** Extra share of weight for each repetition of a word (up to three). */
  repeatBonus: number;
  /** At most this many distinct words go into the query. */
  maxWords: number;
}

/** The tuned defaults. */
export const DEFAULT_WEIGHTING: WeightTuning = { nearBoost: 2, decayWords: 12, repeatBonus: 0.25, maxWords: 24 };

/** A query made from a passage: its text (heaviest word first, ending with a space so no word is taken as half-typed) and its word weights. */
export interface PassageQuery {
  text: string;
  /** Lower-cased word -> weight, for `QueryOptions.wordWeights`. */
  wordWeights: Map<string, number>;
  /** The words chosen, heaviest first, as written in the passage (first spelling of each term). */
  words: string[];
}

/**
 * The query for `words` with the cursor at offset `cursor` (null: a selection, every word weighs the
 * same). Words that mean the same search term ("quantized", "quantization") count as one.
 */
export function buildPassageQuery(words: readonly PassageWord[], cursor: number | null, tuning: WeightTuning = DEFAULT_WEIGHTING): PassageQuery {
  let cursorIndex = words.length;
  if (cursor !== null) {
    cursorIndex = words.findIndex((word) => word.offset >= cursor);
    if (cursorIndex < 0) cursorIndex = words.length;
  }
  const byTerm = new Map<string, { weight: number; count: number; spellings: Set<string>; first: string; order: number }>();
  words.forEach(({ word }, index) => {
    const term = processTerm(word);
    if (term === null) return;
    const distance = index < cursorIndex ? cursorIndex - index - 1 : index - cursorIndex;
    const weight = cursor === null ? 1 : 1 + tuning.nearBoost * Math.exp(-distance / tuning.decayWords);
    const entry = byTerm.get(term);
    if (entry) {
      entry.weight = Math.max(entry.weight, weight);
      entry.count++;
      entry.spellings.add(word.toLowerCase());
    } else byTerm.set(term, { weight, count: 1, spellings: new Set([word.toLowerCase()]), first: word, order: index });
  });
  const chosen = [...byTerm.values()]
    .map((entry) => ({ ...entry, weight: entry.weight * (1 + tuning.repeatBonus * Math.min(entry.count - 1, 3)) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, tuning.maxWords);
  const wordWeights = new Map<string, number>();
  for (const entry of chosen) for (const spelling of entry.spellings) wordWeights.set(spelling, entry.weight);
  const chosenWords = chosen.map((entry) => entry.first);
  return { text: chosenWords.length > 0 ? `${chosenWords.join(' ')} ` : '', wordWeights, words: chosenWords };
}
