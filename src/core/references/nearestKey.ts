/**
 * The known key an unknown one most likely meant, for the "Replace with <nearest key>" quick fix: close
 * by edit distance (`awq2032` -> `awq2023`), or naming words of the paper's title (`galore2024` ->
 * `galore_nd`, `lora_vs_full` -> `lora_nd`), with a matching year as a tie breaker.
 */
import { boundedEditDistance, MAX_FUZZY_TERM_LENGTH } from './editDistance';

/** A key a writer may mean, and the title of its paper. */
export interface KeyCandidate {
  key: string;
  title: string;
}

/** A suggested replacement: the key, how many edits away it is (null when farther than allowed), and the title words it shares. */
export interface KeySuggestion {
  key: string;
  edits: number | null;
  sharedWords: string[];
}

/** Words of a key: runs of letters, split at `_`, `-`, `:`, digits and camel case (`loraAdapter` -> lora, adapter). */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 3);
}

/**
 * What to search for to find the paper an unknown key meant: its words (`lora_vs_full` -> `lora full`),
 * or the key itself when it has none of three letters or more.
 */
export function keySearchText(key: string): string {
  const words = keyWords(key);
  return words.length > 0 ? words.join(' ') : key;
}

/** True when two words are the same or share a stem of at least five letters (`adapter`, `adapters`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 5 && common >= Math.min(a.length, b.length) - 2;
}

/**
 * Up to `limit` known keys closest to `unknown`, best first; empty when none is close enough. A
 * candidate qualifies when it is within a third of the key's length in edits (at least one, at most
 * four), or when its title contains a word of the unknown key.
 */
export function nearestKeys(unknown: string, candidates: readonly KeyCandidate[], limit = 1): KeySuggestion[] {
  const lower = unknown.toLowerCase();
  if (!lower || lower.length > MAX_FUZZY_TERM_LENGTH) return [];
  const maxEdits = Math.max(1, Math.min(4, Math.floor(lower.length / 3)));
  const words = keyWords(unknown);
  const year = /(?:19|20)\d\d/.exec(unknown)?.[0];
  const scored: Array<{ suggestion: KeySuggestion; score: number }> = [];
  for (const { key, title } of candidates) {
    if (key === unknown || key.length > MAX_FUZZY_TERM_LENGTH) continue;
    const distance = boundedEditDistance(lower, key.toLowerCase(), maxEdits);
    const edits = distance <= maxEdits ? distance : null;
    const titleWords = words.length > 0 ? title.toLowerCase().split(/[^\p{L}\p{N}]+/u) : [];
    const sharedWords = words.filter((word) => titleWords.some((titleWord) => sameWord(word, titleWord)));
    if (edits === null && sharedWords.length === 0) continue;
    const score = (edits === null ? 0 : (maxEdits + 1 - edits) * 2) + sharedWords.length * 5 + (year && key.includes(year) ? 1 : 0);
    scored.push({ suggestion: { key, edits, sharedWords }, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.suggestion.edits ?? 99) - (b.suggestion.edits ?? 99) || a.suggestion.key.localeCompare(b.suggestion.key));
  return scored.slice(0, Math.max(0, limit)).map((entry) => entry.suggestion);
}
