import type { RE2JS } from 're2js';
import { re2 } from '../re2';
import { escapeRegExp } from '../regex';
import type { TopicTerm } from '../types';

/**
 * A compiled topic term: counts its matches in a text, never more than `limit`. Every matcher runs in
 * time linear in the text, whatever the term says: phrases are built so that the backtracking engine
 * never has two ways to match a character, and regular expressions run on RE2 (re2js), which has no
 * backtracking at all.
 */
export interface TermMatcher {
  count(text: string, limit: number): number;
  /**
   * A word every match starts with, so a text without it is skipped without running the pattern; null
   * when there is none to rely on. See `wordsOf`.
   */
  needle: Needle | null;
}

/** A lowercase ASCII word of a text's `wordsOf`: the whole word, or (`prefix`) its start. */
export interface Needle {
  word: string;
  prefix: boolean;
}

/** A term that cannot be used, and why (a sentence fragment naming the pattern). */
export interface TermProblem {
  problem: string;
}

/**
 * RE2 program size above which a pattern is refused: matching costs about this many steps per
 * character. `(.*a){25}` is 127, an ordinary pattern under 50; `[\s\S]{1000}` is over 1,000.
 */
export const MAX_PROGRAM_SIZE = 500;

/**
 * The words of a text (runs of letters and digits), folded so that wherever a phrase matches
 * case-insensitively (`iu` flags), the word it starts in begins with the phrase's needle:
 * `toLowerCase` maps the Kelvin sign to `k`, and the long s (ſ), which matches `s`, is mapped by hand.
 */
export function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/\u017f/g, 's').match(/[\p{L}\p{N}]+/gu));
}

/** Whether a text with these `wordsOf` can hold a match of a term with this needle. */
export function mayMatch(needle: Needle | null, words: ReadonlySet<string>, prefixes: (word: string) => boolean): boolean {
  if (needle === null) return true;
  return needle.prefix ? prefixes(needle.word) : words.has(needle.word);
}

/** Compiles a phrase or, with `regex: true`, a regular expression; or says why it cannot be used. */
export function compileTerm(term: TopicTerm): TermMatcher | TermProblem {
  return term.regex ? compilePattern(term.match) : compilePhrase(term.match);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A phrase matches on word boundaries, case-insensitively, with whitespace (or hyphens beside it)
 * standing for any run of spaces and hyphens, and a `*` at the end of a word for any word ending.
 * A `*` inside a word (`a*b*c`) is refused: two of them can make matching polynomial in a word's length.
 */
function compilePhrase(phrase: string): TermMatcher | TermProblem {
  const words = phrase.trim().split(/[\s-]*\s[\s-]*/);
  for (const word of words) {
    const star = [...word.matchAll(/\*/g)].find((match) => WORD_CHARACTER.test(word[(match.index ?? 0) + 1] ?? ''));
    if (star) return { problem: `the "*" in "${phrase}" must end a word (as in "quantiz*"), not start or split one` };
  }
  const body = words.map((word) => word.split('*').map(escapeRegExp).join('[\\p{L}\\p{N}]*')).join('[\\s-]+');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
  return { needle: phraseNeedle(words[0]), count: (text, limit) => countMatches(regex, text, limit) };
}

/**
 * A match starts where the text's word starts, with the ASCII letters and digits the phrase starts
 * with: the whole word when a non-letter (`low-bit`) or the end of the phrase's word follows them,
 * else (a `*`, or a letter beyond ASCII) the word's start.
 */
function phraseNeedle(firstWord: string): Needle | null {
  const lead = /^[A-Za-z0-9]+/.exec(firstWord)?.[0];
  if (!lead) return null;
  const next = firstWord.charAt(lead.length);
  const whole = next === '' || (next !== '*' && !WORD_CHARACTER.test(next));
  return { word: lead.toLowerCase(), prefix: !whole };
}

/** Matches of a global JavaScript regular expression in `text`, at most `limit` (an empty match counts once). */
export function countMatches(regex: RegExp, text: string, limit: number): number {
  regex.lastIndex = 0;
  let count = 0;
  while (count < limit) {
    const match = regex.exec(text);
    if (!match) break;
    count++;
    if (match[0] === '') regex.lastIndex++;
  }
  return count;
}

/**
 * A regular expression in JavaScript syntax, case-sensitive, run by RE2 in linear time. Refused: what
 * JavaScript cannot compile, what RE2 cannot run without backtracking (backreferences, lookahead), and
 * patterns whose RE2 program is over `MAX_PROGRAM_SIZE`.
 */
function compilePattern(source: string): TermMatcher | TermProblem {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { problem: `the pattern "${source}" is not a valid regular expression (${(error as Error).message})` };
  }
  const RE2 = re2();
  let compiled: RE2JS;
  try {
    compiled = RE2.compile(RE2.translateRegExp(source), RE2.LOOKBEHINDS);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    return {
      problem: `the pattern "${source}" cannot be matched in linear time (${reason}); backreferences, lookahead and repeat counts over 1000 are not supported (use \\b for word edges)`,
    };
  }
  const size = compiled.programSize();
  if (size > MAX_PROGRAM_SIZE) return { problem: `the pattern "${source}" is too complex to match quickly (size ${size}, at most ${MAX_PROGRAM_SIZE}); use fewer or smaller repeat counts` };
  return {
    needle: null,
    count: (text, limit) => {
      // test() runs RE2's DFA, much faster than finding each match: most texts do not match at all.
      if (limit <= 0 || !compiled.test(text)) return 0;
      // Counted a window at a time with the DFA too: finding each match runs RE2's NFA, whose cost per
      // character grows with the pattern (`(.*a){25}` cost 1,500 times an ordinary one per character).
      // The text matches, so the term counts at least once, if only by a match longer than a window.
      let count = 0;
      for (const window of textWindows(text)) {
        if (compiled.test(window) && ++count >= limit) break;
      }
      return Math.max(1, count);
    },
  };
}

/** How long a window of text a regular-expression term is counted in: a term counts once per window. */
export const PATTERN_WINDOW = 400;

/**
 * Stands before every window but the first and after every one but the last, so that `^` and `$`
 * still mean the start and the end of the whole text: a noncharacter, which no text holds.
 */
const WINDOW_EDGE = '\uFFFF';

/**
 * `text` in windows of at most `PATTERN_WINDOW` characters, each ending after white space where there
 * is some, marked at the edges that are not the text's own (see `WINDOW_EDGE`). An empty text is one
 * empty window.
 */
export function* textWindows(text: string): Generator<string> {
  let start = 0;
  do {
    let end = Math.min(text.length, start + PATTERN_WINDOW);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end - 1);
      if (space > start) end = space + 1;
    }
    yield `${start > 0 ? WINDOW_EDGE : ''}${text.slice(start, end)}${end < text.length ? WINDOW_EDGE : ''}`;
    start = end;
  } while (start < text.length);
}
