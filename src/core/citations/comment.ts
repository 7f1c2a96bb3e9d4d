/**
 * Citations written into code as comments: a wrapper that makes any citation text (every format, every
 * template) one comment line, in the comment syntax the language table gives, that nothing in it can end early.
 */
import { commentStyle, type CommentStyle } from '../languages';
import { escapeRegExp } from '../regex';

/**
 * Every character that ends a line in some language (LF, CR, VT, FF, NEL U+0085, LS U+2028, PS U+2029),
 * every other control character, and the invisible format characters that reorder or hide text
 * (bidirectional overrides and isolates, zero-width characters, the BOM, interlinear annotation).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Text as one line: line breaks, control and invisible format characters become spaces, runs of white space one space. */
export function oneLine(text: string): string {
  return text.replace(BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Text made into one comment line of the language: `# text` (line comments) or `<!-- text -->`
 * (block comments), with `commentBody` making sure nothing in the text ends the comment early. Every
 * citation format and template goes through here, so none can break out. Languages without comments
 * get the text unchanged.
 */
export function wrapAsComment(text: string, languageId: string): string {
  const style = commentStyle(languageId);
  if (style === null) return text;
  const body = commentBody(text, style, languageId);
  if ('line' in style) return body.length > 0 ? `${style.line} ${body}` : style.line;
  return `${style.block[0]} ${body} ${style.block[1]}`;
}

/**
 * Text made safe to stand inside a comment of `style` in a file of `languageId`, as one line:
 * line breaks and control characters collapsed (`oneLine`); in a block comment, its start and end
 * markers broken with a space (`*\/` becomes `* /`; in HTML and XML every `--`, which also defuses
 * `-->` and `--!>`); in a line comment, what would continue it onto the next line removed from its
 * end (a backslash in C and make, `^` in batch files, ` _` in Visual Basic) and PHP's `?>` broken.
 * Editor and encoding directives (`coding:`, `vim:`) are broken too, so a title cannot change how the
 * file is read, and OCaml's string quotes inside comments are made harmless.
 */
export function commentBody(text: string, style: Exclude<CommentStyle, null>, languageId: string): string {
  // Python reads `coding[:=]` anywhere in its first two lines' comments; vim reads ` vim:` modelines.
  let body = oneLine(text).replace(/coding(?=[:=])/g, 'coding ').replace(/(?<![A-Za-z])(vim?|ex)(?=:)/g, '$1 ');
  // OCaml reads string literals inside comments: an unpaired quote would run past the comment's end.
  if (languageId === 'ocaml') body = breakMarker(body.replace(/"/g, "'"), '{|');
  if ('block' in style) {
    const [start, end] = style.block;
    const markers = new Set([start, end]);
    if (start.includes('--') || end.includes('--')) markers.add('--');
    if (end.includes('*/')) markers.add('*/').add('/*');
    for (const marker of markers) body = breakMarker(body, marker);
    return body;
  }
  if (languageId === 'php') body = breakMarker(body, '?>');
  const continuation = style.line === '::' ? /[\s\\^]+$/ : style.line === "'" ? /[\s\\_]+$/ : /[\s\\]+$/;
  return body.replace(continuation, '');
}

/** `text` with a space after the first character of every occurrence of `marker` (`-->` becomes `- ->`). */
function breakMarker(text: string, marker: string): string {
  return text.replace(new RegExp(`${escapeRegExp(marker[0])}(?=${escapeRegExp(marker.slice(1))})`, 'g'), `${marker[0]} `);
}
