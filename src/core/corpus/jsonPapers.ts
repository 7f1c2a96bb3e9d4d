/**
 * Corpus JSON read paper by paper, in steps: a file of 100,000 papers is never one long `JSON.parse`
 * that holds the extension host's thread. The top-level `papers` array is split into its elements by a
 * linear scan (strings are skipped whole), each element is parsed and checked on its own, and the rest
 * of the file (`version`, `topics`) is parsed without them. The result is what `JSON.parse` and
 * `loadCorpus` give for the whole text, diagnostics included; a file laid out otherwise (no top-level
 * object, no `papers` array, `papers` twice) is read whole, the same way as before.
 */
import { parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { runToEnd, type Progress } from '../slices';
import type { Diagnostic } from '../types';
import { checkCorpusHead, loadCorpus, PaperChecker, type CorpusLoadResult } from './schema';

/** Reads corpus JSON text at once (see `readCorpusJsonSteps`). */
export function readCorpusJson(text: string, file: string): CorpusLoadResult {
  return runToEnd(readCorpusJsonSteps(text, file));
}

/**
 * Reads corpus JSON text, yielding after each paper (progress in characters of the text).
 * Never throws: text that is not JSON is one diagnostic naming the file and the line of the first error.
 */
export function* readCorpusJsonSteps(text: string, file: string): Generator<Progress, CorpusLoadResult> {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const checker = new PaperChecker(file);
  let index = 0;
  const papers = yield* papersArray(text, start, elementReader(text, (value) => checker.add(value, index++)));
  if (papers === 'whole') return readWhole(text, start, file);
  if ('error' in papers) return failed(text, papers.error, file);
  // The rest of the file, with an empty `papers` array where the papers were.
  const rest = `${text.slice(start, papers.start)}[]${text.slice(papers.end)}`;
  const head = parseOrError(rest, 0, rest.length);
  if (head.error) {
    const { offset } = head.error;
    const inText = offset < papers.start - start ? offset + start : offset < papers.start - start + 2 ? papers.start : offset - (papers.start - start + 2) + papers.end;
    return failed(text, { ...head.error, offset: inText }, file);
  }
  const checked = checkCorpusHead(head.json, file);
  if (!checked.ok) return { corpus: { version: 1, topics: [], papers: [] }, diagnostics: checked.diagnostics };
  return { corpus: { version: 1, topics: checked.topics, papers: checker.papers }, diagnostics: [...checked.diagnostics, ...checker.diagnostics] };
}

/**
 * Reads a JSON text whose top level is an array (CSL-JSON) element by element, each `JSON.parse`d on
 * its own, yielding after each: `onElement` gets the element, its index and where its text is
 * (`from` to `to`). Never throws: a text that is not a JSON array, or that breaks off, gives one diagnostic
 * naming the file and the line of the first error (the elements before it have been handed on).
 */
export function* readJsonArraySteps(text: string, file: string, onElement: (value: unknown, index: number, from: number, to: number) => void): Generator<Progress, Diagnostic | null> {
  const start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[start] !== '[') return { file, line: lineAt(text, start), message: 'not a JSON array', severity: 'error' };
  let index = 0;
  const array = yield* readElements(text, start, elementReader(text, (value, from, to) => onElement(value, index++, from, to)));
  if ('error' in array) return failed(text, array.error, file).diagnostics[0];
  const after = skipWhitespace(text, array.end);
  return after === text.length ? null : failed(text, { offset: after, reason: 'EndOfFileExpected' }, file).diagnostics[0];
}

/** A JSON syntax error: where in the text, and jsonc-parser's name for it (`CommaExpected`). */
interface SyntaxProblem {
  offset: number;
  reason: string;
}

/** Where the top-level `papers` array is: its `[`, and the offset just past its `]`. */
interface PapersArray {
  start: number;
  end: number;
}

/** Reads the element at `text[from, to)`; false when it is not valid JSON. */
type ElementReader = (from: number, to: number) => boolean;

/** An `ElementReader` that parses each element and hands it to `use`. */
function elementReader(text: string, use: (value: unknown, from: number, to: number) => void): ElementReader {
  return (from, to) => {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(from, to));
    } catch {
      return false;
    }
    use(value, from, to);
    return true;
  };
}

/**
 * Finds the top-level `papers` array and hands each of its elements to `read`, in order, after checking
 * that the text before the array is valid JSON, so the first error met is the first in the text.
 * `whole` when the text is not laid out as a corpus file (the whole-text path explains it then).
 */
