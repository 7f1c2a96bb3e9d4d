/**
 * Reading an existing `.bib` file just enough to merge Paper Scout's entries into it without touching
 * anything else. Pure: the export command reads and writes the file.
 *
 * How Paper Scout marks its entries: the line directly above each entry it writes is
 * `% paper-scout <hash>` (`PAPER_SCOUT_MARKER` and a hash of the entry as written). biber, biblatex and
 * BibTeX ignore it (BibTeX skips all text between entries, biber reads `%` lines as comments). On the
 * next export an entry under the marker whose text still has that hash is Paper Scout's to replace; one
 * the user changed since (the hash no longer matches) is kept as it is. Every other entry, comment and
 * blank line is kept byte for byte, and a key that already has an entry the user wrote (or imported) is
 * left to that entry, never duplicated.
 */

/** The comment that starts the line Paper Scout writes directly above each entry it adds to a `.bib` file. */
export const PAPER_SCOUT_MARKER = '% paper-scout';

/** The marker line for an entry: `% paper-scout` and the hash of the entry's text. */
export function markerLine(entryText: string): string {
  return `${PAPER_SCOUT_MARKER} ${entryHash(entryText)}`;
}

/**
 * A hash of an entry's text as Paper Scout wrote it (line endings read as `\n`): 16 hex digits, two
 * 32-bit FNV-1a lanes. It tells an edited entry from an untouched one; it is not a secret.
 */
export function entryHash(entryText: string): string {
  let first: number = HASH_START.first;
  let second: number = HASH_START.second;
  for (let index = 0; index < entryText.length; index++) {
    const code = entryText.charCodeAt(index);
    if (code === 0x0d && entryText.charCodeAt(index + 1) === 0x0a) continue;
    first = hashFirst(first, code);
    second = hashSecond(second, code);
  }
  return hashDigest(first, second);
}

/*
 * `entryHash`'s parts, for a reader that walks an entry's text anyway and hashes it in the same pass (the
 * library's `.bib` scanner): the two lanes start at `HASH_START`, take each character code in turn (a
 * `\r` just before a `\n` left out) and end as `hashDigest`. Kept as functions of plain numbers so the
 * lanes stay in the caller's locals in its hot loop.
 */

/** Where `entryHash`'s two lanes start. */
export const HASH_START = { first: 0x811c9dc5, second: 0x01000193 ^ 0x5bd1e995 } as const;

/** The first lane after one more character code. */
export function hashFirst(lane: number, code: number): number {
  return Math.imul(lane ^ code, 0x01000193);
}

/** The second lane after one more character code. */
export function hashSecond(lane: number, code: number): number {
  return Math.imul(lane ^ code, 0x01000193) ^ (lane >>> 13);
}

/** The 16 hex digits of the two lanes. */
export function hashDigest(first: number, second: number): string {
  return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}

/** One `@type{...}` (or `@type(...)`) entry of a `.bib` file, located by character offsets. */
export interface BibEntry {
  /** The entry type as written, without `@` (`misc`, `article`, `string`, `comment`). */
  type: string;
  /** The citation key, or null for `@string`, `@preamble` and `@comment`. */
  key: string | null;
  /** Offset of the `@`. */
  start: number;
  /** Offset just after the closing `}` or `)`. */
  end: number;
  /** True when the line directly above the entry is Paper Scout's marker. */
  ours: boolean;
  /** For an entry under the marker: the hash the marker holds (null for a marker without one, as 0.1 wrote). */
  hash: string | null;
  /** For an entry under the marker: the offset where the marker line starts. */
  markerStart: number;
}

/** The entries of a `.bib` file, and where it could not be read. */
export interface BibFile {
  entries: BibEntry[];
  /** Problems that make merging unsafe (an entry that never closes), with their 1-based line. */
  problems: { line: number; message: string }[];
  /** The file's line ending, `\r\n` when it uses CRLF. */
  eol: '\n' | '\r\n';
}

