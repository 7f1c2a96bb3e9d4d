/**
 * LaTeX citation commands: `\cite`, natbib's `\citep`, `\citet`, `\citeauthor`, `\citeyear`,
 * `\citealp`, ..., biblatex's `\parencite`, `\textcite`, `\autocite`, `\footcite`, `\smartcite`,
 * `\supercite`, `\fullcite`, capitalised forms (`\Textcite`), starred forms, up to two optional
 * arguments, several keys per command, biblatex multicite commands (`\cites[see][4]{a}[5]{b}`), and
 * `\bibitem` entries as key definitions. Text after an unescaped `%` and verbatim environments are
 * skipped.
 */
import { inRanges, mergeRanges, type Range } from './ranges';
import type { KeySpan } from './types';

/** A citation command's name, after its backslash: anything with `cite` in it but the few that take no keys. */
const CITE_COMMAND = /\\([A-Za-z]*[Cc]ite[A-Za-z]*)(\*?)/g;
const NOT_KEY_COMMANDS = /^(?:citetext|citestyle|citeindextrue|citeindexfalse|citesetup|citename|(?:Declare|Renew|New|Provide|Set|set|Bibliography)[A-Za-z]*)$/;
const BIBITEM = /\\bibitem\s*(?:\[[^\]\n]*\]\s*)?\{([^{}%\s]+)\}/g;
const VERBATIM = /\\begin\{(verbatim|Verbatim|lstlisting|minted|comment|filecontents)\*?\}[\s\S]*?(?:\\end\{\1\*?\}|$)/g;
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
  const skip = mergeRanges([...(options.skip ?? []), ...verbatimRanges(text)]);
  const skipped = (at: number): boolean => inRanges(skip, at) || (options.percentComments && inLatexComment(text, at));
  for (const match of text.matchAll(CITE_COMMAND)) {
    if (NOT_KEY_COMMANDS.test(match[1]) || skipped(match.index)) continue;
    const multi = match[1].endsWith('cites') || match[1].endsWith('Cites');
    readKeyGroups(text, match.index + match[0].length, multi, found);
  }
  if (text.includes('\\bibitem')) {
    for (const match of text.matchAll(BIBITEM)) {
      if (!skipped(match.index)) found.push({ key: match[1], offset: match.index + match[0].lastIndexOf(match[1]), kind: 'definition' });
    }
  }
  return found;
}

/**
 * Reads what follows a citation command from `at`: optional arguments (`[...]`, and for multicite
 * commands the global `(...)` notes), then `{keys}`; a multicite command repeats `[...]{keys}`.
 */
function readKeyGroups(text: string, at: number, multi: boolean, found: KeySpan[]): void {
  let position = at;
  if (multi) {
    for (let notes = 0; notes < 2; notes++) {
      const after = skipGroup(text, skipSpace(text, position), '(', ')');
      if (after < 0) break;
      position = after;
    }
  }
  for (let group = 0; group < (multi ? 64 : 1); group++) {
    let cursor = skipSpace(text, position);
    for (let optional = 0; optional < 2; optional++) {
      const after = skipGroup(text, cursor, '[', ']');
      if (after < 0) break;
      cursor = skipSpace(text, after);
    }
    if (text[cursor] !== '{') return;
    const close = text.indexOf('}', cursor + 1);
    if (close < 0) return;
    const body = text.slice(cursor + 1, close);
    if (body.includes('{')) return;
    let offset = cursor + 1;
    for (const part of body.split(',')) {
      const key = part.trim();
      if (key.length > 0 && key !== '*' && !/[\s\\%#]/.test(key)) found.push({ key, offset: offset + part.indexOf(key), kind: 'citation' });
      offset += part.length + 1;
    }
    position = close + 1;
  }
}

/** The offset after a balanced `open ... close` group starting at `at` on the same few lines, or -1. */
function skipGroup(text: string, at: number, open: string, close: string): number {
  if (text[at] !== open) return -1;
  let depth = 0;
  for (let j = at; j < text.length && j < at + 2000; j++) {
    const char = text[j];
    if (char === '\\') j++;
    else if (char === open) depth++;
    else if (char === close && --depth === 0) return j + 1;
    else if (char === '\n' && text[j + 1] === '\n') return -1;
  }
  return -1;
}

/** The offset of the first character at or after `at` that is not white space (a blank line stops it). */
function skipSpace(text: string, at: number): number {
  let j = at;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || (text[j] === '\n' && text[j + 1] !== '\n'))) j++;
  return j;
}

/** True when an unescaped `%` comes before `at` on its line. */
export function inLatexComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  for (let j = text.indexOf('%', lineStart); j >= 0 && j < at; j = text.indexOf('%', j + 1)) {
    let backslashes = 0;
    for (let k = j - 1; k >= lineStart && text[k] === '\\'; k--) backslashes++;
    if (backslashes % 2 === 0) return true;
  }
  return false;
}

/** Offset ranges of verbatim-like environments and `\verb|...|`. */
function verbatimRanges(text: string): Range[] {
  const ranges: Range[] = [];
  if (text.includes('\\begin{')) for (const match of text.matchAll(VERBATIM)) ranges.push([match.index, match.index + match[0].length]);
  if (text.includes('\\verb')) for (const match of text.matchAll(VERB)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}
