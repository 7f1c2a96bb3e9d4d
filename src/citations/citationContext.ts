/**
 * Where a cursor is, as far as citing goes: inside a LaTeX `\cite{...}`, after a pandoc `@`, or after
 * the comment trigger in a code comment. Pure (no `vscode`): the completion provider feeds it the
 * text of the line before the cursor.
 *
 * Completion is asked on every keystroke in every language, so this reads a bounded window before the
 * cursor (`CONTEXT_WINDOW`) with backward scans that read each character once: no regular expression
 * anchored at the end of the text, which a long line (a 40 KB hex literal) made cost seconds. Only once
 * a citation has been found in the window is the whole line read, once, to tell whether it stands in
 * a comment.
 */
import { openCommentAt } from '../core/citations/commentContext';
import { citationSyntax } from '../core/languages';

/** At most this many characters before the cursor are read to find the citation being typed. */
export const CONTEXT_WINDOW = 1024;

/**
 * A place where a citation key can be completed. `start` is the column where the text to replace
 * begins (the cursor is the end); `typed` is what the user typed there so far.
 */
export type CitationContext =
  /** In the braces of a LaTeX citation command, at the start of a key or after a comma. Inserts the key. */
  | { kind: 'latex'; start: number; typed: string }
  /**
   * After a pandoc `@`. Inside brackets (`[@`, `[see @`, `; @`) `start` is just after the `@` and the
   * key is inserted; outside, `start` is the `@` itself and `[@key]` replaces it.
   */
  | { kind: 'pandoc'; start: number; typed: string; bracketed: boolean }
  /**
   * Right after the comment trigger in a comment. `start` is just after the trigger, `triggerStart`
   * where the trigger begins; `leader` is what a continuation line of the comment starts with
   * (indentation and the line-comment prefix), or '' for block comments.
   */
  | { kind: 'comment'; start: number; triggerStart: number; typed: string; leader: string };

/**
 * The citation context at the end of `linePrefix` (a line's text up to the cursor) in a document of
 * `languageId`, or null where no citation can go. `commentTrigger` (`@cite:`) works in a comment in
 * every language; `\cite{` in LaTeX (and raw LaTeX in Markdown); `[@` in Markdown, and `@` followed by
 * the start of a key (a bare `@` in running text, "ping @", is no citation).
 */
export function citationContextAt(linePrefix: string, languageId: string, commentTrigger: string): CitationContext | null {
  const comment = commentContext(linePrefix, languageId, commentTrigger);
  if (comment) return comment;
  const syntax = citationSyntax(languageId);
  if (syntax === 'code') return null;
  const latex = openLatexCitation(linePrefix);
  if (latex && (syntax === 'markdown' || !latexCommentBefore(linePrefix, latex.start))) return latex;
  return syntax === 'markdown' ? openPandocCitation(linePrefix) : null;
}

/** The first index of the window before `end`. */
function windowStart(end: number): number {
  return Math.max(0, end - CONTEXT_WINDOW);
}

function isKeyWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t';
}

/** The comment context when `linePrefix` ends with the trigger (and a partial key) inside a comment. */
function commentContext(linePrefix: string, languageId: string, trigger: string): CitationContext | null {
  const cleanTrigger = trigger.trim();
  if (cleanTrigger.length === 0) return null;
  const end = linePrefix.length;
  const floor = windowStart(end);
  let triggerEnd = end;
  while (triggerEnd > floor && isKeyWordChar(linePrefix.charCodeAt(triggerEnd - 1))) triggerEnd--;
  const triggerStart = triggerEnd - cleanTrigger.length;
  if (triggerStart < floor || !linePrefix.startsWith(cleanTrigger, triggerStart)) return null;
  const leader = commentLeader(linePrefix.slice(0, triggerStart), languageId);
  if (leader === null) return null;
  return { kind: 'comment', start: triggerEnd, triggerStart, typed: linePrefix.slice(triggerEnd), leader };
}

/**
 * A LaTeX citation command open at the end of the text (`\citep[see][p.~3]{a, b`), read backwards:
 * the open brace, up to two optional arguments, an optional star, and a command name holding `cite`.
 */
