/**
 * Where a citation goes in a document, and the exact text put there, as a writer would have typed it.
 * Pure (no `vscode`): the glue in `src/citations/insert.ts` feeds it the document's text and a cursor.
 *
 * Everywhere: a citation never splits a word (inside one it moves to the nearer end) and never glues
 * itself to the word before it (a space, or `~` before a LaTeX command, comes first).
 *
 * At the cursor (Insert Citation, the panel, the tree, a search): at the nearest word boundary; in
 * prose a citation command typed right after a sentence's punctuation (`…weights.|`) goes before it
 * (`…weights [@key].`); in a code comment the citation joins the comment there; in code it is a
 * comment of its own (after the code when nothing follows on the line, else on a line above).
 *
 * For a passage (Papers for This Passage): in prose at the end of the sentence or clause the cursor is
 * in, before its punctuation, after one space (`…weights [@key].`, `…weights~\cite{key}.`), joining a
 * citation already there (`[@a; @key]`); in code on a new comment line after the comment block, in the
 * block's style and indentation, wrapped so that no line runs on.
 */
import { commentBlockAt } from '../passage/extractPassage';
import { citationSyntax, commentStyle, takesCitationsAsWritten } from '../languages';
import type { CommentSpan } from '../sourceText/comments';
import { commentBody, wrapAsComment } from '../citations/comment';
import { commentCitationAt, openCommentAt } from '../citations/commentContext';
import { IN_TEXT_FORMATS } from '../citations/formats';

/** Where the citation goes: at the cursor, or where a writer cites the passage around it. */
export type PlacementMode = 'cursor' | 'passage';

/** What to place, and where it is asked for. */
export interface PlacementRequest {
  /** The document's text, or a window of whole lines of it; every offset is into it. */
  text: string;
  languageId: string;
  /** The cursor, or the end of the selection. */
  cursor: number;
  /** The citation as its format renders it. */
  citation: string;
  /** The format's id (`pandoc`, `bibtex`, `template:<name>`). */
  formatId: string;
  mode: PlacementMode;
}

/** An insertion: the text to put at `offset`. `alreadyCited` when the place cites the key already (nothing to insert). */
export interface Placement {
  offset: number;
  text: string;
  alreadyCited?: boolean;
}

/** Comment lines the citation starts are wrapped to this many columns (never below 40 characters of text). */
export const COMMENT_WIDTH = 80;

/** Where `request.citation` goes and what exactly is inserted there. */
export function placeCitation(request: PlacementRequest): Placement {
  const { languageId, formatId } = request;
  const cursor = Math.max(0, Math.min(request.cursor, request.text.length));
  const at = { ...request, cursor };
  if (!takesCitationsAsWritten(languageId) || formatId === 'comment') {
    if (commentStyle(languageId) === null) return placeInProse(at);
    return request.mode === 'passage' ? placeAfterCommentBlock(at) : placeInCode(at);
  }
  return placeInProse(at);
}

/**
 * A citation's text as it stands in a document of `languageId` whose line reads `before` up to the
 * place: in prose as the format reads (the code-comment format as a comment); in code as words that
 * join a comment open there, else as a comment of its own. For copying "as inserting would write it".
 */
export function citationInDocument(citation: string, formatId: string, languageId: string, before = ''): string {
  if (takesCitationsAsWritten(languageId) && formatId !== 'comment') return citation;
  return commentCitationAt(citation, languageId, before).text.trimStart();
}

