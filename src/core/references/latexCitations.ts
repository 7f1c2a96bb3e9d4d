/**
 * LaTeX citation commands: `\cite`, natbib's `\citep`, `\citet`, `\citeauthor`, `\citeyear`,
 * `\citealp`, ..., biblatex's `\parencite`, `\textcite`, `\autocite`, `\footcite`, `\smartcite`,
 * `\supercite`, `\fullcite`, capitalised forms (`\Textcite`), starred forms, up to two optional
 * arguments, several keys per command, biblatex multicite commands (`\cites[see][4]{a}[5]{b}`), and
 * `\bibitem` entries as key definitions. Text after an unescaped `%` and verbatim environments are
 * skipped.
 */
import { inRanges, mergeRanges, type Range } from './ranges';
import type { KeySpan } from './keyOccurrences';

/** A citation command's name, after its backslash: anything with `cite` in it but the few that take no keys. */
const CITE_COMMAND = /\\([A-Za-z]*[Cc]ite[A-Za-z]*)(\*?)/g;
const NOT_KEY_COMMANDS = /^(?:citetext|citestyle|citeindextrue|citeindexfalse|citesetup|citename|(?:Declare|Renew|New|Provide|Set|set|Bibliography)[A-Za-z]*)$/;
const BIBITEM = /\\bibitem\s*(?:\[[^\]\n]*\]\s*)?\{([^{}%\s]+)\}/g;
const VERBATIM = /\\begin\{(verbatim|Verbatim|lstlisting|minted|comment|filecontents)\*?\}[\s\S]*?(?:\\end\{\1\*?\}|$)/g;
/** The longest list of keys read in one pair of braces. */
const MAX_KEYS_LENGTH = 4000;
const VERB = /\\verb\*?([^A-Za-z\s*])[^\n]*?\1/g;

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
  const skip = mergeRanges([...(options.skip ?? []), ...verbatimRanges(text), ...(options.percentComments ? latexCommentRanges(text) : [])]);
  const skipped = (at: number): boolean => inRanges(skip, at);
  const find = finders(text);
  for (const match of text.matchAll(CITE_COMMAND)) {
    if (NOT_KEY_COMMANDS.test(match[1]) || skipped(match.index)) continue;
    const multi = match[1].endsWith('cites') || match[1].endsWith('Cites');
    readKeyGroups(text, match.index + match[0].length, multi, found, find);
  }
  if (text.includes('\\bibitem')) {
    for (const match of text.matchAll(BIBITEM)) {
      if (!skipped(match.index)) found.push({ key: match[1], offset: match.index + match[0].lastIndexOf(match[1]), kind: 'definition' });
    }
    found.sort((a, b) => a.offset - b.offset);
  }
  return found;
}

/**
 * The next index of a character at or after a position, remembered: the scanner asks with positions
 * that (almost always) only grow, so all its look-ups together read the text about once, however many
 * unclosed brackets a hostile file holds.
 */
class NextIndex {
  private from = Number.POSITIVE_INFINITY;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The index of the first `char` at or after `from`, or Infinity. */
  after(from: number): number {
    if (from < this.from || from > this.found) {
      const at = this.text.indexOf(this.char, from);
      this.found = at < 0 ? Number.POSITIVE_INFINITY : at;
    }
    this.from = from;
    return this.found;
  }
}

/** Finders of the characters that end arguments, for one text. */
interface Finders {
  bracket: NextIndex;
  parenthesis: NextIndex;
  open: NextIndex;
  close: NextIndex;
  line: NextIndex;
}

function finders(text: string): Finders {
  return { bracket: new NextIndex(text, ']'), parenthesis: new NextIndex(text, ')'), open: new NextIndex(text, '{'), close: new NextIndex(text, '}'), line: new NextIndex(text, '\n') };
}

/**
 * The offset after an argument `[...]` (or `(...)`) starting at `at` on one line, or -1 when there is
 * none there. Optional arguments hold no nested brackets worth reading.
 */
function skipOptional(text: string, at: number, end: NextIndex, find: Finders): number {
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
      const after = text[start] === '(' ? skipOptional(text, start, find.parenthesis, find) : -1;
      if (after < 0) break;
      position = after;
    }
  }
  for (let group = 0; group < (multi ? 64 : 1); group++) {
    let cursor = skipSpace(text, position);
    for (let optional = 0; optional < 2 && text[cursor] === '['; optional++) {
      const after = skipOptional(text, cursor, find.bracket, find);
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
  if (text.includes('\\begin{')) for (const match of text.matchAll(VERBATIM)) ranges.push([match.index, match.index + match[0].length]);
  if (text.includes('\\verb')) for (const match of text.matchAll(VERB)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}
