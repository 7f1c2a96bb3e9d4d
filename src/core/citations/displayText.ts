/**
 * Text for the UI from corpus text, the same everywhere it is shown (tree, quick pick, panel, hover):
 * the label of an unknown date, previews cut between words, Markdown that wraps between words and
 * links that stop where the URL stops, and the whole words a query matched. Pure.
 */

/**
 * Bidirectional formatting controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069)
 * and the marks (U+200E, U+200F, U+061C). A right-to-left override in a title shows the rest of a label,
 * or a terminal line, reversed.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidirectional formatting controls: shown in its own order, never reordered by them. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Text for a quick pick's label, description or detail, shown as written: no bidirectional controls,
 * and `$(name)` escaped, which VS Code would otherwise show as the icon `name`. (Tree rows show no
 * icons in their text: they need only `withoutBidiControls`.)
 */
export function labelText(text: string): string {
  return withoutBidiControls(text).replace(/\$\(/g, '\\$(');
}

/** The one label for a paper whose date is unknown, wherever a date or year is shown or cited. */
export const UNKNOWN_DATE_LABEL = 'n.d.';

/** A paper's date as shown: `2024-03-06` (as far as it is known), or `n.d.`. */
export function dateLabel(published: string | null): string {
  return published ?? UNKNOWN_DATE_LABEL;
}

/** A paper's year as cited: `2024`, or `n.d.`. */
export function yearLabel(published: string | null): string {
  return /^(\d{4})/.exec(published ?? '')?.[1] ?? UNKNOWN_DATE_LABEL;
}

/** How the Topics view orders the papers of a topic. */
export type PaperOrder = 'date' | 'upvotes' | 'title';

/**
 * A paper's date and upvotes for a list row, the one the list is sorted by first: `2024-03-06 · ▲ 12`,
 * or `▲ 12 · 2024-03-06` by upvotes. What is not known is left out, not printed as a placeholder; ''
 * when neither is known.
 */
export function paperFacts(paper: { published: string | null; upvotes: number | null }, order: PaperOrder): string {
  const date = paper.published;
  const upvotes = paper.upvotes === null ? null : `▲ ${paper.upvotes}`;
  const parts = order === 'upvotes' ? [upvotes, date] : [date, upvotes];
  return parts.filter((part): part is string => part !== null).join(' · ');
}

/** What a list sorted by `order` says about its order (for the view's description). */
export function orderLabel(order: PaperOrder): string {
  return order === 'date' ? 'newest first' : order === 'upvotes' ? 'most upvoted first' : 'by title';
}

/**
 * `text` cut to at most `max` characters, between words, with `…` when anything was cut. A single word
 * longer than `max` is cut inside (and gets the ellipsis), since nothing else fits.
 */
export function clipAtWord(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  const room = collapsed.slice(0, Math.max(0, max - 1));
  const space = room.lastIndexOf(' ');
  const cut = space > 0 && !/\s/.test(collapsed[room.length]) ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The characters Markdown (CommonMark, GFM, VS Code's `$(icon)` syntax) may read as syntax; CommonMark
 * lets a backslash escape any ASCII punctuation.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~=:$^]/g;

/**
 * Plain text as Markdown that shows exactly that text: every Markdown character escaped, white space
 * kept as plain spaces (VS Code's `appendText` turns them into `&nbsp;`, so hovers then break lines in
 * the middle of words), and each http(s) URL as an autolink `<url>` that ends where the URL ends (so a
 * URL never swallows the text after it). Trailing punctuation stays out of the URL.
 */
export function markdownText(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  let out = '';
  let from = 0;
  for (const match of collapsed.matchAll(/https?:\/\/[^\s<>"'`{}|\\^[\]]+/g)) {
    const url = trimTrailing(match[0]);
    if (!/^https?:\/\/[^/?#]/.test(url)) continue;
    out += escapeMarkdown(collapsed.slice(from, match.index)) + `<${url}>`;
    from = match.index + url.length;
  }
  return out + escapeMarkdown(collapsed.slice(from));
}

/** Backslash before every character Markdown would read as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/** A URL without the punctuation that ends the sentence around it, or closing brackets it did not open. Linear. */
function trimTrailing(url: string): string {
  const opened = url.split('(').length - 1;
  let closed = url.split(')').length - 1;
  let end = url.length;
  while (end > 0 && '.,;:!?\'")'.includes(url[end - 1])) {
    if (url[end - 1] === ')') {
      if (closed <= opened) break;
      closed--;
    }
    end--;
  }
  return url.slice(0, end);
}

/** A span of text, `[start, end)` in UTF-16 code units, as VS Code's label highlights take it. */
export type TextRange = [start: number, end: number];

/**
 * The whole words of `text` that `query` matched, for highlighting a result: a word counts when,
 * case and accents folded, it equals a query word or starts with one of three letters or more. Never
 * part of a word ("GAL" inside "FRUGAL"), so an empty list when only parts matched.
 */
export function matchedWordRanges(text: string, query: string): TextRange[] {
  const terms = [...new Set(words(query).map((word) => word.folded))];
  if (terms.length === 0) return [];
  const ranges: TextRange[] = [];
  for (const word of words(text)) {
    if (terms.some((term) => word.folded === term || (term.length >= 3 && word.folded.startsWith(term)))) ranges.push([word.start, word.end]);
  }
  return ranges;
}

/** The words of a text (letters and digits), each with its place and its folded form. */
function words(text: string): { start: number; end: number; folded: string }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    folded: match[0].normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase(),
  }));
}