// ---------------------------------------------------------------------------------------------- text

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /^[\p{L}\p{N}_]$/u.test(char);
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** The start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset` (before its line break, and a `\r` before that). */
function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** `offset` moved out of a word to its nearer end (its end on a tie); unchanged between words. */
export function wordBoundary(text: string, offset: number): number {
  if (!isWordChar(text[offset - 1]) || !isWordChar(text[offset])) return offset;
  let start = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && isWordChar(text[end])) end++;
  return end - offset <= offset - start ? end : start;
}

// --------------------------------------------------------------------------------------------- prose

/** Punctuation that ends a sentence or a clause. */
const CLAUSE_END = '.!?;:…';
/** What may stand between a clause's punctuation and the white space after it. */
const CLOSERS = '"\'”’»)]}*_';
/** Words whose `.` ends no sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'cf', 'vs', 'al', 'fig', 'figs', 'eq', 'eqs', 'sec', 'secs', 'ch', 'no', 'tab', 'approx', 'resp', 'viz',
  'ca', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'vol', 'pp', 'p', 'ref', 'refs', 'thm', 'def', 'lem', 'prop', 'alg',
]);

/** The separator before a citation: `~` before a LaTeX command in LaTeX, else a space. */
function separatorFor(request: PlacementRequest): string {
  return citationSyntax(request.languageId) === 'latex' && request.citation.startsWith('\\') ? '~' : ' ';
}

/** True when the punctuation at `index` ends a sentence or clause (not `3.5`, `e.g.`, `J.`, `a.b`, `...` before its last dot). */
function endsClause(text: string, index: number, limit: number): boolean {
  const char = text[index];
  if (!CLAUSE_END.includes(char) || index === 0) return false;
  let after = index + 1;
  if (char === '.' && text[after] === '.') return false; // an ellipsis ends at its last dot
  while (after < limit && CLOSERS.includes(text[after])) after++;
  if (after < limit && !/\s/.test(text[after])) return false;
  if (char === '.') {
    let start = index;
    while (start > 0 && /[\p{L}.]/u.test(text[start - 1])) start--;
    const word = text.slice(start, index);
    if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) return false;
  }
  return true;
}

/**
 * What of the paragraph `[start, end)` is prose a clause may end in: not inline code (Markdown), not
 * math (`$…$`), not a LaTeX comment. Returns, for each offset from `start`, whether it is prose.
 */
function proseMask(text: string, start: number, end: number, languageId: string): Uint8Array {
  const syntax = citationSyntax(languageId);
  const mask = new Uint8Array(end - start);
  let code = 0; // the length of the backtick run that opened a code span
  let math = false;
  let comment = false;
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (char === '\n') comment = false;
    if (comment) continue;
    if (syntax === 'markdown' && char === '`') {
      let run = 1;
      while (text[index + run] === '`') run++;
      if (code === 0) code = run;
      else if (code === run) code = 0;
      index += run - 1;
      continue;
    }
    if (code > 0) continue;
    if (char === '\\') {
      index++;
      continue;
    }
    if (syntax === 'latex' && char === '%') {
      comment = true;
      continue;
    }
    if (char === '$' && syntax !== 'code') {
      math = !math;
      continue;
    }
    if (!math) mask[index - start] = 1;
  }
  return mask;
}

