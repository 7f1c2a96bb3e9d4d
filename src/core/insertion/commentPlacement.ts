/**
 * A citation written into code as a comment: for a passage on a new comment line after the comment
 * block (in its style and indentation, wrapped), at the cursor joining the comment there or as a comment
 * of its own. Pure.
 */
import { commentBlockAt } from '../passage/extractPassage';
import { commentStyle } from '../languages';
import type { CommentSpan } from '../sourceText/comments';
import { commentBody, wrapAsComment } from '../citations/comment';
import { openCommentAt } from '../citations/commentContext';
import { isBlank, lineEnd, lineStart, skipBlanksBack, wordBoundary } from './lineText';
import type { Placement, PlacementRequest } from './placementRequest';

/** Comment lines a citation starts are wrapped to this many columns (never below 40 characters of text). */
export const COMMENT_WIDTH = 80;

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
export function placeAfterCommentBlock(request: PlacementRequest): Placement {
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
export function placeInCode(request: PlacementRequest): Placement {
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
