/**
 * LaTeX citation commands: `\cite`, natbib's `\citep`, `\citet`, `\citeauthor`, `\citeyear`,
 * `\citealp`, ..., biblatex's `\parencite`, `\textcite`, `\autocite`, `\footcite`, `\smartcite`,
 * `\supercite`, `\fullcite`, capitalised forms (`\Textcite`), starred forms, up to two optional
 * arguments, several keys per command, biblatex multicite commands (`\cites[see][4]{a}[5]{b}`), and
 * `\bibitem` entries as key definitions. Text after an unescaped `%` and verbatim environments are
 * skipped.
 *
 * Linear by construction: the text is read left to right with `indexOf` and loops, never with a
 * regular expression that scans ahead from each of many starting points; "the next `]`" (and `)`,
 * `{`, `}`, line break) comes from a list of that character's positions, and "the next `\verb`
 * delimiter" from a table made in one pass, so no stretch of text is read once per unclosed bracket.
 */
import { CharPositions, inRanges, mergeRanges, type Range } from './ranges';
import type { KeySpan } from './keyOccurrences';

const NOT_KEY_COMMANDS = /^(?:citetext|citestyle|citeindextrue|citeindexfalse|citesetup|citename|(?:Declare|Renew|New|Provide|Set|set|Bibliography)[A-Za-z]*)$/;
/** Environments whose content is shown as typed: a citation command inside them is text. */
const VERBATIM_ENVIRONMENTS: ReadonlySet<string> = new Set(['verbatim', 'Verbatim', 'lstlisting', 'minted', 'comment', 'filecontents']);
/** The longest list of keys read in one pair of braces. */
const MAX_KEYS_LENGTH = 4000;
/** The most key groups a multicite command (`\cites{a}{b}...`) is read for. */
const MAX_KEY_GROUPS = 64;

/** Options of `scanLatex`. */
export interface LatexScanOptions {
  /** Treat `%` as starting a comment (true in LaTeX, false for raw LaTeX inside Markdown). */
  percentComments: boolean;
  /** Offset ranges to skip (code in Markdown). */
  skip?: readonly Range[];
}

/** Keys cited by LaTeX commands in `text` (kind "citation") and keys defined by `\bibitem` ("definition"). */
export function scanLatex(text: string, options: LatexScanOptions): KeySpan[] {
  const found: KeySpan[] = [];
  if (!text.includes('\\')) return found;
  const skip = mergeRanges(options.skip ?? [], verbatimRanges(text), options.percentComments ? latexCommentRanges(text) : []);
  const find = finders(text);
  for (let at = text.indexOf('\\'); at >= 0; ) {
    const nameEnd = letterRunEnd(text, at + 1);
    if (nameEnd === at + 1) {
      at = text.indexOf('\\', at + 1);
      continue;
    }
    const name = text.slice(at + 1, nameEnd);
    if ((name.includes('cite') || name.includes('Cite')) && !NOT_KEY_COMMANDS.test(name) && !inRanges(skip, at)) {
      const multi = name.endsWith('cites') || name.endsWith('Cites');
      readKeyGroups(text, text[nameEnd] === '*' ? nameEnd + 1 : nameEnd, multi, found, find);
    }
    at = text.indexOf('\\', nameEnd);
  }
  if (text.includes('\\bibitem')) {
    for (const definition of bibitems(text, find)) if (!inRanges(skip, definition.at)) found.push(definition.span);
    found.sort((a, b) => a.offset - b.offset);
  }
  return found;
}

/** The offset just after the run of ASCII letters starting at `from` (`from` itself when there is none). */
function letterRunEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  return end;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Finders of the characters that end arguments, for one text. */
interface Finders {
  bracket: CharPositions;
  parenthesis: CharPositions;
  open: CharPositions;
  close: CharPositions;
  line: CharPositions;
}

function finders(text: string): Finders {
  return {
    bracket: new CharPositions(text, ']'),
    parenthesis: new CharPositions(text, ')'),
    open: new CharPositions(text, '{'),
    close: new CharPositions(text, '}'),
    line: new CharPositions(text, '\n'),
  };
}

