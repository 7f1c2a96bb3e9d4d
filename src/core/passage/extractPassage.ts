/**
 * The passage a writer is working on: the selection when there is one; else in Markdown, LaTeX and
 * plain text the paragraph around the cursor (lines between blank lines, headings, sectioning
 * commands and code fences); in code the comment block around the cursor (consecutive line comments,
 * a block comment or a docstring), or the nearest one above it. Pure; linear in the text's length.
 */
import { fencedBlocks } from '../references/pandocCitations';
import { findComments, type CommentSpan } from '../sourceText/comments';
import { commentSyntax, textKind, type TextKind } from '../languages';

/** A piece of the passage's prose: text at an offset of the document (a comment's text without its delimiters). */
export interface PassagePiece {
  offset: number;
  text: string;
}

/** The passage around a cursor. Offsets are UTF-16 indices into the document. */
export interface Passage {
  kind: 'selection' | 'paragraph' | 'comment';
  /** How the passage's text is read (its markup and citation syntax). */
  textKind: TextKind;
  start: number;
  end: number;
  /** The cursor, for weighing words near it; null for a selection (every word counts the same). */
  cursor: number | null;
  /** The prose of the passage, in order. */
  pieces: PassagePiece[];
}

/** Lines that end a paragraph on their own in LaTeX: sectioning, document structure, display environments' edges. */
const LATEX_BREAK = /^\s*\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph|begin\{document\}|end\{document\}|maketitle|item\b|bibliography|printbibliography|par\b)/;
/** Lines that stand alone in Markdown: headings, thematic breaks, front matter fences. */
const MARKDOWN_BREAK = /^\s{0,3}(?:#{1,6}(?:\s|$)|(?:[-*_]\s*){3,}$)/;

/** The passage at `cursor` in `text` (a document of `languageId`), or null when there is no prose near it. */
export function extractPassage(text: string, languageId: string, cursor: number, selection?: { start: number; end: number }): Passage | null {
  const kind = textKind(languageId);
  const at = Math.max(0, Math.min(cursor, text.length));
  if (selection && selection.end > selection.start) {
    const start = Math.max(0, selection.start);
    const end = Math.min(text.length, selection.end);
    return clip({ kind: 'selection', textKind: kind, start, end, cursor: null, pieces: [{ offset: start, text: text.slice(start, end) }] }, at);
  }
  if (kind === 'code') return commentPassage(text, languageId, at);
  return paragraphPassage(text, kind, at);
}

/**
 * A passage's prose is read within this many characters of the cursor at most, so that a huge
 * "paragraph" (a minified file, a generated table) costs no more than a long real one.
 */
export const MAX_PASSAGE_CHARS = 6000;

/** The passage with its pieces cut to the `MAX_PASSAGE_CHARS` around `cursor`. */
function clip(passage: Passage, cursor: number): Passage {
  const from = Math.max(passage.start, Math.min(cursor - MAX_PASSAGE_CHARS / 2, passage.end - MAX_PASSAGE_CHARS));
  const to = from + MAX_PASSAGE_CHARS;
  if (passage.end - passage.start <= MAX_PASSAGE_CHARS) return passage;
  const pieces = passage.pieces
    .filter((piece) => piece.offset < to && piece.offset + piece.text.length > from)
    .map((piece) => {
      const start = Math.max(piece.offset, from);
      return { offset: start, text: piece.text.slice(start - piece.offset, to - piece.offset) };
    });
  return { ...passage, pieces };
}

/** A line of the document: its span and whether a paragraph can hold it. */
interface Line {
  start: number;
  end: number;
  prose: boolean;
  blank: boolean;
}

function splitLines(text: string, kind: TextKind): Line[] {
  const fences = kind === 'markdown' ? fencedBlocks(text) : [];
  const lines: Line[] = [];
  let fence = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end);
    while (fence < fences.length && fences[fence][1] < start) fence++;
    const inFence = fence < fences.length && fences[fence][0] <= start && start <= fences[fence][1];
    const blank = content.trim().length === 0;
    const isBreak = kind === 'latex' ? LATEX_BREAK.test(content) : kind === 'markdown' && MARKDOWN_BREAK.test(content);
    lines.push({ start, end, prose: !blank && !inFence && !isBreak, blank });
    start = end + 1;
  }
  return lines;
}

/** The paragraph holding the cursor, or the nearest one before it (after it when none is before). */
function paragraphPassage(text: string, kind: TextKind, cursor: number): Passage | null {
  const lines = splitLines(text, kind);
  let at = lines.findIndex((line) => cursor >= line.start && cursor <= line.end);
  if (at < 0) at = lines.length - 1;
  if (!lines[at].prose) {
    let before = at - 1;
    while (before >= 0 && !lines[before].prose) before--;
    if (before >= 0) at = before;
    else {
      let after = at + 1;
      while (after < lines.length && !lines[after].prose) after++;
      if (after >= lines.length) return null;
      at = after;
    }
  }
  let first = at;
  while (first > 0 && lines[first - 1].prose) first--;
  let last = at;
  while (last < lines.length - 1 && lines[last + 1].prose) last++;
  const start = lines[first].start;
  const end = lines[last].end;
  return clip({ kind: 'paragraph', textKind: kind, start, end, cursor, pieces: [{ offset: start, text: text.slice(start, end) }] }, cursor);
}

/** Line comments joined when only white space with one line break stands between them. */
function commentBlocks(text: string, comments: readonly CommentSpan[]): CommentSpan[][] {
  const blocks: CommentSpan[][] = [];
  for (const comment of comments) {
    const last = blocks[blocks.length - 1];
    const previous = last?.[last.length - 1];
    const between = previous ? text.slice(previous.end, comment.start) : '';
    if (previous && previous.kind === 'line' && comment.kind === 'line' && /^[ \t\r]*\n[ \t]*$/.test(between)) last.push(comment);
    else blocks.push([comment]);
  }
  return blocks;
}

/**
 * The comment block of code `text` (consecutive line comments, a block comment or a docstring) that
 * holds the cursor, or the nearest one above it (below when none is above); null when the text has
 * no comments. The passage of code is this block, and a citation for it goes after it.
 */
export function commentBlockAt(text: string, languageId: string, cursor: number): CommentSpan[] | null {
  const blocks = commentBlocks(text, findComments(text, commentSyntax(languageId)));
  if (blocks.length === 0) return null;
  const startOf = (block: CommentSpan[]): number => block[0].start;
  const endOf = (block: CommentSpan[]): number => block[block.length - 1].end;
  const holding = blocks.find((block) => cursor >= startOf(block) && cursor <= endOf(block));
  if (holding) return holding;
  const above = blocks.filter((block) => endOf(block) <= cursor);
  return above.length > 0 ? above[above.length - 1] : blocks[0];
}

/** The comment block holding the cursor, or the nearest one above it (below when none is above). */
function commentPassage(text: string, languageId: string, cursor: number): Passage | null {
  const chosen = commentBlockAt(text, languageId, cursor);
  if (!chosen) return null;
  const pieces = chosen.map((span) => ({ offset: span.contentStart, text: text.slice(span.contentStart, span.contentEnd) }));
  return clip({ kind: 'comment', textKind: 'code', start: chosen[0].start, end: chosen[chosen.length - 1].end, cursor, pieces }, cursor);
}