const KEYLESS_TYPES: ReadonlySet<string> = new Set(['string', 'preamble', 'comment']);

/**
 * Splits `.bib` text into entries. Like biber and most BibTeX tools, a `@` on a `%` comment line or
 * anywhere outside an entry that is not followed by `type{` or `type(` starts nothing. Braces are
 * counted to find an entry's end (BibTeX requires them balanced, in quoted values too); an entry in
 * parentheses ends at the first `)` outside braces and quotes.
 */
export function parseBibFile(text: string): BibFile {
  const entries: BibEntry[] = [];
  const problems: { line: number; message: string }[] = [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Where each `@`'s line starts, and what stands on it before the `@`, is kept as the scan goes
  // forward: asking `lastIndexOf` for every `@` would read a long line once per `@` on it.
  const lines = new LineTracker(text);
  let index = 0;
  while (index < text.length) {
    const at = text.indexOf('@', index);
    if (at < 0) break;
    if (lines.commentBefore(at)) {
      index = lineEnd(text, at);
      continue;
    }
    const head = entryHead(text, at);
    if (!head) {
      index = at + 1;
      continue;
    }
    const { type, open } = head;
    const end = closingOffset(text, open, text[open - 1] === '{' ? '}' : ')');
    if (end < 0) {
      problems.push({ line: lineOf(text, at), message: `the @${type} entry starting here never closes (unbalanced braces)` });
      break;
    }
    const lowerType = type.toLowerCase();
    const key = KEYLESS_TYPES.has(lowerType) ? null : entryKey(text, open, end - 1);
    const marker = lines.blankBefore(at) ? markerAbove(text, lines.startOf(at)) : null;
    entries.push({ type, key, start: at, end, ours: marker !== null, hash: marker?.hash ?? null, markerStart: marker?.start ?? at });
    index = end;
  }
  return { entries, problems, eol };
}

/**
 * The line holding each offset asked about, for offsets asked in increasing order: its start, and
 * whether only blanks (or only a `%` comment's start) come before the offset on it. Reads each
 * character at most once however many offsets a line holds.
 */
class LineTracker {
  private start = 0;
  private next: number;
  /** The first character on the current line that is not a space or tab, scanned up to `scanned`. */
  private firstText = -1;
  private scanned = 0;

  constructor(private readonly text: string) {
    this.next = text.indexOf('\n');
  }

  /** The offset where the line holding `at` starts. */
  startOf(at: number): number {
    this.moveTo(at);
    return this.start;
  }

  /** True when the line holding `at` is a `%` comment up to it (spaces, then `%`, before `at`). */
  commentBefore(at: number): boolean {
    const first = this.firstTextBefore(at);
    return first >= 0 && this.text[first] === '%';
  }

  /** True when only spaces and tabs stand between the line's start and `at`. */
  blankBefore(at: number): boolean {
    return this.firstTextBefore(at) < 0;
  }

  private firstTextBefore(at: number): number {
    this.moveTo(at);
    if (this.firstText < 0) {
      let scan = this.scanned;
      while (scan < at && /\s/.test(this.text[scan])) scan++;
      this.scanned = scan;
      if (scan < at) this.firstText = scan;
    }
    return this.firstText >= 0 && this.firstText < at ? this.firstText : -1;
  }

  private moveTo(at: number): void {
    while (this.next >= 0 && this.next < at) {
      this.start = this.next + 1;
      this.next = this.text.indexOf('\n', this.start);
      this.firstText = -1;
      this.scanned = this.start;
    }
  }
}

/**
 * The head of an entry at the `@` at `at` (`@type{` or `@type(`, white space allowed around the type):
 * its type and the offset just after the brace; null when the `@` starts no entry. Reads only the head.
 */
function entryHead(text: string, at: number): { type: string; open: number } | null {
  let cursor = at + 1;
  while (cursor < text.length && /\s/.test(text[cursor])) cursor++;
  const typeStart = cursor;
  if (!/[A-Za-z]/.test(text[cursor] ?? '')) return null;
  while (cursor < text.length && /[\w-]/.test(text[cursor])) cursor++;
  const type = text.slice(typeStart, cursor);
  while (cursor < text.length && /\s/.test(text[cursor])) cursor++;
  return text[cursor] === '{' || text[cursor] === '(' ? { type, open: cursor + 1 } : null;
}

/** The key of an entry whose body runs from `open` to `close`: its first run of key characters after blanks. */
function entryKey(text: string, open: number, close: number): string | null {
  let start = open;
  while (start < close && /\s/.test(text[start])) start++;
  let end = start;
  while (end < close && !/[,\s{}()"#=]/.test(text[end])) end++;
  return end > start ? text.slice(start, end) : null;
}

/** An entry to put into the file: its key and its full text (`@misc{key, ...}`). */
export interface NewBibEntry {
  key: string;
  text: string;
}

/** The merged file text and what happened to each key. */
export interface BibMerge {
  text: string;
  /** Keys whose entries were appended (with the marker above them). */
  added: string[];
  /** Keys whose Paper Scout entry was replaced with different text. */
  updated: string[];
  /** Keys whose Paper Scout entry already had exactly this text. */
  unchanged: string[];
  /** Keys whose Paper Scout entry the user changed since it was written: kept as the user left it. */
  keptEdits: string[];
  /** Keys that already had an entry Paper Scout did not write; that entry was kept and no other added. */
  keptTheirs: string[];
}

/**
 * Merges `entries` into an existing `.bib` text (empty for a new file):
 * - a key with an entry under Paper Scout's marker whose text still has the marker's hash: that entry
 *   and its marker are replaced in place (or left alone when the text is the same);
 * - a key with an entry under the marker that the user edited (the hash no longer matches, or a marker
 *   without a hash and text that differs): kept as it is, reported in `keptEdits`;
 * - a key with any other entry (compared case-insensitively, as BibTeX does): nothing is written,
 *   the user's entry stays;
 * - a new key: appended at the end, after a blank line, with the marker line above it.
 * Everything else in the file stays byte for byte, including Paper Scout entries for keys not in
 * `entries` (another document may still cite them). Line endings follow the file's. Throws when the
 * file has an entry that never closes, since anything appended would become part of it.
 */
export function mergeBibEntries(existing: string, entries: readonly NewBibEntry[]): BibMerge {
  const file = parseBibFile(existing);
  if (file.problems.length > 0) {
    const problem = file.problems[0];
    throw new Error(`line ${problem.line}: ${problem.message}`);
  }
  const byKey = new Map<string, BibEntry>();
  for (const entry of file.entries) {
    if (entry.key === null) continue;
    const lower = entry.key.toLowerCase();
    const previous = byKey.get(lower);
    // The user's entry wins over a Paper Scout one for the same key; otherwise the first one counts.
    if (!previous || (previous.ours && !entry.ours)) byKey.set(lower, entry);
  }
  const result: BibMerge = { text: '', added: [], updated: [], unchanged: [], keptEdits: [], keptTheirs: [] };
  const replacements: { start: number; end: number; text: string }[] = [];
  const appended: string[] = [];
  const done = new Set<string>();
  for (const entry of entries) {
    const lower = entry.key.toLowerCase();
    if (done.has(lower)) continue;
    done.add(lower);
    const text = entry.text.replace(/\r?\n/g, file.eol);
    const present = byKey.get(lower);
    const marked = `${markerLine(entry.text)}${file.eol}${text}`;
    const current = present ? existing.slice(present.start, present.end) : '';
    if (!present) {
      appended.push(marked);
      result.added.push(entry.key);
    } else if (!present.ours) {
      result.keptTheirs.push(entry.key);
    } else if (current === text) {
      result.unchanged.push(entry.key);
    } else if (present.hash === null || present.hash !== entryHash(current)) {
      result.keptEdits.push(entry.key);
    } else {
      replacements.push({ start: present.markerStart, end: present.end, text: marked });
      result.updated.push(entry.key);
    }
  }
  // Pieces joined once: re-slicing the whole text for each replacement is quadratic in their number.
  const pieces: string[] = [];
  let copied = 0;
  for (const replacement of replacements.sort((a, b) => a.start - b.start)) {
    pieces.push(existing.slice(copied, replacement.start), replacement.text);
    copied = replacement.end;
  }
  pieces.push(existing.slice(copied));
  let text = pieces.join('');
  if (appended.length > 0) {
    const eol = file.eol;
    // A blank line between the file's last text and the first new entry.
    if (text.length > 0 && !text.endsWith('\n')) text += eol;
    if (text.length > 0 && !endsWithBlankLine(text)) text += eol;
    text += appended.join(eol + eol) + eol;
  }
  result.text = text;
  return result;
}

/** The offset just after the delimiter closing an entry opened just before `from`, or -1. */
function closingOffset(text: string, from: number, close: '}' | ')'): number {
  let depth = 0;
  let quoted = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    // BibTeX counts every brace, `\{` and `\}` included, so a backslash changes nothing here.
    if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) {
        if (close === '}') return index + 1;
        return -1;
      }
      depth--;
    } else if (close === ')' && depth === 0) {
      if (char === '"') quoted = !quoted;
      else if (char === ')' && !quoted) return index + 1;
    }
  }
  return -1;
}