/**
 * The offset after an argument `[...]` (or `(...)`) starting at `at` on one line, or -1 when there is
 * none there. Optional arguments hold no nested brackets worth reading.
 */
function skipOptional(at: number, end: CharPositions, find: Finders): number {
  const close = end.after(at + 1);
  return close < find.line.after(at + 1) ? close + 1 : -1;
}

/**
 * Reads what follows a citation command from `at`: optional arguments (`[...]`, and for multicite
 * commands the global `(...)` notes), then `{keys}`; a multicite command repeats `[...]{keys}`.
 */
function readKeyGroups(text: string, at: number, multi: boolean, found: KeySpan[], find: Finders): void {
  let position = at;
  if (multi) {
    for (let notes = 0; notes < 2; notes++) {
      const start = skipSpace(text, position);
      const after = text[start] === '(' ? skipOptional(start, find.parenthesis, find) : -1;
      if (after < 0) break;
      position = after;
    }
  }
  for (let group = 0; group < (multi ? MAX_KEY_GROUPS : 1); group++) {
    let cursor = skipSpace(text, position);
    for (let optional = 0; optional < 2 && text[cursor] === '['; optional++) {
      const after = skipOptional(cursor, find.bracket, find);
      if (after < 0) return;
      cursor = skipSpace(text, after);
    }
    if (text[cursor] !== '{') return;
    // Keys are short and hold no braces: a brace not closed soon is not a key list.
    const close = find.close.after(cursor + 1);
    if (close === Number.POSITIVE_INFINITY || close - cursor > MAX_KEYS_LENGTH || find.open.after(cursor + 1) < close) return;
    const body = text.slice(cursor + 1, close);
    let offset = cursor + 1;
    for (const part of body.split(',')) {
      const key = part.trim();
      if (key.length > 0 && key !== '*' && !/[\s\\%#]/.test(key)) found.push({ key, offset: offset + part.indexOf(key), kind: 'citation' });
      offset += part.length + 1;
    }
    position = close + 1;
  }
}

/** The offset of the first character at or after `at` that is not white space (a blank line stops it). */
function skipSpace(text: string, at: number): number {
  let j = at;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || (text[j] === '\n' && text[j + 1] !== '\n'))) j++;
  return j;
}

/** A `\bibitem` key definition, and the offset of its backslash. */
interface Bibitem {
  at: number;
  span: KeySpan;
}

/**
 * The `\bibitem[label]{key}` definitions in `text`, left to right; what one reads (its label and key)
 * is not looked at again for another. White space may stand around the label, a label stays on its
 * line, and a key is a run of characters other than braces, `%` and white space.
 */
function bibitems(text: string, find: Finders): Bibitem[] {
  const definitions: Bibitem[] = [];
  const command = '\\bibitem';
  for (let at = text.indexOf(command); at >= 0; ) {
    let cursor = skipAnySpace(text, at + command.length);
    if (text[cursor] === '[') {
      const after = skipOptional(cursor, find.bracket, find);
      cursor = after < 0 ? cursor : skipAnySpace(text, after);
    }
    let end = -1;
    if (text[cursor] === '{') {
      let keyEnd = cursor + 1;
      while (keyEnd < text.length && isKeyCharacter(text[keyEnd])) keyEnd++;
      if (keyEnd > cursor + 1 && text[keyEnd] === '}') {
        definitions.push({ at, span: { key: text.slice(cursor + 1, keyEnd), offset: cursor + 1, kind: 'definition' } });
        end = keyEnd + 1;
      }
    }
    at = text.indexOf(command, end < 0 ? at + 1 : end);
  }
  return definitions;
}

/** `\s` of a regular expression: every kind of white space and line break. */
const SPACE = /\s/;

function skipAnySpace(text: string, at: number): number {
  let j = at;
  while (j < text.length && SPACE.test(text[j])) j++;
  return j;
}

function isKeyCharacter(char: string): boolean {
  return char !== '{' && char !== '}' && char !== '%' && !SPACE.test(char);
}