/** The paragraph around `offset`: the lines between blank lines, list items and headings. */
function paragraphAround(text: string, offset: number, languageId: string): { start: number; end: number } {
  const itemStart = citationSyntax(languageId) === 'latex' ? /^\s*\\(?:item\b|(?:sub)*section\*?\{|paragraph\{|chapter\*?\{|begin\{|end\{)/ : /^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s|>)/;
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start - 1);
    if (line.trim() === '' || itemStart.test(text.slice(start, lineEnd(text, start)))) break;
    start = previous;
  }
  let end = lineEnd(text, offset);
  while (end < text.length) {
    const next = end + (text[end] === '\r' ? 2 : 1);
    const nextEnd = lineEnd(text, next);
    const line = text.slice(next, nextEnd);
    if (line.trim() === '' || itemStart.test(line)) break;
    end = nextEnd;
  }
  return { start, end };
}

/** Back from `offset` over white space. */
function skipBlanksBack(text: string, offset: number, floor: number): number {
  while (offset > floor && /\s/.test(text[offset - 1])) offset--;
  return offset;
}

/**
 * The place in prose where a writer cites the sentence or clause around `cursor`: right before the
 * punctuation that ends it; where the cursor stands just after a finished sentence, that sentence;
 * after the paragraph's last word when no punctuation ends it.
 */
function clauseEndPlace(text: string, cursor: number, languageId: string): number {
  const { start, end } = paragraphAround(text, cursor, languageId);
  const mask = proseMask(text, start, end, languageId);
  const prose = (index: number): boolean => index >= start && index < end && mask[index - start] === 1;
  if (!isWordChar(text[cursor])) {
    // Just after a finished sentence (`weights.|`, `weights." |`): that one.
    let back = skipBlanksBack(text, cursor, start);
    while (back > start && CLOSERS.includes(text[back - 1])) back--;
    if (back > start && prose(back - 1) && endsClause(text, back - 1, end)) return back - 1;
  }
  for (let index = cursor; index < end; index++) {
    if (prose(index) && endsClause(text, index, end)) return index;
  }
  // No punctuation ends it: after the paragraph's last word (before a LaTeX comment on that line).
  let last = end;
  while (last > start && !prose(last - 1)) last--;
  return skipBlanksBack(text, last, start);
}

/**
 * The place at the cursor in prose: a citation command typed right after a clause's punctuation
 * that follows a word (`weights.|`) goes before the punctuation; anything else at the nearest word
 * boundary.
 */
function cursorPlace(request: PlacementRequest): number {
  const { text, cursor } = request;
  if (IN_TEXT_FORMATS.has(request.formatId) && !isWordChar(text[cursor])) {
    const floor = lineStart(text, cursor);
    let back = cursor;
    while (back > floor && CLOSERS.includes(text[back - 1]) && text[back - 1] !== ')' && text[back - 1] !== ']') back--;
    if (back > floor + 1 && CLAUSE_END.includes(text[back - 1]) && !/\s/.test(text[back - 2]) && endsClause(text, back - 1, lineEnd(text, cursor))) return back - 1;
  }
  return wordBoundary(text, cursor);
}

/** The citation of an in-text format already standing right before `offset` that the new key can join. */
function joinableCitation(request: PlacementRequest, offset: number): { close: number; keys: string[]; separator: string } | null {
  const { text, formatId, citation } = request;
  if (!IN_TEXT_FORMATS.has(formatId)) return null;
  const floor = Math.max(lineStart(text, offset), offset - 2000);
  const before = text.slice(floor, offset);
  if (formatId === 'pandoc') {
    if (!before.endsWith(']')) return null;
    const open = before.lastIndexOf('[');
    if (open < 0 || before.lastIndexOf(']', before.length - 2) > open) return null;
    const group = before.slice(open + 1, -1);
    if (!/(^|[\s;[])-?@/.test(group)) return null;
    const keys = [...group.matchAll(/-?@\{?([\p{L}\p{N}_][^\s;,\]}]*)/gu)].map((match) => match[1].replace(/[.:]$/, ''));
    return { close: offset - 1, keys, separator: '; @' };
  }
  const command = /^\\([A-Za-z]+)\{/.exec(citation)?.[1];
  if (!command || !before.endsWith('}')) return null;
  const open = before.lastIndexOf('{');
  const head = before.slice(0, open);
  if (open < 0 || !new RegExp(`\\\\${command}\\*?(?:\\[[^\\]]*\\]){0,2}$`).test(head.slice(-400))) return null;
  const keys = before.slice(open + 1, -1).split(',').map((key) => key.trim());
  return { close: offset - 1, keys, separator: ', ' };
}

/** The key of an in-text citation (`[@key]`, `\cite{key}`). */
function citedKey(citation: string): string {
  return /^\[@(.*)\]$/.exec(citation)?.[1] ?? /\{([^{}]*)\}$/.exec(citation)?.[1] ?? citation;
}

function placeInProse(request: PlacementRequest): Placement {
  const { text, citation } = request;
  if (citation.includes('\n')) return placeBlock(request);
  const offset = request.mode === 'passage' ? clauseEndPlace(text, request.cursor, request.languageId) : cursorPlace(request);
  const joinable = joinableCitation(request, offset);
  if (joinable) {
    const key = citedKey(citation);
    if (joinable.keys.includes(key)) return { offset, text: '', alreadyCited: true };
    return { offset: joinable.close, text: `${joinable.separator}${key}` };
  }
  const previous = text[offset - 1];
  const next = text[offset];
  const needsBefore = offset > lineStart(text, offset) && !/\s/.test(previous) && previous !== '~' && !'([{'.includes(previous);
  const needsAfter = isWordChar(next);
  return { offset, text: `${needsBefore ? separatorFor(request) : ''}${citation}${needsAfter ? ' ' : ''}` };
}

/** A citation of several lines (a BibTeX entry): on lines of its own, never inside a line of text. */
function placeBlock(request: PlacementRequest): Placement {
  const { text, cursor, citation } = request;
  const start = lineStart(text, cursor);
  const end = lineEnd(text, cursor);
  if (text.slice(start, end).trim() === '') return { offset: cursor, text: citation };
  return { offset: end, text: `\n${citation}` };
}

// ---------------------------------------------------------------------------------------------- code

/** `words` wrapped into lines of at most `width` characters (a word longer than that stands alone). */
function wrapWords(words: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(' ').filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The comment text `body` makes with `leader` before each line, wrapped to `COMMENT_WIDTH`; lines
 * after the first are indented two more spaces, so a wrapped citation reads as one item.
 */
function commentLines(body: string, leader: string): string {
  const width = Math.max(40, COMMENT_WIDTH - leader.replace(/\t/g, '    ').length);
  const [first = '', ...rest] = wrapWords(body, width);
  const lines = [first, ...wrapWords(rest.join(' '), width - 2).map((line) => `  ${line}`)];
  return lines.map((line) => `${leader}${line}`.replace(/\s+$/, '')).join('\n');
}

/** White space as wide as `text`: code before a trailing comment becomes spaces, tabs stay tabs. */
function blankedOut(text: string): string {
  return text.replace(/[^\t]/g, ' ');
}

/**
 * For a passage in code: a new comment line after the comment block the passage is (in the block's
 * own style and indentation); when the text has no comment, a comment line at the cursor.
 */
function placeAfterCommentBlock(request: PlacementRequest): Placement {
  const { text, cursor, citation, languageId } = request;
  const block = commentBlockAt(text, languageId, cursor);
  if (!block) return placeInCode(request);
  const last = block[block.length - 1];
  const line = seeAlso(citation, request.formatId);
  return last.kind === 'line' ? afterLineComment(text, last, line, languageId) : beforeBlockEnd(text, last, line, languageId);
}

/** A new line after the line comment `last`, with its indentation and prefix. */
/** A citation on a comment line of its own, after the comment it is about: "See …" for a reference in words. */
function seeAlso(citation: string, formatId: string): string {
  return formatId === 'comment' ? `See: ${citation}` : citation;
}

function afterLineComment(text: string, last: CommentSpan, citation: string, languageId: string): Placement {
  const start = lineStart(text, last.start);
  const prefix = text.slice(last.start, last.contentStart);
  const content = text.slice(last.contentStart, last.contentEnd);
  const gap = /^[ \t]*/.exec(content)?.[0] || ' ';
  const leader = `${blankedOut(text.slice(start, last.start))}${prefix}${gap}`;
  const body = commentBody(citation, { line: prefix.trim() || prefix }, languageId);
  const end = last.contentEnd;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { offset: end, text: `${eol}${commentLines(body, leader).split('\n').join(eol)}` };
}

/** A new line inside the block comment or docstring `last`, before its end (in a block closed on its own line). */
function beforeBlockEnd(text: string, last: CommentSpan, citation: string, languageId: string): Placement {
  const open = text.slice(last.start, last.contentStart);
  const close = text.slice(last.contentEnd, last.end);
  const body = commentBody(citation, { block: [open, close || open] }, languageId);
  const closeLine = lineStart(text, last.contentEnd);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (closeLine > last.contentStart && text.slice(closeLine, last.contentEnd).trim() === '') {
    // The end stands on its own line: a new line before it, indented like the block's last line of text.
    let lineOfText = lineStart(text, closeLine - 1);
    while (lineOfText > last.contentStart && text.slice(lineOfText, closeLine - 1).trim() === '') lineOfText = lineStart(text, lineOfText - 1);
    const sample = text.slice(Math.max(lineOfText, last.contentStart), lineEnd(text, lineOfText));
    const match = /^([ \t]*)(\*(?!\/)[ \t]?)?/.exec(lineOfText >= last.contentStart ? sample : '') ?? ['', ''];
    const leader = `${match[1] ?? ''}${match[2] ? '* ' : ''}` || blankedOut(text.slice(closeLine, last.contentEnd));
    return { offset: closeLine, text: `${commentLines(body, leader)}${eol}` };
  }
  // `/* one line */`: the citation joins it before its end.
  const at = skipBlanksBack(text, last.contentEnd, last.contentStart);
  return { offset: at, text: ` ${body}` };
}

/**
 * At the cursor in code: inside a comment the citation joins it at the nearest word boundary; in code
 * it is a comment of its own, after the code when nothing follows on the line, else on lines above
 * the cursor's line, indented like it.
 */
function placeInCode(request: PlacementRequest): Placement {
  const { text, citation, languageId } = request;
  const cursor = wordBoundary(text, request.cursor);
  const start = lineStart(text, cursor);
  const end = lineEnd(text, cursor);
  const before = text.slice(start, cursor);
  const after = text.slice(cursor, end);
  const open = openCommentAt(before, languageId);
  if (open) {
    const style = open.kind === 'line' ? { line: open.prefix } : { block: [open.start, open.end] as [string, string] };
    const body = commentBody(citation, style, languageId);
    const needsBefore = before.length > 0 && !isBlank(before[before.length - 1]);
    const needsAfter = after.length > 0 && !isBlank(after[0]);
    return { offset: cursor, text: `${needsBefore ? ' ' : ''}${body}${needsAfter ? ' ' : ''}` };
  }
  const style = commentStyle(languageId);
  const lineComment = style !== null && 'line' in style;
  const comment = lineComment ? commentLines(commentBody(citation, style, languageId), `${style.line} `) : wrapAsComment(citation, languageId);
  const indent = /^[ \t]*/.exec(text.slice(start, end))?.[0] ?? '';
  const codeBefore = before.trim().length > 0;
  const codeAfter = after.trim().length > 0;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = comment.split('\n');
  if (!codeBefore && !codeAfter) return { offset: cursor, text: lines.join(`${eol}${before}`) };
  if (!codeAfter && lines.length === 1) return { offset: cursor, text: `${isBlank(before[before.length - 1]) ? '' : ' '}${comment}` };
  if (!lineComment && !codeAfter) return { offset: cursor, text: ` ${comment}` };
  return { offset: start, text: `${lines.map((line) => `${indent}${line}`).join(eol)}${eol}` };
}
