/**
 * The text of a library field: a BibTeX value's TeX read into Unicode (accents, protective braces,
 * `\emph`, math, `\url`), and that text kept in a paper's fields so that every place that renders a
 * title or an abstract (`readableText`) shows it exactly. Linear in the length of the value, at any
 * depth of braces (see `readableTitle`).
 */
import { readableTitle } from '../citations/latexText';

/** biblatex and babel commands that only mark their argument: the argument is the text. */
const MARKUP = /\\(?:mkbibquote|mkbibemph|mkbibitalic|mkbibbold|enquote|NoCaseChange|nocase|foreignlanguage\s*\{[^{}]*\}|hyphenation|bibstring)(?![A-Za-z])/g;
/** `\url{x}` (`x` as written) and `\href{url}{text}` (its text); no nesting inside, so one pass is linear. */
const URL_COMMAND = /\\(?:url|nolinkurl)\s*\{([^{}]*)\}/g;
const HREF_COMMAND = /\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}/g;

/**
 * A BibTeX field's value (what is inside its braces or quotes, macros already expanded) as plain text:
 * `{BERT}` reads `BERT`, `M{\"u}ller` `Müller`, `Garc{\'\i}a` `García`, `{\L}ukasz` `Łukasz`,
 * `\emph{x}` `x`, `$\alpha$` `α`, `\url{https://x}` `https://x`; white space collapsed, NFC.
 * An unknown command stays as written. Never throws.
 */
export function texToText(value: string): string {
  if (!/[\\{}$~]|--|``|''/.test(value)) return value.normalize('NFC').replace(/\s+/g, ' ').trim();
  const prepared = value.replace(URL_COMMAND, (_match, url: string) => url).replace(HREF_COMMAND, (_match, text: string) => text).replace(MARKUP, '');
  return readableTitle(prepared);
}

/** The characters `readableTitle` reads as TeX, and the TeX that reads as each of them. */
const LITERALS: ReadonlyMap<string, string> = new Map([
  ['\\', '\\textbackslash{}'],
  ['{', '\\{'],
  ['}', '\\}'],
  ['$', '\\$'],
  ['~', '\\textasciitilde{}'],
]);

/**
 * Plain text as a paper's title or abstract holds it: the few characters that the title renderer reads
 * as TeX (`\ { } $ ~`) written so that they read back as themselves, so `readableText(latexLiteral(t))`
 * is `t` (white space collapsed) while search still sees the words of `t`.
 */
export function latexLiteral(text: string): string {
  return /[\\{}$~]/.test(text) ? text.replace(/[\\{}$~]/g, (char) => LITERALS.get(char) as string) : text;
}