function openLatexCitation(text: string): CitationContext | null {
  const end = text.length;
  const floor = windowStart(end);
  let brace = end - 1;
  while (brace >= floor && text[brace] !== '{' && text[brace] !== '}') brace--;
  if (brace < floor || text[brace] !== '{') return null;
  let start = end;
  while (start > brace + 1 && text[start - 1] !== ',' && !isSpace(text[start - 1])) start--;
  // `\cite{foo bar`: a space inside a key is not a place for another key.
  let gap = start;
  while (gap > brace + 1 && isSpace(text[gap - 1])) gap--;
  if (gap < start && gap > brace + 1 && text[gap - 1] !== ',') return null;
  let at = skipSpacesBack(text, brace, floor);
  for (let optional = 0; optional < 2 && at > floor && text[at - 1] === ']'; optional++) {
    let open = at - 2;
    while (open >= floor && text[open] !== '[' && text[open] !== ']') open--;
    if (open < floor || text[open] !== '[') return null;
    at = skipSpacesBack(text, open, floor);
  }
  if (at > floor && text[at - 1] === '*') at--;
  let name = at;
  while (name > floor && isAsciiLetter(text.charCodeAt(name - 1))) name--;
  if (name === at || name - 1 < floor || text[name - 1] !== '\\' || !/cite/i.test(text.slice(name, at))) return null;
  return { kind: 'latex', start, typed: text.slice(start) };
}

function skipSpacesBack(text: string, at: number, floor: number): number {
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}

/** True when an unescaped `%` before `column` makes the rest of the LaTeX line a comment. */
function latexCommentBefore(text: string, column: number): boolean {
  for (let at = text.indexOf('%'); at >= 0 && at < column; at = text.indexOf('%', at + 1)) {
    let backslashes = 0;
    while (at - backslashes > 0 && text[at - backslashes - 1] === '\\') backslashes++;
    if (backslashes % 2 === 0) return true;
  }
  return false;
}

/** Characters a pandoc key may hold (it starts with a letter, digit or `_`). */
const KEY_CHARACTER = /^[\p{L}\p{N}_:.#$%&+?<>~/-]$/u;
const KEY_START = /^[\p{L}\p{N}_]$/u;
/** Characters after which `@` belongs to a word or an address, not a citation. */
const WORD_BEFORE_AT = /^[\p{L}\p{N}_@.]$/u;

/** The code point that ends at `end` (a surrogate pair read whole), with where it starts. */
function codePointBefore(text: string, end: number): { char: string; start: number } {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return { char: text.slice(end - 2, end), start: end - 2 };
  }
  return { char: text[end - 1], start: end - 1 };
}

/**
 * A pandoc `@` at the end of the text with what follows it: in brackets (`[@`, `[see @a; @`) from the
 * first key character on; outside brackets only once a key has been started (`@aw`), since an `@` in
 * running text (a mention, "ping @") is no citation until it is. Never inside a word or an address.
 */
function openPandocCitation(text: string): CitationContext | null {
  const end = text.length;
  const floor = windowStart(end);
  let at = end;
  while (at > floor) {
    const previous = codePointBefore(text, at);
    if (!KEY_CHARACTER.test(previous.char)) break;
    at = previous.start;
  }
  if (at <= floor || text[at - 1] !== '@') return null;
  const sign = at - 1;
  if (sign > floor && WORD_BEFORE_AT.test(codePointBefore(text, sign).char)) return null;
  const typed = text.slice(at);
  const before = text.slice(floor, sign);
  if (before.lastIndexOf('[') > before.lastIndexOf(']')) return { kind: 'pandoc', start: at, typed, bracketed: true };
  if (typed.length === 0 || !KEY_START.test(String.fromCodePoint(typed.codePointAt(0) as number))) return null;
  return { kind: 'pandoc', start: sign, typed: `@${typed}`, bracketed: false };
}

/**
 * When `text` (a line up to some column) is inside a comment of the language: what a continuation
 * line of that comment starts with (the indentation up to the comment prefix, the prefix and a space;
 * '' in a block comment). Null when `text` is not in a comment.
 */
export function commentLeader(text: string, languageId: string): string | null {
  const open = openCommentAt(text, languageId);
  if (open === null) return null;
  return open.kind === 'line' ? open.leader : '';
}

/**
 * True when the word `token` of `line` (its columns) is written as a citation: inside a LaTeX
 * citation command's braces, as a pandoc key (`[@key]`, `@key`), or right after the comment trigger
 * in a comment — the places where `citationContextAt` would complete that very word.
 */
export function citedWithSyntax(line: string, token: { key: string; start: number; end: number }, languageId: string, commentTrigger: string): boolean {
  const context = citationContextAt(line.slice(0, token.end), languageId, commentTrigger);
  return context !== null && context.typed.replace(/^@/, '') === token.key && context.start <= token.start;
}
