/**
 * Where a sentence or clause ends in prose, for a citation of it: its punctuation (`.`, `?`, `;`, ...,
 * not the dot of `e.g.`, `3.5` or an initial), read past inline code, math and LaTeX comments, within
 * the paragraph (a list item, a heading) around the place. Pure and linear in the paragraph's length.
 */
import { citationSyntax } from '../languages';
import { isWordChar, lineEnd, lineStart, skipBlanksBack } from './lineText';

/** Punctuation that ends a sentence or a clause. */
export const CLAUSE_END = '.!?;:…';
/** What may stand between a clause's punctuation and the white space after it. */
export const CLOSERS = '"\'”’»)]}*_';
/** Words whose `.` ends no sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'cf', 'vs', 'al', 'fig', 'figs', 'eq', 'eqs', 'sec', 'secs', 'ch', 'no', 'tab', 'approx', 'resp', 'viz',
  'ca', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'vol', 'pp', 'p', 'ref', 'refs', 'thm', 'def', 'lem', 'prop', 'alg',
]);

/** True when the punctuation at `index` ends a sentence or clause (not `3.5`, `e.g.`, `J.`, `a.b`, `...` before its last dot). */
export function endsClause(text: string, index: number, limit: number): boolean {
  const char = text[index];
  if (!CLAUSE_END.includes(char) || index === 0) return false;
  let after = index + 1;
  if (char === '.' && text[after] === '.') return false; // an ellipsis ends at its last dot
  while (after < limit && CLOSERS.includes(text[after])) after++;
  if (after < limit && !/\s/.test(text[after])) return false;
  if (char === '.') {
    let start = index;
    while (start > 0 && /[\p{L}.]/u.test(text[start - 1])) start--;
    const word = text.slice(start, index);
    if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) return false;
  }
  return true;
}

/**
 * What of the paragraph `[start, end)` is prose a clause may end in: not inline code (Markdown), not
 * math (`$…$`), not a LaTeX comment. Returns, for each offset from `start`, whether it is prose.
 */
function proseMask(text: string, start: number, end: number, languageId: string): Uint8Array {
  const syntax = citationSyntax(languageId);
  const mask = new Uint8Array(end - start);
  let code = 0; // the length of the backtick run that opened a code span
  let math = false;
  let comment = false;
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (char === '\n') comment = false;
    if (comment) continue;
    if (syntax === 'markdown' && char === '`') {
      let run = 1;
      while (text[index + run] === '`') run++;
      if (code === 0) code = run;
      else if (code === run) code = 0;
      index += run - 1;
      continue;
    }
    if (code > 0) continue;
    if (char === '\\') {
      index++;
      continue;
    }
    if (syntax === 'latex' && char === '%') {
      comment = true;
      continue;
    }
    if (char === '$' && syntax !== 'code') {
      math = !math;
      continue;
    }
    if (!math) mask[index - start] = 1;
  }
  return mask;
}

/** The paragraph around `offset`: the lines between blank lines, list items and headings. */
function paragraphAround(text: string, offset: number, languageId: string): { start: number; end: number } {
  const itemStart = citationSyntax(languageId) === 'latex' ? /^\s*\\(?:item\b|(?:sub)*section\*?\{|paragraph\{|chapter\*?\{|begin\{|end\{)/ : /^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s|>)/;
  let start = lineStart(text, offset);
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start - 1);
    if (line.trim() === '' || itemStart.test(text.slice(start, lineEnd(text, start)))) break;
    start = previous;
  }
  let end = lineEnd(text, offset);
  while (end < text.length) {
    const next = end + (text[end] === '\r' ? 2 : 1);
    const nextEnd = lineEnd(text, next);
    const line = text.slice(next, nextEnd);
    if (line.trim() === '' || itemStart.test(line)) break;
    end = nextEnd;
  }
  return { start, end };
}

/**
 * The place in prose where a writer cites the sentence or clause around `cursor`: right before the
 * punctuation that ends it; where the cursor stands just after a finished sentence, that sentence;
 * after the paragraph's last word when no punctuation ends it.
 */
export function clauseEndPlace(text: string, cursor: number, languageId: string): number {
  const { start, end } = paragraphAround(text, cursor, languageId);
  const mask = proseMask(text, start, end, languageId);
  const prose = (index: number): boolean => index >= start && index < end && mask[index - start] === 1;
  if (!isWordChar(text[cursor])) {
    // Just after a finished sentence (`weights.|`, `weights." |`): that one.
    let back = skipBlanksBack(text, cursor, start);
    while (back > start && CLOSERS.includes(text[back - 1])) back--;
    if (back > start && prose(back - 1) && endsClause(text, back - 1, end)) return back - 1;
  }
  for (let index = cursor; index < end; index++) {
    if (prose(index) && endsClause(text, index, end)) return index;
  }
  // No punctuation ends it: after the paragraph's last word (before a LaTeX comment on that line).
  let last = end;
  while (last > start && !prose(last - 1)) last--;
  return skipBlanksBack(text, last, start);
}
