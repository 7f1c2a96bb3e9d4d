/** Reading a document's text around a place: words, lines and white space. Pure. */

/** A letter, digit or `_`. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /^[\p{L}\p{N}_]$/u.test(char);
}

/** A space or a tab. */
export function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** The start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset` (before its line break, and a `\r` before that). */
export function lineEnd(text: string, offset: number): number {
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

/** Back from `offset` over white space (not before `floor`). */
export function skipBlanksBack(text: string, offset: number, floor: number): number {
  while (offset > floor && /\s/.test(text[offset - 1])) offset--;
  return offset;
}