function* papersArray(text: string, from: number, read: ElementReader): Generator<Progress, PapersArray | { error: SyntaxProblem } | 'whole'> {
  let at = skipWhitespace(text, from);
  if (text[at] !== '{') return 'whole';
  let found: PapersArray | undefined;
  at = skipWhitespace(text, at + 1);
  if (text[at] === '}') return 'whole';
  for (;;) {
    const keyEnd = text[at] === '"' ? stringEnd(text, at) : -1;
    if (keyEnd < 0) return 'whole';
    const key = parseOrError(text, at, keyEnd);
    at = skipWhitespace(text, keyEnd);
    if (key.error || text[at] !== ':') return 'whole';
    at = skipWhitespace(text, at + 1);
    if (key.json === 'papers') {
      if (found || text[at] !== '[') return 'whole';
      // Everything before the array must be valid JSON before any paper is read.
      const before = `${text.slice(from, at)}[]}`;
      const checked = parseOrError(before, 0, before.length);
      if (checked.error) return { error: { ...checked.error, offset: Math.min(checked.error.offset + from, at) } };
      const array = yield* readElements(text, at, read);
      if ('error' in array) return array;
      found = { start: at, end: array.end };
      at = array.end;
    } else {
      const end = valueEnd(text, at);
      if (end < 0) return 'whole';
      at = end;
    }
    at = skipWhitespace(text, at);
    if (text[at] === '}') break;
    if (text[at] !== ',') return 'whole';
    at = skipWhitespace(text, at + 1);
  }
  if (!found || skipWhitespace(text, at + 1) !== text.length) return 'whole';
  return found;
}

/** Reads the elements of the array whose `[` is at `open`; returns the offset past its `]`, or the first error. */
function* readElements(text: string, open: number, read: ElementReader): Generator<Progress, { end: number } | { error: SyntaxProblem }> {
  let at = skipWhitespace(text, open + 1);
  if (text[at] === ']') return { end: at + 1 };
  for (;;) {
    const end = valueEnd(text, at);
    if (end < 0 || !read(at, end)) return { error: firstErrorInArray(text, at) };
    yield { done: end, total: text.length };
    const next = skipWhitespace(text, end);
    if (text[next] === ']') return { end: next + 1 };
    const after = skipWhitespace(text, next + 1);
    if (text[next] !== ',' || text[after] === ']' || after >= text.length) return { error: firstErrorInArray(text, at) };
    at = after;
  }
}

/**
 * The first syntax error at or after `from`, where an element of an array starts (every element before
 * it was read without error): jsonc-parser is run from there in the same state, so it names the error
 * as it would reading the whole text, and stops at it.
 */
function firstErrorInArray(text: string, from: number): SyntaxProblem {
  let first: SyntaxProblem | undefined;
  const stop = new Error('first error found');
  try {
    visit(`[${text.slice(from)}`, {
      onError: (error, offset) => {
        first = { offset: from + offset - 1, reason: printParseErrorCode(error) };
        throw stop;
      },
    }, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    if (error !== stop) throw error;
  }
  return first ?? { offset: from, reason: 'ValueExpected' };
}

/** `text[from, to)` parsed, or the first syntax error in it (offset in `text`). */
function parseOrError(text: string, from: number, to: number): { json: unknown; error?: undefined } | { json?: undefined; error: SyntaxProblem } {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  try {
    return { json: JSON.parse(part) };
  } catch (error) {
    // JSON.parse does not always say where; jsonc-parser (VS Code's own) reports the offset of the first error.
    const errors: ParseError[] = [];
    parseTree(part, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    return { error: first ? { offset: from + first.offset, reason: printParseErrorCode(first.error) } : { offset: from, reason: (error as Error).message } };
  }
}

/** The text read whole: `JSON.parse`, then `loadCorpus`. */
function readWhole(text: string, start: number, file: string): CorpusLoadResult {
  const parsed = parseOrError(text, start, text.length);
  return parsed.error ? failed(text, parsed.error, file) : loadCorpus(parsed.json, file);
}

function failed(text: string, problem: SyntaxProblem, file: string): CorpusLoadResult {
  const diagnostic: Diagnostic = { file, line: lineAt(text, problem.offset), message: `not valid JSON (${problem.reason})`, severity: 'error' };
  return { corpus: { version: 1, topics: [], papers: [] }, diagnostics: [diagnostic] };
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function skipWhitespace(text: string, at: number): number {
  for (;;) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
    at++;
  }
}

/** The offset just past the string whose `"` is at `at`, or -1 when it does not end. */
function stringEnd(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return -1;
}

const STRUCTURE = /["{}[\]]/g;
const LITERAL_END = /[\s,}\]]/g;

/**
 * The offset just past the JSON value that starts at `at`, or -1 when it does not end. Only the
 * nesting of brackets and the ends of strings are followed: `JSON.parse` checks the value itself.
 */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== '{' && first !== '[') {
    LITERAL_END.lastIndex = at;
    const end = LITERAL_END.exec(text)?.index ?? text.length;
    return end > at ? end : -1;
  }
  let depth = 0;
  STRUCTURE.lastIndex = at;
  for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
    const char = match[0];
    if (char === '"') {
      const end = stringEnd(text, match.index);
      if (end < 0) return -1;
      STRUCTURE.lastIndex = end;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (--depth === 0) {
      return match.index + 1;
    }
  }
  return -1;
}
