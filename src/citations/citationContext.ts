/**
 * Where a cursor is, as far as citing goes: inside a LaTeX `\cite{...}`, after a pandoc `@`, or after
 * the comment trigger in a code comment. Pure (no `vscode`): the completion provider feeds it the
 * text of the line before the cursor.
 */
import { openCommentAt } from '../core/citations/commentContext';
import { citationSyntax } from '../core/languages';

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

/** A LaTeX citation command open at the end of the text: `\citep[see][p.~3]{a, b`. */
const OPEN_LATEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?\s*(?:\[[^\]]*\]\s*){0,2}\{([^{}]*)$/;

/** A pandoc `@` at the end of the text, not inside a word (so not an e-mail address), with what follows it. */
const OPEN_PANDOC_CITE = /(?<![\p{L}\p{N}_@.])@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;

/**
 * The citation context at the end of `linePrefix` (a line's text up to the cursor) in a document of
 * `languageId`, or null where no citation can go. `commentTrigger` (`@cite:`) works in a comment in
 * every language; `\cite{` in LaTeX (and raw LaTeX in Markdown); `@` in Markdown.
 */
export function citationContextAt(linePrefix: string, languageId: string, commentTrigger: string): CitationContext | null {
  const comment = commentContext(linePrefix, languageId, commentTrigger);
  if (comment) return comment;
  const syntax = citationSyntax(languageId);
  if (syntax === 'code') return null;
  if (!latexCommentStarted(linePrefix) || syntax === 'markdown') {
    const latex = OPEN_LATEX_CITE.exec(linePrefix);
    if (latex) {
      const typed = /[^,\s]*$/.exec(latex[1])![0];
      const before = latex[1].slice(0, latex[1].length - typed.length);
      // `\cite{foo bar`: a space inside a key is not a place for another key.
      if (/[^,\s]\s+$/.test(before)) return null;
      return { kind: 'latex', start: linePrefix.length - typed.length, typed };
    }
  }
  if (syntax === 'markdown') {
    const pandoc = OPEN_PANDOC_CITE.exec(linePrefix);
    if (!pandoc) return null;
    const at = pandoc.index;
    const before = linePrefix.slice(0, at);
    const bracketed = before.lastIndexOf('[') > before.lastIndexOf(']');
    return bracketed
      ? { kind: 'pandoc', start: at + 1, typed: pandoc[1], bracketed }
      : { kind: 'pandoc', start: at, typed: `@${pandoc[1]}`, bracketed };
  }
  return null;
}

/** The comment context when `linePrefix` ends with the trigger (and a partial key) inside a comment. */
function commentContext(linePrefix: string, languageId: string, trigger: string): CitationContext | null {
  const cleanTrigger = trigger.trim();
  if (cleanTrigger.length === 0) return null;
  const match = /[A-Za-z0-9_]*$/.exec(linePrefix)!;
  const typed = match[0];
  const triggerEnd = match.index;
  if (!linePrefix.slice(0, triggerEnd).endsWith(cleanTrigger)) return null;
  const triggerStart = triggerEnd - cleanTrigger.length;
  const leader = commentLeader(linePrefix.slice(0, triggerStart), languageId);
  if (leader === null) return null;
  return { kind: 'comment', start: triggerEnd, triggerStart, typed, leader };
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

/** True when the LaTeX line has an unescaped `%` (the rest of the line is a comment). */
function latexCommentStarted(text: string): boolean {
  return /(?<!\\)%/.test(text);
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
