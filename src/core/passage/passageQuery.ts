/**
 * Turns a passage's words into a search query: each word weighs more the nearer it stands to the
 * cursor (counted in words) and more again in the cursor's own sentence, a word said several times
 * weighs a little more, two words written side by side ("attention heads") weigh as one phrase, and
 * only the heaviest words go into the query, with their weights, for the search engine's `wordWeights`.
 */
import { processTerm } from '../search/terms';
import type { PassageWord } from './passageWords';

/** How words are weighed; the defaults were tuned on the tuning passages of the unit tests. */
export interface WeightTuning {
  /** Extra weight of the word right at the cursor (a far word weighs 1). */
  nearBoost: number;
  /** Words from the cursor over which the extra weight falls to about a third. */
  decayWords: number;
  /** Extra weight of every word in the sentence that holds the cursor. */
  sentenceBoost: number;
  /** Extra share of weight for each repetition of a word (up to three). */
  repeatBonus: number;
  /** At most this many distinct words go into the query. */
  maxWords: number;
}

/** The tuned defaults. */
export const DEFAULT_WEIGHTING: WeightTuning = { nearBoost: 1, decayWords: 20, sentenceBoost: 1, repeatBonus: 0.25, maxWords: 24 };

/** A query made from a passage: its text (heaviest word first, ending with a space so no word is taken as half-typed) and its word weights. */
export interface PassageQuery {
  text: string;
  /** Lower-cased word -> weight, for `QueryOptions.wordWeights`. */
  wordWeights: Map<string, number>;
  /** The words chosen, heaviest first, as written in the passage (first spelling of each term). */
  words: string[];
  /** Pairs of chosen words written side by side in the passage (first spellings, in their order): phrases to show together. */
  phrases: Array<[string, string]>;
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
  // The cursor's sentence: that of the word just before it (the writer is finishing it), else the next.
  const cursorSentence = cursor === null ? -1 : (words[cursorIndex - 1] ?? words[cursorIndex])?.sentence ?? -1;
  const byTerm = new Map<string, { weight: number; count: number; spellings: Set<string>; first: string; order: number }>();
  const termAt: Array<string | null> = [];
  words.forEach(({ word, sentence }, index) => {
    const term = processTerm(word);
    termAt.push(term);
    if (term === null) return;
    const distance = index < cursorIndex ? cursorIndex - index - 1 : index - cursorIndex;
    const weight = cursor === null ? 1 : 1 + tuning.nearBoost * Math.exp(-distance / tuning.decayWords) + (sentence === cursorSentence ? tuning.sentenceBoost : 0);
    const entry = byTerm.get(term);
    if (entry) {
      entry.weight = Math.max(entry.weight, weight);
      entry.count++;
      entry.spellings.add(word.toLowerCase());
    } else byTerm.set(term, { weight, count: 1, spellings: new Set([word.toLowerCase()]), first: word, order: index });
  });
  // Words side by side form a phrase: each weighs as much as the heavier of the two, so they are chosen together.
  const pairs: Array<[string, string]> = [];
  words.forEach((word, index) => {
    const [before, after] = [termAt[index - 1], termAt[index]];
    if (index > 0 && word.joined && before && after && before !== after) pairs.push([before, after]);
  });
  const base = new Map([...byTerm].map(([term, entry]) => [term, entry.weight * (1 + tuning.repeatBonus * Math.min(entry.count - 1, 3))]));
  const weightOf = new Map(base);
  for (const [a, b] of pairs) {
    const heavier = Math.max(base.get(a) as number, base.get(b) as number);
    weightOf.set(a, Math.max(weightOf.get(a) as number, heavier));
    weightOf.set(b, Math.max(weightOf.get(b) as number, heavier));
  }
  const chosen = [...byTerm]
    .map(([term, entry]) => ({ ...entry, term, weight: weightOf.get(term) as number }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, tuning.maxWords);
  const wordWeights = new Map<string, number>();
  for (const entry of chosen) for (const spelling of entry.spellings) wordWeights.set(spelling, entry.weight);
  const chosenWords = chosen.map((entry) => entry.first);
  const firstOf = new Map(chosen.map((entry) => [entry.term, entry.first]));
  const phrases: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [a, b] of pairs) {
    const key = `${a} ${b}`;
    if (firstOf.has(a) && firstOf.has(b) && !seen.has(key)) {
      seen.add(key);
      phrases.push([firstOf.get(a) as string, firstOf.get(b) as string]);
    }
  }
  return { text: chosenWords.length > 0 ? `${chosenWords.join(' ')} ` : '', wordWeights, words: chosenWords, phrases };
}