/** The ranges from each unescaped `%` to the end of its line, in one pass over the text. */
export function latexCommentRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf('%'); at >= 0; at = text.indexOf('%', at + 1)) {
    let backslashes = 0;
    for (let k = at - 1; k >= 0 && text[k] === '\\'; k--) backslashes++;
    if (backslashes % 2 === 1) continue;
    const end = text.indexOf('\n', at);
    ranges.push([at, end < 0 ? text.length : end]);
    if (end < 0) break;
    at = end;
  }
  return ranges;
}

/** Offset ranges of verbatim-like environments and `\verb|...|`. */
function verbatimRanges(text: string): Range[] {
  const ranges: Range[] = [];
  if (text.includes('\\begin{')) verbatimEnvironments(text, ranges);
  if (text.includes('\\verb')) verbArguments(text, ranges);
  return ranges;
}

/**
 * `\begin{verbatim}` (or `verbatim*`, `Verbatim`, `lstlisting`, `minted`, `comment`, `filecontents`)
 * to its `\end{...}`, or to the end of the text when it never ends. Each search for an end starts
 * where the last one stopped.
 */
function verbatimEnvironments(text: string, ranges: Range[]): void {
  const begin = '\\begin{';
  for (let at = text.indexOf(begin); at >= 0; ) {
    const nameStart = at + begin.length;
    const nameEnd = letterRunEnd(text, nameStart);
    const name = text.slice(nameStart, nameEnd);
    const braceAt = text[nameEnd] === '*' ? nameEnd + 1 : nameEnd;
    if (!VERBATIM_ENVIRONMENTS.has(name) || text[braceAt] !== '}') {
      at = text.indexOf(begin, at + 1);
      continue;
    }
    const end = environmentEnd(text, name, braceAt + 1);
    ranges.push([at, end]);
    at = end >= text.length ? -1 : text.indexOf(begin, end);
  }
}

/** The offset just after the `\end{name}` (or `\end{name*}`) at or after `from`, or the text's length. */
function environmentEnd(text: string, name: string, from: number): number {
  const end = `\\end{${name}`;
  for (let at = text.indexOf(end, from); at >= 0; at = text.indexOf(end, at + 1)) {
    const after = at + end.length;
    if (text[after] === '}') return after + 1;
    if (text[after] === '*' && text[after + 1] === '}') return after + 2;
  }
  return text.length;
}

/**
 * `\verb|...|` and `\verb*|...|`: any delimiter but a letter, white space or `*`, closed by the same
 * character later on the line. The next occurrence of each character on its line comes from one
 * pass over the text (see `NextSameOnLine`), however many delimiters never recur.
 */
function verbArguments(text: string, ranges: Range[]): void {
  const next = new NextSameOnLine(text);
  const command = '\\verb';
  for (let at = text.indexOf(command); at >= 0; ) {
    let delimiterAt = at + command.length;
    if (text[delimiterAt] === '*') delimiterAt++;
    const delimiter = text[delimiterAt];
    const close = delimiter !== undefined && delimiter !== '*' && !isAsciiLetter(text.charCodeAt(delimiterAt)) && !SPACE.test(delimiter) ? next.after(delimiterAt) : -1;
    if (close < 0) {
      at = text.indexOf(command, at + 1);
      continue;
    }
    ranges.push([at, close + 1]);
    at = text.indexOf(command, close + 1);
  }
}

/** For each offset, where the same UTF-16 unit occurs next on the same line: one pass from the end. */
class NextSameOnLine {
  private table: Int32Array | undefined;

  constructor(private readonly text: string) {}

  /** The offset of the next occurrence of the unit at `at`, on its line; -1 when there is none. */
  after(at: number): number {
    return (this.table ??= nextSameTable(this.text))[at];
  }
}

function nextSameTable(text: string): Int32Array {
  const table = new Int32Array(text.length);
  const lastAt = new Int32Array(65536);
  const lastLine = new Int32Array(65536).fill(-1);
  let line = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    const code = text.charCodeAt(at);
    if (code === 10) {
      line++;
      table[at] = -1;
      continue;
    }
    table[at] = lastLine[code] === line ? lastAt[code] : -1;
    lastAt[code] = at;
    lastLine[code] = line;
  }
  return table;
}
