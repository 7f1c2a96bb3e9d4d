/**
 * Where the light bulb offers "Cite a paper about this…": only where a citation would fit, a prose
 * paragraph or a code comment with enough words to say what it is about (or a selection of a few
 * words, in code only inside a comment). Never on a blank line, never in a BibTeX database, never in
 * code outside its comments. Pure.
 */
import { commentAt, findComments } from '../sourceText/comments';
import { commentSyntax, textKind } from '../languages';
import type { Passage } from './extractPassage';
import type { PassageQuery } from './passageQuery';
import { passageQueryAt, type PassageRequest } from './suggest';

/**
 * What a paragraph or comment needs for the light bulb: this many distinct words (stop words left out)
 * in at least `LIGHT_BULB_MIN_PROSE_WORDS` words of prose (runs between spaces that hold a letter), so
 * "# quantize the weights to four bits" has enough, while "// eslint-disable-next-line no-console",
 * "# TODO: remove after the migration" and "Thanks!" do not.
 */
export const LIGHT_BULB_MIN_WORDS = 4;
/** See `LIGHT_BULB_MIN_WORDS`. */
export const LIGHT_BULB_MIN_PROSE_WORDS = 5;
/** The fewest for a selection, which the writer chose: a name of a method is enough. */
export const LIGHT_BULB_MIN_SELECTION_WORDS = 2;

/** The passage the light bulb would cite for at the request's cursor or selection, or null where a citation would not fit. */
export function lightBulbPassage(request: PassageRequest): { passage: Passage; query: PassageQuery } | null {
  const kind = textKind(request.languageId);
  if (kind === 'bibtex') return null;
  const selection = request.selection && request.selection.end > request.selection.start ? request.selection : undefined;
  if (!selection && blankLineAt(request.text, request.cursor)) return null;
  const found = passageQueryAt(request);
  if (!found) return null;
  const { passage, query } = found;
  if (selection) {
    if (kind === 'code' && !insideOneComment(request.text, request.languageId, selection)) return null;
    return query.words.length >= LIGHT_BULB_MIN_SELECTION_WORDS ? found : null;
  }
  // The cursor must be in the passage itself, not in code below a comment or a line after a paragraph.
  if (request.cursor < passage.start || request.cursor > passage.end) return null;
  return query.words.length >= LIGHT_BULB_MIN_WORDS && proseWords(passage) >= LIGHT_BULB_MIN_PROSE_WORDS ? found : null;
}

/** How many runs between white space hold a letter in the passage's prose (counting stops at the minimum needed). */
function proseWords(passage: Passage): number {
  let count = 0;
  for (const piece of passage.pieces) {
    const word = /\S*\p{L}\S*/gu;
    while (word.exec(piece.text)) if (++count >= LIGHT_BULB_MIN_PROSE_WORDS) return count;
  }
  return count;
}

/** True when the line holding `at` has nothing but white space. */
function blankLineAt(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return text.slice(start, end).trim().length === 0;
}

/** True when the selection lies within one comment (or docstring) of the code. */
function insideOneComment(text: string, languageId: string, selection: { start: number; end: number }): boolean {
  const comments = findComments(text, commentSyntax(languageId));
  const comment = commentAt(comments, selection.start);
  return comment !== undefined && selection.end <= comment.end;
}