/** The longest line read as a possible marker (the marker with its hash is 31 characters). */
const MAX_MARKER_LINE = 80;

/** The marker on the line just above the one starting at `lineStart`, with its hash. */
function markerAbove(text: string, lineStart: number): { start: number; hash: string | null } | null {
  if (lineStart === 0) return null;
  // A marker line is short: only the last characters before the line are looked at.
  const from = Math.max(0, lineStart - MAX_MARKER_LINE);
  const breakAt = text.slice(from, lineStart - 1).lastIndexOf('\n');
  if (breakAt < 0 && from > 0) return null;
  const previousStart = breakAt < 0 ? 0 : from + breakAt + 1;
  const marker = /^% paper-scout(?: ([0-9a-f]{16}))?$/.exec(text.slice(previousStart, lineStart).trim());
  return marker ? { start: previousStart, hash: marker[1] ?? null } : null;
}

/** True when the text ends with a line break and a line of only spaces and tabs before it (`\n  \n`). */
function endsWithBlankLine(text: string): boolean {
  if (!text.endsWith('\n')) return false;
  let at = text.length - 2;
  if (text[at] === '\r') at--;
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--;
  return at >= 0 && text[at] === '\n';
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end + 1;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/**
 * What a merge did, in words for the export's message: "2 added, 1 updated, 3 unchanged, 1 kept with
 * your edits (awq2023), 1 already in the file as you wrote it (knuth1984)". Every key counted once.
 */
export function describeMerge(merge: Omit<BibMerge, 'text'>): string {
  const named = (keys: readonly string[]): string => ` (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})`;
  const parts: string[] = [];
  if (merge.added.length > 0) parts.push(`${merge.added.length} added`);
  if (merge.updated.length > 0) parts.push(`${merge.updated.length} updated`);
  if (merge.unchanged.length > 0) parts.push(`${merge.unchanged.length} unchanged`);
  if (merge.keptEdits.length > 0) parts.push(`${merge.keptEdits.length} kept with your edits${named(merge.keptEdits)}`);
  if (merge.keptTheirs.length > 0) parts.push(`${merge.keptTheirs.length} already in the file as you wrote ${merge.keptTheirs.length === 1 ? 'it' : 'them'}${named(merge.keptTheirs)}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing to write';
}
