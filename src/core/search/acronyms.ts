import { foldWord, tokenize } from './terms';

/** Longest short form mined, in characters. */
const MAX_SHORT_LENGTH = 12;
/** Long forms kept per short form (the most frequent). */
const MAX_LONG_FORMS = 2;
/** LaTeX commands whose backslash the page dumps lost: a long form holding one was misread. */
const LATEX_WORD = /\b(textbf|textit|emph|mathbf|mathrm|mathcal)\b/;

/**
 * Collects "Long Name (ACRO)" pairs from abstracts and titles ("Low-Rank Adaptation (LoRA)",
 * "mixture of experts (MoE)"), so a search for either finds both. Keys and long forms are folded,
 * lowercase words separated by single spaces; a plural short form ("LLMs") is kept singular.
 */
export class AcronymMiner {
  private readonly counts = new Map<string, Map<string, number>>();

  /** Reads one text and notes every pair in it. Linear in the text's length. */
  add(text: string): void {
    const open = /\(([\p{L}][\p{L}\p{N}-]{1,11})\)/gu;
    for (let match = open.exec(text); match; match = open.exec(text)) {
      const short = match[1];
      if (!isAcronymLike(short)) continue;
      const before = text.slice(Math.max(0, match.index - 120), match.index);
      const long = longFormFor(short, before);
      if (!long) continue;
      const key = acronymKey(short);
      const words = tokenize(long).map(foldWord).join(' ');
      if (!key || words === key || words.split(' ').length < 2 || LATEX_WORD.test(words)) continue;
      const forms = this.counts.get(key) ?? new Map<string, number>();
      forms.set(words, (forms.get(words) ?? 0) + 1);
      this.counts.set(key, forms);
    }
  }

  /** The pairs found, short form to its most frequent long forms. */
  result(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const key of [...this.counts.keys()].sort()) {
      const forms = [...(this.counts.get(key) as Map<string, number>)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      result[key] = forms.slice(0, MAX_LONG_FORMS).map(([form]) => form);
    }
    return result;
  }
}

/** How a short form is looked up: folded, letters and digits only, a final plural "s" dropped ("LLMs" -> "llm"). */
export function acronymKey(short: string): string {
  const folded = foldWord(short).replace(/[^\p{L}\p{N}]+/gu, '');
  return /[A-Z0-9]s$/.test(short) && folded.length > 2 ? folded.slice(0, -1) : folded;
}

/** An acronym has at least two capitals (or a capital and a digit) and no long run of lowercase. */
function isAcronymLike(short: string): boolean {
  if (short.length > MAX_SHORT_LENGTH || /^[IVXLC]+$/.test(short)) return false;
  const capitals = short.replace(/[^\p{Lu}\p{N}]/gu, '').length;
  return capitals >= 2 && !/\p{Ll}{5,}/u.test(short);
}

/**
 * The long form a short form abbreviates, read backwards from the text just before it (after Schwartz
 * and Hearst, 2003): each letter of the short form, last to first, is found in the text, and the first
 * one must start a word. Undefined when the letters cannot all be found within a few words.
 */
function longFormFor(short: string, before: string): string | undefined {
  const letters = short.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const words = before.trimEnd().split(/\s+/);
  const window = words.slice(-Math.min(letters.length + 5, letters.length * 2)).join(' ');
  const text = window.toLowerCase();
  let at = text.length - 1;
  for (let index = letters.length - 1; index >= 0; index--) {
    const letter = letters[index];
    while (at >= 0 && (text[at] !== letter || (index === 0 && at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])))) at--;
    if (at < 0) return undefined;
    at--;
  }
  const start = text.lastIndexOf(' ', at) + 1;
  const long = window.slice(start).trim();
  return long.length > letters.length ? long : undefined;
}
