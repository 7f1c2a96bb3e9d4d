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
import { citationSyntax, commentStyle, takesCitationsAsWritten } from '../languages';
import { commentCitationAt } from '../citations/commentContext';
import { IN_TEXT_FORMATS } from '../citations/formats';
import { placeAfterCommentBlock, placeInCode } from './commentPlacement';
import { isWordChar, lineEnd, lineStart, wordBoundary } from './lineText';
import { CLAUSE_END, CLOSERS, clauseEndPlace, endsClause } from './sentenceEnd';
import type { Placement, PlacementRequest } from './placementRequest';

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

/** The separator before a citation: `~` before a LaTeX command in LaTeX, else a space. */
function separatorFor(request: PlacementRequest): string {
  return citationSyntax(request.languageId) === 'latex' && request.citation.startsWith('\\') ? '~' : ' ';
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
