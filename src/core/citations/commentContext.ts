/**
 * Whether a cursor is inside a comment, from the text before it on its line, and a citation that
 * joins that comment instead of starting a second one (`# trick from GaLore: ...`, not
 * `# trick from # GaLore: ...`). Pure; completion and citation insertion feed it a line prefix.
 */
import { commentStyle } from '../languages';
import { commentBody, wrapAsComment } from './comment';

/** A comment open at the end of a line prefix. */
export type OpenComment =
  /** A line comment: `prefix` (`#`), and `leader`, what a continuation line starts with (`    # `). */
  | { kind: 'line'; prefix: string; leader: string }
  /** A block comment with its markers (`/*`, `*\/`). */
  | { kind: 'block'; start: string; end: string };

/** String quotes by line-comment prefix: a comment marker inside a string starts nothing. */
const QUOTES: Readonly<Record<string, string>> = { '//': '"\'`', '#': '"\'', '--': '"', '%': '', ';': '"', "'": '"', '!': '"\'', '::': '' };

/** Languages whose `'` is not a string quote (Rust lifetimes, ...) or whose `'` quotes strings unlike their family. */
const QUOTE_OVERRIDES: Readonly<Record<string, string>> = {
  rust: '"', sql: '"\'', plsql: '"\'', postgres: '"\'', mysql: '"\'', lua: '"\'', matlab: '"', octave: '"\'',
};

/** `#` languages where `#` starts a comment only at the start of a word (`$#` and `${#x}` in shell are not). */
const HASH_ANYWHERE: ReadonlySet<string> = new Set(['python', 'r', 'julia', 'ruby', 'perl', 'jupyter', 'snakemake', 'starlark', 'bazel', 'coffeescript', 'elixir', 'nim', 'crystal']);

/**
 * The comment open at the end of `before` (a line's text up to the cursor) in a file of `languageId`,
 * or null when the cursor is in code or in a string. Reads the one line only: strings are tracked with
 * their quotes and backslash escapes, block comments by their markers (also `/*` in `//` languages,
 * and a JSDoc-style line starting with `*`).
 */
export function openCommentAt(before: string, languageId: string): OpenComment | null {
  const style = commentStyle(languageId);
  if (style === null) return null;
  const line = 'line' in style ? style.line : undefined;
  const block = 'block' in style ? style.block : line === '//' ? (['/*', '*/'] as [string, string]) : undefined;
  const quotes = line === undefined ? '' : Object.hasOwn(QUOTE_OVERRIDES, languageId) ? QUOTE_OVERRIDES[languageId] : QUOTES[line];
  let quote = '';
  let inBlock = false;
  for (let index = 0; index < before.length; index++) {
    const char = before[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = '';
    } else if (inBlock) {
      if (block && before.startsWith(block[1], index)) {
        inBlock = false;
        index += block[1].length - 1;
      }
    } else if (block && before.startsWith(block[0], index)) {
      inBlock = true;
      index += block[0].length - 1;
    } else if (line !== undefined && before.startsWith(line, index) && startsLineComment(before, index, line, languageId)) {
      return { kind: 'line', prefix: line, leader: `${before.slice(0, index).replace(/\S/g, ' ')}${line} ` };
    } else if (quotes.includes(char)) {
      quote = char;
    } else if (char === '\\') {
      index++; // `\%` in LaTeX, `\#` in shell: escaped, not a comment
    }
  }
  if (block && (inBlock || (block[0].endsWith('*') && /^\s*\*(?!\/)/.test(before) && !quote))) return { kind: 'block', start: block[0], end: block[1] };
  return null;
}

/** Whether the line-comment prefix at `index` starts a comment (not `://` in a URL, not `$#` in shell). */
function startsLineComment(text: string, index: number, prefix: string, languageId: string): boolean {
  const previous = text[index - 1];
  if (previous !== undefined && /[\\:/]/.test(previous)) return false;
  if (prefix === '#' && !HASH_ANYWHERE.has(languageId)) return previous === undefined || /[\s;|&(]/.test(previous);
  return true;
}

/** A citation ready to insert at a cursor in code. */
export interface CommentCitation {
  text: string;
  /** True when the text joins a comment already open at the cursor (no comment marker of its own). */
  joined: boolean;
}

/**
 * A citation (`text`, in any format) for a cursor whose line reads `before` up to it: inside an open
 * comment, the citation's words alone, made safe for that comment (see `commentBody`), after a space
 * when the comment does not end with one; elsewhere a whole comment line (`wrapAsComment`).
 */
export function commentCitationAt(text: string, languageId: string, before: string): CommentCitation {
  const open = openCommentAt(before, languageId);
  if (open === null) return { text: wrapAsComment(text, languageId), joined: false };
  const style = open.kind === 'line' ? { line: open.prefix } : { block: [open.start, open.end] as [string, string] };
  const body = commentBody(text, style, languageId);
  return { text: /(^|\s)$/.test(before) ? body : ` ${body}`, joined: true };
}
