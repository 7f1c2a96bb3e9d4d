/**
 * What text a citation becomes in a document, and where it goes relative to a cursor. Pure (no
 * `vscode`): the glue in `insert.ts` feeds it lines and columns.
 */
import { commentCitationAt } from '../core/citations/commentContext';
import { commentStyle, takesCitationsAsWritten } from '../core/languages';

/** A citation made for one document: its text, and whether that text is a line comment of its own. */
export interface DocumentCitation {
  text: string;
  /** True when the text is a line comment (`# ...`) of its own, which must not run into code. */
  lineComment: boolean;
}

/**
 * A citation's text (`text`, in the format `formatId`) as it should appear in a document of
 * `languageId` at a cursor whose line reads `before` up to it: in prose as the format reads; in code
 * as one comment line in that language's syntax, or, when the cursor is inside a comment already,
 * as words that join that comment (no second marker). Either way nothing in the text can end the
 * comment (see `core/citations/comment.ts`). The code-comment format is a comment everywhere (`%` in
 * LaTeX, `<!-- -->` in Markdown).
 */
export function citationForLanguage(text: string, formatId: string, languageId: string, before = ''): DocumentCitation {
  if (takesCitationsAsWritten(languageId) && formatId !== 'comment') return { text, lineComment: false };
  const citation = commentCitationAt(text, languageId, before);
  const style = commentStyle(languageId);
  return { text: citation.text, lineComment: !citation.joined && style !== null && 'line' in style };
}

/** Where to insert, as a line and column of the document, and the exact text to put there. */
export interface InsertionPlan {
  line: number;
  character: number;
  text: string;
}

/**
 * Places a citation at a cursor (`line`, `character`, where `lineText` is that line's text). Text
 * that is not a line comment goes exactly at the cursor. A line comment must not swallow code: when
 * code follows the cursor, or a multi-line comment would start after code, it goes on its own lines
 * above the cursor's line, indented like it; on a blank line its later lines keep the indentation.
 */
export function planInsertion(citation: DocumentCitation, lineText: string, line: number, character: number): InsertionPlan {
  const { text } = citation;
  const lines = text.split('\n');
  if (!citation.lineComment) return { line, character, text };
  const before = lineText.slice(0, character);
  const after = lineText.slice(character);
  const indent = /^\s*/.exec(lineText)![0];
  const codeBefore = before.trim().length > 0;
  const codeAfter = after.trim().length > 0;
  if (!codeAfter && !codeBefore) {
    return { line, character, text: lines.join(`\n${before}`) };
  }
  if (!codeAfter && lines.length === 1) {
    return { line, character, text: /\s$/.test(before) ? text : ` ${text}` };
  }
  return { line, character: 0, text: `${lines.map((part) => indent + part).join('\n')}\n` };
}
