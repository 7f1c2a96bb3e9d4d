/**
 * The LaTeX scanner as it was written with regular expressions (before issue 24), kept only as an
 * oracle: on short texts its answers are the definition of right, and the linear scanner must give
 * the same ones. Quadratic on hostile input, so property tests feed it short texts only.
 */
import type { KeySpan } from '../../../src/core/references/keyOccurrences';
import { mergeRanges } from '../../../src/core/references/ranges';

type Range = readonly [number, number];

const CITE_COMMAND = /\\([A-Za-z]*[Cc]ite[A-Za-z]*)(\*?)/g;
const NOT_KEY_COMMANDS = /^(?:citetext|citestyle|citeindextrue|citeindexfalse|citesetup|citename|(?:Declare|Renew|New|Provide|Set|set|Bibliography)[A-Za-z]*)$/;
const BIBITEM = /\\bibitem\s*(?:\[[^\]\n]*\]\s*)?\{([^{}%\s]+)\}/g;
const VERBATIM = /\\begin\{(verbatim|Verbatim|lstlisting|minted|comment|filecontents)\*?\}[\s\S]*?(?:\\end\{\1\*?\}|$)/g;
const VERB = /\\verb\*?([^A-Za-z\s*])[^\n]*?\1/g;
const MAX_KEYS_LENGTH = 4000;

function comments(text: string): Range[] {
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

/** What the regex scanner found in `text`. */
export function regexScanLatex(text: string, options: { percentComments: boolean; skip?: readonly Range[] }): KeySpan[] {
  const found: KeySpan[] = [];
  if (!text.includes('\\')) return found;
  const verbatim: Range[] = [];
  for (const match of text.matchAll(VERBATIM)) verbatim.push([match.index, match.index + match[0].length]);
  for (const match of text.matchAll(VERB)) verbatim.push([match.index, match.index + match[0].length]);
  const skip = mergeRanges([...(options.skip ?? []), ...verbatim, ...(options.percentComments ? comments(text) : [])]);
  const skipped = (at: number): boolean => skip.some(([start, end]) => at >= start && at < end);
  for (const match of text.matchAll(CITE_COMMAND)) {
    if (NOT_KEY_COMMANDS.test(match[1]) || skipped(match.index)) continue;
    const multi = match[1].endsWith('cites') || match[1].endsWith('Cites');
    readKeyGroups(text, match.index + match[0].length, multi, found);
  }
  if (text.includes('\\bibitem')) {
    for (const match of text.matchAll(BIBITEM)) {
      if (!skipped(match.index)) found.push({ key: match[1], offset: match.index + match[0].lastIndexOf(match[1]), kind: 'definition' });
    }
    found.sort((a, b) => a.offset - b.offset);
  }
  return found;
}

function skipOptional(text: string, at: number, close: string): number {
  const end = text.indexOf(close, at + 1);
  const line = text.indexOf('\n', at + 1);
  return end >= 0 && (line < 0 || end < line) ? end + 1 : -1;
}

function readKeyGroups(text: string, at: number, multi: boolean, found: KeySpan[]): void {
  let position = at;
  if (multi) {
    for (let notes = 0; notes < 2; notes++) {
      const start = skipSpace(text, position);
      const after = text[start] === '(' ? skipOptional(text, start, ')') : -1;
      if (after < 0) break;
      position = after;
    }
  }
  for (let group = 0; group < (multi ? 64 : 1); group++) {
    let cursor = skipSpace(text, position);
    for (let optional = 0; optional < 2 && text[cursor] === '['; optional++) {
      const after = skipOptional(text, cursor, ']');
      if (after < 0) return;
      cursor = skipSpace(text, after);
    }
    if (text[cursor] !== '{') return;
    const close = text.indexOf('}', cursor + 1);
    const open = text.indexOf('{', cursor + 1);
    if (close < 0 || close - cursor > MAX_KEYS_LENGTH || (open >= 0 && open < close)) return;
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

function skipSpace(text: string, at: number): number {
  let j = at;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || (text[j] === '\n' && text[j + 1] !== '\n'))) j++;
  return j;
}
