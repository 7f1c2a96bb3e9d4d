/**
 * Finds the comments of a code file in one pass over its text, skipping strings, so that `# @cite:x`
 * counts and `"@cite:x"` or a `#` inside a string does not. Linear in the text's length.
 */
import { partitionPoint } from '../binarySearch';
import type { CommentSyntax } from '../languages';

/** One comment: where it is, and where its text lies between the delimiters. Offsets are UTF-16 indices. */
export interface CommentSpan {
  kind: 'line' | 'block' | 'docstring';
  /** Offset of the comment's first character (the start of its delimiter). */
  start: number;
  /** Offset just after the comment: before the line break of a line comment, after a block's end. */
  end: number;
  /** Offset where the comment's own text starts, after the delimiter. */
  contentStart: number;
  /** Offset where the comment's own text ends, before a block's end delimiter. */
  contentEnd: number;
}

/** C's and Rust's `'x'` is a character, and `'a` a lifetime: a `'` string longer than this is not one. */
const SHORT_QUOTE_LIMIT = 8;

/** Every comment of `text` in a language with this syntax, in order. */
export function findComments(text: string, syntax: CommentSyntax): CommentSpan[] {
  const spans: CommentSpan[] = [];
  const starters = new Set<number>();
  for (const token of [...syntax.line, ...syntax.blocks.map(([open]) => open), ...syntax.quotes, ...syntax.longStrings]) starters.add(token.charCodeAt(0));
  const shortSingleQuotes = syntax.line[0] === '//';
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!starters.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const block = syntax.blocks.find(([open]) => text.startsWith(open, i));
    if (block) {
      const [open, close] = block;
      const closeAt = text.indexOf(close, i + open.length);
      const contentEnd = closeAt < 0 ? length : closeAt;
      const end = closeAt < 0 ? length : closeAt + close.length;
      spans.push({ kind: 'block', start: i, end, contentStart: i + open.length, contentEnd });
      i = end;
      continue;
    }
    const long = syntax.longStrings.find((delimiter) => text.startsWith(delimiter, i));
    if (long) {
      const closeAt = findClosing(text, long, i + long.length);
      const contentEnd = closeAt < 0 ? length : closeAt;
      const end = closeAt < 0 ? length : closeAt + long.length;
      if (syntax.docstrings && startsLine(text, i)) spans.push({ kind: 'docstring', start: i, end, contentStart: i + long.length, contentEnd });
      i = end;
      continue;
    }
    const line = syntax.line.find((starter) => text.startsWith(starter, i));
    if (line && !(line === '#' && i > 0 && /[$\\{\w]/.test(text[i - 1]))) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = length;
      const contentEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      spans.push({ kind: 'line', start: i, end: contentEnd, contentStart: i + line.length, contentEnd });
      i = end;
      continue;
    }
    const quote = text[i];
    if (syntax.quotes.includes(quote)) {
      const limit = quote === "'" && shortSingleQuotes ? SHORT_QUOTE_LIMIT : Infinity;
      const closeAt = closeOnLine(text, quote, i + 1, limit);
      i = closeAt < 0 ? i + 1 : closeAt + 1;
      continue;
    }
    i++;
  }
  return spans;
}

/** The index of the unescaped `delimiter` closing a string that starts at `from`, or -1. */
function findClosing(text: string, delimiter: string, from: number): number {
  let at = text.indexOf(delimiter, from);
  while (at > 0 && isEscaped(text, at)) at = text.indexOf(delimiter, at + 1);
  return at;
}

/**
 * The index of the unescaped `quote` that closes a one-line string starting at `from`: the line's
 * end closes an unterminated string (returned as the line break's index); -1 when no quote comes
 * within `limit` characters (then the quote opened no string).
 */
function closeOnLine(text: string, quote: string, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  for (let j = from; j < stop; j++) {
    const char = text[j];
    if (char === '\\') j++;
    else if (char === quote) return j;
    else if (char === '\n') return limit === Infinity ? j : -1;
  }
  return limit === Infinity ? text.length : -1;
}

/** True when the character at `at` follows an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let count = 0;
  for (let j = at - 1; j >= 0 && text[j] === '\\'; j--) count++;
  return count % 2 === 1;
}

/** True when only spaces and tabs stand between the line's start and `at`. */
function startsLine(text: string, at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const char = text[j];
    if (char === '\n') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** The comment containing offset `at` (its delimiters included, a line comment's end too), or undefined. */
export function commentAt(spans: readonly CommentSpan[], at: number): CommentSpan | undefined {
  const span = spans[partitionPoint(spans.length, (index) => spans[index].end < at)];
  return span !== undefined && span.start <= at ? span : undefined;
}
