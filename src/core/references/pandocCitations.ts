/**
 * Pandoc Markdown citations: `[@a; @b, p. 4]`, `[see -@a]`, in-text `@a`, and `@{braced keys}`, read
 * with pandoc's rules. `@` starts a citation only where no word comes right before it, so
 * `user@example.com` and `\@` are not citations. A key starts with a letter, digit or `_` and goes on
 * with those and single internal punctuation (`:.#$%&-+?<>~/`), so `@doe:2020.` is `doe:2020`.
 * Code (fenced blocks, inline code spans) and HTML comments are skipped; raw LaTeX `\cite{...}` counts.
 */
import { scanLatex } from './latexCitations';
import { inRanges, mergeRanges, type Range } from './ranges';
import type { KeySpan } from './keyOccurrences';

const CITATION = /@(?:\{([^{}\n]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*))/gu;
/** Characters after which `@` is part of a word, an address or an escape, not a citation. */
const WORDLIKE_BEFORE = /[\p{L}\p{N}_.@\\/:+=&%#$]/u;
/** Where `-@key` (suppress author) may start: the start, white space, `[` or `;`. */
const SUPPRESS_BEFORE = /[\s[;(]/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Keys cited in Markdown `text`, pandoc's way and by raw LaTeX commands. */
export function scanPandoc(text: string): KeySpan[] {
  const hasAt = text.includes('@');
  const hasBackslash = text.includes('\\');
  if (!hasAt && !hasBackslash) return [];
  const skip = markdownCodeRanges(text);
  const found: KeySpan[] = [];
  if (hasAt) {
    for (const match of text.matchAll(CITATION)) {
      const at = match.index;
      if (!startsCitation(text, at) || inRanges(skip, at)) continue;
      const braced = match[1];
      if (braced !== undefined) {
        const key = braced.trim();
        if (key) found.push({ key, offset: at + 2 + braced.indexOf(key), kind: 'citation' });
      } else found.push({ key: match[2], offset: at + 1, kind: 'citation' });
    }
  }
  // One at a time: `push(...list)` overflows the stack on a file of a few hundred thousand keys.
  if (hasBackslash) for (const span of scanLatex(text, { percentComments: false, skip })) found.push(span);
  return found.sort((a, b) => a.offset - b.offset);
}

/** Pandoc's rule: `@` at `at` starts a citation unless a word, an address or an escape comes right before it. */
function startsCitation(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1];
  if (before === '-') return at === 1 || SUPPRESS_BEFORE.test(text[at - 2]);
  return !WORDLIKE_BEFORE.test(before);
}

/** Offset ranges of fenced code blocks, inline code spans and HTML comments, merged. */
export function markdownCodeRanges(text: string): Range[] {
  const comments: Range[] = [];
  if (text.includes('<!--')) for (const match of text.matchAll(HTML_COMMENT)) comments.push([match.index, match.index + match[0].length]);
  return mergeRanges(text.includes('```') || text.includes('~~~') ? fencedBlocks(text) : [], text.includes('`') ? codeSpans(text) : [], comments);
}

/**
 * Inline code spans, CommonMark's way: a run of n backticks opens a span that the next run of exactly
 * n backticks in the same paragraph closes; a run with no such partner is literal. Linear: each run
 * looks up the next run of its length in a table built from the end, reset at each blank line.
 */
export function codeSpans(text: string): Range[] {
  const blankLines = [...text.matchAll(/\n[ \t]*\r?\n/g)].map((match) => match.index);
  let paragraph = 0;
  const runs = [...text.matchAll(/`+/g)].map((match) => {
    while (paragraph < blankLines.length && blankLines[paragraph] < match.index) paragraph++;
    return { start: match.index, length: match[0].length, paragraph };
  });
  const nextSameLength = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    if (i < runs.length - 1 && runs[i + 1].paragraph !== runs[i].paragraph) lastByLength.clear();
    nextSameLength[i] = lastByLength.get(runs[i].length) ?? -1;
    lastByLength.set(runs[i].length, i);
  }
  const spans: Range[] = [];
  for (let i = 0; i < runs.length; ) {
    const close = nextSameLength[i];
    if (close < 0) {
      i++;
      continue;
    }
    spans.push([runs[i].start, runs[close].start + runs[close].length]);
    i = close + 1;
  }
  return spans;
}

/** Fenced code blocks: from an opening fence line to the closing fence of the same kind (or the end). */
export function fencedBlocks(text: string): Range[] {
  const ranges: Range[] = [];
  let open: { start: number; fence: string } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const fence = FENCE.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 64)))?.[1];
    if (fence) {
      if (!open) open = { start: lineStart, fence };
      else if (fence[0] === open.fence[0] && fence.length >= open.fence.length) {
        ranges.push([open.start, lineEnd]);
        open = undefined;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (open) ranges.push([open.start, text.length]);
  return ranges;
}
