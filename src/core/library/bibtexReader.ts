/**
 * `.bib` files (BibTeX and biblatex, as Better BibTeX, JabRef and hand-editing leave them) read into
 * library entries, in steps, never throwing and never worse than linear in the file's size, whatever
 * it holds (see docs/library.md for why this is not `@retorquere/bibtex-parser`).
 *
 * Entries are found the way biber finds them: an `@type{` or `@type(` outside any entry (not on a `%`
 * line) starts one, which ends at its matching brace. An entry whose braces never balance ends where
 * the next entry starts a line: it is reported (file, line, key) and left out, and reading goes on
 * there, so a bad edit costs one entry. Inside an entry: `key,` then `name = value` fields separated by
 * commas, a value being `{...}`, `"..."`, a number or an `@string` macro, joined with `#`. `@string`
 * macros apply from where they are defined on (`jan`–`dec` are predefined), `@comment` and
 * `@preamble` are skipped, `crossref` fills a child's missing fields from its parent (the parent's
 * title as the child's `booktitle`), and a key defined twice keeps its first entry, as BibTeX does.
 */
import { HASH_START, hashDigest, hashFirst, hashSecond } from '../citations/bibFile';
import { clip } from '../corpus/records';
import { detachedString } from '../detachedString';
import { runToEnd, type Progress } from '../slices';
import { ForwardPosition } from '../sourceText/lineStarts';
import type { Diagnostic, PersonName } from '../types';
import {
  arxivFromLink, dateFromParts, isoDateText, monthNumber, normalizeArxiv, normalizeDoi, normalizeUrl, splitKeywords, yearOf,
  type LibraryEntry, type LibraryFileRead,
} from './libraryEntry';
import { parseNameList } from './names';
import { texToText } from './texText';

/** An entry as written: its type and key, where it is, and its fields (lower-case names) with macros expanded. */
export interface BibSourceEntry {
  type: string;
  key: string;
  line: number;
  /** 1-based column of the key on its entry's first line (1 when the key is on a later line). */
  column: number;
  /** Offsets of the `@` and just past the closing delimiter. */
  start: number;
  end: number;
  /** `entryHash` of the entry's text. */
  hash: string;
  fields: Map<string, string>;
  /** Whether a value uses an `@string` macro of the file (the month macros every style knows aside). */
  usesMacros: boolean;
}

/** The entries of a `.bib` text as written, in file order (each key once), with what was wrong. */
export interface BibSource {
  entries: BibSourceEntry[];
  diagnostics: Diagnostic[];
  /** A hash of the file's `@string` definitions, in order: entries read with the same ones read the same. */
  macros: string;
  /** Whether the text ends inside an entry (a file caught half-written ends so). */
  truncated: boolean;
}

/** An entry's start: `@`, its type, and `{` or `(`, with bounded white space so a look costs O(1). */
const ENTRY_START = /@[ \t\r\n]{0,64}([A-Za-z][\w:.+-]{0,63})[ \t\r\n]{0,64}([{(])/y;
/** A line whose first non-blank character begins an entry: where a broken entry gives way. */
const LINE_ENTRY_START = /[ \t]{0,256}@[ \t]{0,64}[A-Za-z][\w:.+-]{0,63}[ \t]{0,64}[{(]/y;
const FIELD_NAME = /[A-Za-z_][\w:.+/-]{0,63}/y;
const KEY = /[^\s,{}()"#%'=\\~]{1,200}/y;
const NUMBER = /\d{1,20}/y;
const MACRO_NAME = /[A-Za-z_][\w:.+/-]{0,63}/y;
/** The month macros BibTeX predefines. */
const PREDEFINED: ReadonlyMap<string, string> = new Map(
  ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((month) => [month.slice(0, 3).toLowerCase(), month]),
);
/** The month macros, January first. */
const MONTH_MACROS = [...PREDEFINED.keys()];
/** Entries read between two steps. */
const STEP_ENTRIES = 64;

/**
 * What reading one entry's text gave, kept with the read so that the same text is not read again
 * while the macros it uses mean the same: its key, where the key is, the macros it looked up (name
 * and the value each had, undefined for an unknown one), and its library entry once made.
 */
interface ParsedChunk {
  key: string;
  /** Offset of the key from the entry's `@`. */
  keyOffset: number;
  usesMacros: boolean;
  unknownMacros: string[];
  macroRefs: [string, string | undefined][];
  crossref: boolean;
  /** The library entry made of it (null when it has none) and the messages that gave, for an entry without `crossref`. */
  converted?: { entry: LibraryEntry | null; notes: { message: string; severity: Diagnostic['severity'] }[] };
}

/** The entries of a read by the hash of their text (`entryHash`): what the next read of the file may take. */
type ChunkCache = Map<string, ParsedChunk>;

/** Each BibTeX read's chunks, for the next read of the same file (kept beside the read, not in it). */
const chunkCaches = new WeakMap<LibraryFileRead, ChunkCache>();

/** How much a read had to read: entries whose fields were read (`parsed`) and entries made into library entries (`converted`). */
const readCounts = new WeakMap<LibraryFileRead, { parsed: number; converted: number }>();

/** How many entries a BibTeX read read anew (the others were taken from the read before); undefined for another read. */
export function bibtexReadCounts(read: LibraryFileRead): { parsed: number; converted: number } | undefined {
  return readCounts.get(read);
}

/** An entry as the scanner found it: fields read only when its text was new (see `fieldsOf`). */
interface ScannedEntry extends Omit<BibSourceEntry, 'fields'> {
  fields: Map<string, string> | undefined;
  /** Offset just after the entry's opening delimiter. */
  bodyAt: number;
  chunk: ParsedChunk;
}

/**
 * Reads a `.bib` text into library entries (see the file comment); progress counts characters, then
 * entries. With `previous`, the read of an earlier version of the file, an entry whose text is the
 * same and whose macros mean the same is not read again (only its line may have moved): finding the
 * entries and hashing them is then the whole cost of an unchanged one. An entry with `crossref` is
 * always made anew, from its parent as it is now.
 */
export function* readBibtexSteps(text: string, file: string, previous?: LibraryFileRead): Generator<Progress, LibraryFileRead> {
  const cache = previous?.format === 'bibtex' ? chunkCaches.get(previous) : undefined;
  const reader = new BibScanner(text, file, cache);
  const source = yield* scanSteps(reader);
  const byKey = new Map<string, ScannedEntry>();
  for (const entry of source.entries) if (!byKey.has(entry.key.toLowerCase())) byKey.set(entry.key.toLowerCase(), entry);
  const entries: LibraryEntry[] = [];
  const diagnostics = source.diagnostics;
  let converted = 0;
  for (const [index, raw] of source.entries.entries()) {
    const { chunk } = raw;
    let entry: LibraryEntry | null;
    if (!chunk.crossref && chunk.converted) {
      const same = chunk.converted.entry;
      entry = same && (same.line === raw.line && same.column === raw.column ? same : { ...same, line: raw.line, column: raw.column });
      for (const note of chunk.converted.notes) diagnostics.push({ file, line: raw.line, ...note });
    } else {
      converted++;
      const before = diagnostics.length;
      entry = libraryEntry(raw, withCrossref(raw, byKey, file, diagnostics, (scanned) => reader.fieldsOf(scanned)), file, diagnostics);
      if (!chunk.crossref) chunk.converted = { entry, notes: diagnostics.slice(before).map(({ message, severity }) => ({ message: detachedString(message), severity })) };
    }
    if (entry) entries.push(entry);
    if (index % STEP_ENTRIES === STEP_ENTRIES - 1) yield { done: text.length + index + 1, total: text.length + source.entries.length };
  }
  const read: LibraryFileRead = { format: 'bibtex', entries, diagnostics, macros: source.macros, truncated: source.truncated };
  chunkCaches.set(read, reader.chunks);
  readCounts.set(read, { parsed: reader.parsed, converted });
  return read;
}

/**
 * The entries of a `.bib` text as written (see the file comment), in steps; a key seen before is
 * reported and its later entries left out. Progress counts characters of the text.
 */
export function* readBibSourceSteps(text: string, file: string): Generator<Progress, BibSource> {
  const reader = new BibScanner(text, file);
  const source = yield* scanSteps(reader);
  // Without a cache every entry's fields were read.
  return { ...source, entries: source.entries.map(({ bodyAt: _bodyAt, chunk: _chunk, ...entry }) => ({ ...entry, fields: entry.fields as Map<string, string> })) };
}

/** The scanner's entries (each key once, a repeated one reported) with its problems and macros, in steps. */
function* scanSteps(reader: BibScanner): Generator<Progress, Omit<BibSource, 'entries'> & { entries: ScannedEntry[] }> {
  const entries: ScannedEntry[] = [];
  const seen = new Map<string, number>();
  let read = 0;
  for (let entry = reader.next(); entry !== undefined; entry = reader.next()) {
    if (entry === null) continue;
    const first = seen.get(entry.key);
    if (first !== undefined) {
      reader.report(entry.line, `the key "${clip(entry.key)}" is defined again (first at line ${first}); the first entry is kept, as BibTeX does`, 'warning');
      continue;
    }
    seen.set(entry.key, entry.line);
    entries.push(entry);
    if (++read % STEP_ENTRIES === 0) yield { done: entry.end, total: reader.length };
  }
  return { entries, diagnostics: reader.diagnostics, macros: reader.macros, truncated: reader.truncated };
}

/** Walks a `.bib` text entry by entry; every character is looked at a bounded number of times. */
class BibScanner {
  readonly diagnostics: Diagnostic[] = [];
  /** The hashes of the `@string` definitions so far, joined. */
  macros = '';
  /** Set when an entry runs into the end of the text. */
  truncated = false;
  /** The entries read, by the hash of their text: the cache the next read of the file takes. */
  readonly chunks: ChunkCache = new Map();
  /** How many entries' fields were read (the others were taken from `cache`). */
  parsed = 0;
  private readonly strings = new Map<string, string>(PREDEFINED);
  private readonly lines: ForwardPosition;
  private at = 0;

  constructor(private readonly text: string, private readonly file: string, private readonly cache?: ChunkCache) {
    this.lines = new ForwardPosition(text);
  }

  get length(): number {
    return this.text.length;
  }

  /** The fields of an entry the scanner found, read again from its text when its chunk came from the cache. */
  fieldsOf(entry: ScannedEntry): Map<string, string> {
    if (entry.fields) return entry.fields;
    // The chunk was taken because every macro it uses means what it meant: those are all it looks up.
    const strings = new Map<string, string>();
    for (const [name, value] of entry.chunk.macroRefs) if (value !== undefined) strings.set(name, value);
    const read = new BodyReader(this.text, entry.bodyAt, entry.end - 1, strings).readEntry();
    entry.fields = 'message' in read ? new Map() : read.fields;
    return entry.fields;
  }

  /** The next entry; null for something skipped (a macro definition, a broken entry); undefined at the end. */
  next(): ScannedEntry | null | undefined {
    const { text } = this;
    for (;;) {
      const at = text.indexOf('@', this.at);
      if (at < 0) {
        this.at = text.length;
        return undefined;
      }
      const { line, column } = this.lines.at(at);
      if (onCommentLine(text, at - column + 1, at)) {
        const end = text.indexOf('\n', at);
        this.at = end < 0 ? text.length : end + 1;
        continue;
      }
      ENTRY_START.lastIndex = at;
      const head = ENTRY_START.exec(text);
      if (!head) {
        this.at = at + 1;
        continue;
      }
      const type = head[1];
      const open = at + head[0].length;
      const close = this.closing(at, open, head[2] === '{' ? '}' : ')');
      if (close.end < 0) {
        const key = KEY_AFTER.exec(text.slice(open, open + 210))?.[1];
        const resumeLine = close.resume < text.length ? this.lines.at(close.resume).line : null;
        if (close.resume >= text.length) this.truncated = true;
        this.report(line, `the @${type}${key ? ` entry "${clip(key)}"` : ' entry'} never closes (its braces do not balance); it is left out${resumeLine ? `, and reading goes on at line ${resumeLine}` : ''}`);
        this.at = close.resume;
        return null;
      }
      this.at = close.end;
      const kind = type.toLowerCase();
      if (kind === 'comment' || kind === 'preamble') return null;
      // An entry Paper Scout's export wrote (its marker on the line above) is Paper Scout's paper, not the user's.
      if (column === 1 && writtenByPaperScout(text, at)) return null;
      const body = new BodyReader(text, open, close.end - 1, this.strings);
      if (kind === 'string') {
        this.macros += close.hash;
        const problem = body.readStrings();
        if (problem) this.report(this.lines.at(problem.at).line, `@string: ${problem.message}`);
        return null;
      }
      const { hash } = close;
      let chunk = this.cache?.get(hash);
      let fields: Map<string, string> | undefined;
      if (!chunk || !this.meanTheSame(chunk.macroRefs)) {
        this.parsed++;
        const read = body.readEntry();
        if ('message' in read) {
          const where = read.at >= at ? this.lines.at(read.at).line : line;
          this.report(where, `the @${type} entry${read.key ? ` "${clip(read.key)}"` : ''} at line ${line} ${read.message}; it is left out`);
          return null;
        }
        fields = read.fields;
        // A chunk outlives this text (the next read takes it): what it keeps is copied out of the text (see `detachedString`).
        chunk = {
          key: detachedString(read.key), keyOffset: read.keyAt - at, usesMacros: read.usesMacros, unknownMacros: read.unknownMacros.map(detachedString),
          macroRefs: body.macroRefs.map(([name, value]) => [detachedString(name), value === undefined ? undefined : detachedString(value)]), crossref: fields.has('crossref'),
        };
      }
      this.chunks.set(hash, chunk);
      for (const macro of chunk.unknownMacros) this.report(line, `the @${type} entry "${clip(chunk.key)}" uses the macro "${clip(macro)}", which no @string before it defines; it reads as empty`, 'warning');
      const keyPlace = this.lines.at(at + chunk.keyOffset);
      return { type, key: chunk.key, line, column: keyPlace.line === line ? keyPlace.column : 1, start: at, end: close.end, hash, fields, usesMacros: chunk.usesMacros, bodyAt: open, chunk };
    }
  }

  /** Whether every macro an entry looked up still has the value it had. */
  private meanTheSame(refs: readonly [string, string | undefined][]): boolean {
    for (const [name, value] of refs) if (this.strings.get(name) !== value) return false;
    return true;
  }

  /**
   * Where the entry opened at `at` (its body from `from`) ends: `end` just past its closing delimiter,
   * or -1 when a line that starts another entry (or the end of the text) comes first; `resume` is
   * where to go on. `hash` is the entry's `entryHash`, worked out with its parts in the same pass (a `\r` before a
   * `\n` left out, as `entryHash` reads line endings), so an entry's text is walked once.
   */
  private closing(at: number, from: number, close: '}' | ')'): { end: number; resume: number; hash: string } {
    const { text } = this;
    let depth = 0;
    let quoted = false;
    let first: number = HASH_START.first;
    let second: number = HASH_START.second;
    for (let index = at; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char !== 0x0d || text.charCodeAt(index + 1) !== 0x0a) {
        first = hashFirst(first, char);
        second = hashSecond(second, char);
      }
      if (index < from) continue; // the entry's head, `@type{`: hashed, not scanned
      if (char === 0x7b) depth++;
      else if (char === 0x7d) {
        if (depth === 0) return close === '}' ? { end: index + 1, resume: index + 1, hash: hashDigest(first, second) } : { end: -1, resume: this.resumeAfter(index), hash: '' };
        depth--;
      } else if (char === 0x0a) {
        if (startsEntryLine(text, index + 1)) return { end: -1, resume: index + 1, hash: '' };
      } else if (close === ')' && depth === 0) {
        if (char === 0x22) quoted = !quoted;
        else if (char === 0x29 && !quoted) return { end: index + 1, resume: index + 1, hash: hashDigest(first, second) };
      }
    }
    return { end: -1, resume: text.length, hash: '' };
  }

  /** The start of the next line that starts an entry after `from`, or the end of the text. */
  private resumeAfter(from: number): number {
    for (let index = this.text.indexOf('\n', from); index >= 0; index = this.text.indexOf('\n', index + 1)) {
      LINE_ENTRY_START.lastIndex = index + 1;
      if (LINE_ENTRY_START.test(this.text)) return index + 1;
    }
    return this.text.length;
  }

  report(line: number | null, message: string, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ file: this.file, line, message, severity });
  }
}

/**
 * Whether the line starting at `at` starts an entry (`LINE_ENTRY_START`). Most lines inside an entry
 * start with blanks and a field name: the blanks are looked past here, and only a line whose first
 * other character is `@` is matched against the expression.
 */
function startsEntryLine(text: string, at: number): boolean {
  let index = at;
  while (index < at + 256 && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) index++;
  if (text.charCodeAt(index) !== 0x40) return false;
  LINE_ENTRY_START.lastIndex = at;
  return LINE_ENTRY_START.test(text);
}

/** Whether the line above the one starting at `at` is Paper Scout's export marker (`% paper-scout <hash>`). */
function writtenByPaperScout(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 120), at);
  if (!before.includes('% paper-scout')) return false;
  const line = before.replace(/\r?\n$/, '');
  return /(?:^|\n)% paper-scout(?: [0-9a-f]{16})?[ \t]*$/.test(line) && before.endsWith('\n');
}

/** The key right after an entry's opening delimiter, for naming a broken entry. */
const KEY_AFTER = /^\s*([^\s,{}()"#%'=\\~]{1,200})\s*,/;

/** Whether the text of the line from `lineStart` to `at` (an `@`) starts with `%`: a comment line. */
function onCommentLine(text: string, lineStart: number, at: number): boolean {
  for (let index = lineStart; index < at; index++) {
    const char = text[index];
    if (char === '%') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return false;
}

/** Something wrong inside an entry, and where. */
interface BodyProblem {
  at: number;
  message: string;
  key?: string;
}

/** Reads the inside of one entry, from just after its opening delimiter to its closing one. */
class BodyReader {
  private at: number;
  /** Set once a value used a macro other than a month's. */
  usedMacros = false;
  /** The macros looked up (lower-case name) with the value each had: all that the reading depended on besides the text. */
  readonly macroRefs: [string, string | undefined][] = [];

  constructor(private readonly text: string, from: number, private readonly end: number, private readonly strings: Map<string, string>) {
    this.at = from;
  }

  /** `@string{name = value, ...}`: defines the macros, in order. */
  readStrings(): BodyProblem | null {
    for (;;) {
      this.skipSpace();
      if (this.at >= this.end) return null;
      const field = this.readField([]);
      if ('message' in field) return field;
      this.strings.set(field.name, field.value);
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      else if (this.at < this.end) return { at: this.at, message: `expected "," or the end of the definition, found "${this.text[this.at]}"` };
    }
  }

  /** `key, name = value, ...`: the key and the fields (a repeated field keeps its first value). */
  readEntry(): { key: string; keyAt: number; fields: Map<string, string>; unknownMacros: string[]; usesMacros: boolean } | BodyProblem {
    this.skipSpace();
    const keyAt = this.at;
    KEY.lastIndex = this.at;
    const key = KEY.exec(this.text)?.[0];
    if (!key || this.at + key.length > this.end) return { at: this.at, message: 'has no key' };
    this.at += key.length;
    this.skipSpace();
    const fields = new Map<string, string>();
    const unknownMacros: string[] = [];
    if (this.at >= this.end) return { key, keyAt, fields, unknownMacros, usesMacros: this.usedMacros };
    if (this.text[this.at] !== ',') return { at: this.at, key, message: `has "${this.text[this.at]}" after its key where "," belongs` };
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.at >= this.end) return { key, keyAt, fields, unknownMacros, usesMacros: this.usedMacros };
      const field = this.readField(unknownMacros);
      if ('message' in field) return { ...field, key };
      if (!fields.has(field.name)) fields.set(field.name, field.value);
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      else if (this.at < this.end) return { at: this.at, key, message: `has "${this.text[this.at]}" after the ${field.name} field where "," belongs (a value in quotes or braces that ends early?)` };
    }
  }

  /** `name = value # value ...` with the value's parts joined and macros expanded. */
  private readField(unknownMacros: string[]): { name: string; value: string } | BodyProblem {
    FIELD_NAME.lastIndex = this.at;
    const name = FIELD_NAME.exec(this.text)?.[0];
    if (!name || this.at + name.length > this.end) return { at: this.at, message: `has "${clip(this.text.slice(this.at, Math.min(this.end, this.at + 20)))}" where a field name belongs` };
    this.at += name.length;
    this.skipSpace();
    if (this.text[this.at] !== '=' || this.at >= this.end) return { at: this.at, message: `has no "=" after the field name "${name}"` };
    this.at++;
    let value = '';
    for (;;) {
      this.skipSpace();
      const part = this.readPart(unknownMacros);
      if (typeof part !== 'string') return { at: part.at, message: `${part.message} in the ${name.toLowerCase()} field` };
      value += part;
      this.skipSpace();
      if (this.text[this.at] !== '#' || this.at >= this.end) break;
      this.at++;
    }
    return { name: name.toLowerCase(), value };
  }

  /** One part of a value: the inside of `{...}` or `"..."`, a number, or a macro's text. */
  private readPart(unknownMacros: string[]): string | BodyProblem {
    const { text } = this;
    const start = this.at;
    const char = text[start];
    if (char === '{' || char === '"') {
      let depth = 0;
      for (let index = start + 1; index < this.end; index++) {
        const code = text.charCodeAt(index);
        if (code === 0x7b) depth++;
        else if (code === 0x7d) {
          if (depth === 0) {
            if (char === '{') {
              this.at = index + 1;
              return text.slice(start + 1, index);
            }
            return { at: start, message: 'has a "}" that closes nothing' };
          }
          depth--;
        } else if (code === 0x22 && char === '"' && depth === 0) {
          this.at = index + 1;
          return text.slice(start + 1, index);
        }
      }
      return { at: start, message: `has a value whose ${char === '{' ? 'braces' : 'quotes'} never close` };
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(text)?.[0];
    if (number && start + number.length <= this.end) {
      this.at = start + number.length;
      return number;
    }
    MACRO_NAME.lastIndex = start;
    const macro = MACRO_NAME.exec(text)?.[0];
    if (macro && start + macro.length <= this.end) {
      this.at = start + macro.length;
      const value = this.strings.get(macro.toLowerCase());
      this.macroRefs.push([macro.toLowerCase(), value]);
      if (value === undefined) unknownMacros.push(macro);
      if (!PREDEFINED.has(macro.toLowerCase())) this.usedMacros = true;
      return value ?? '';
    }
    return { at: start, message: start >= this.end ? 'ends where a value belongs' : `has "${text[start]}" where a value belongs` };
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.at < this.end) {
      const code = text.charCodeAt(this.at);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) this.at++;
      else if (code === 0x25) {
        // biber reads `%` to the end of the line as a comment between fields.
        const end = text.indexOf('\n', this.at);
        this.at = end < 0 || end > this.end ? this.end : end + 1;
      } else return;
    }
  }
}

/**
 * The entry of `key` in a `.bib` text as the library has it, to write into another `.bib` file: its
 * text as written when it stands on its own, else (it uses the file's `@string` macros, or takes fields
 * from a `crossref` parent) the same type, key and fields with those values written out. Undefined
 * when the text has no entry of that key.
 */
export function bibtexEntryText(text: string, file: string, key: string): string | undefined {
  const source = runToEnd(readBibSourceSteps(text, file));
  const entry = source.entries.find((candidate) => candidate.key === key);
  if (!entry) return undefined;
  if (!entry.usesMacros && !entry.fields.has('crossref')) return text.slice(entry.start, entry.end);
  const byKey = new Map(source.entries.map((candidate) => [candidate.key.toLowerCase(), candidate]));
  const fields = withCrossref(entry, byKey, file, [], (read) => read.fields);
  const lines = [...fields].filter(([name]) => name !== 'crossref').map(([name, value]) => {
    // A month the file wrote as a macro stays one (biblatex wants the macro or a number, not a name).
    const month = name === 'month' ? monthNumber(value) : null;
    return `  ${name} = ${month ? MONTH_MACROS[month - 1] : `{${balanced(value)}}`}`;
  });
  return `@${entry.type}{${entry.key},\n${lines.join(',\n')}\n}`;
}

/** A value with its braces balanced, so it can stand inside `{...}` (unmatched braces dropped). */
function balanced(value: string): string {
  let depth = 0;
  let out = '';
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0) continue;
      depth--;
    }
    out += char;
  }
  return depth > 0 ? out + '}'.repeat(depth) : out;
}

/** Fields a child never takes from its parent: they name the parent entry itself. */
const NOT_INHERITED: ReadonlySet<string> = new Set(['crossref', 'xref', 'ids', 'key', 'entryset', 'related', 'label', 'shorthand', 'sortkey']);

/**
 * The entry's fields with the missing ones filled from its `crossref` parent (one level, as BibTeX
 * does): the parent's `title` becomes the child's `booktitle`, and its date (`date`, or `year` and
 * `month`) comes only when the child has none. `fieldsOf` gives an entry's own fields (the scanner reads
 * them from its text when it took the entry from the last read).
 */
function withCrossref<E extends Omit<BibSourceEntry, 'fields'>>(entry: E, byKey: ReadonlyMap<string, E>, file: string, diagnostics: Diagnostic[], fieldsOf: (entry: E) => Map<string, string>): Map<string, string> {
  const own = fieldsOf(entry);
  const parentKey = own.get('crossref')?.trim();
  if (!parentKey) return own;
  const parent = byKey.get(parentKey.toLowerCase());
  if (!parent || parent === entry) {
    diagnostics.push({ file, line: entry.line, message: `the entry "${clip(entry.key)}" refers to the entry "${clip(parentKey)}" (crossref), which this file does not have`, severity: 'warning' });
    return own;
  }
  const fields = new Map(own);
  const hasDate = fields.has('date') || fields.has('year');
  for (const [name, value] of fieldsOf(parent)) {
    if (name === 'title') {
      if (!fields.has('booktitle')) fields.set('booktitle', value);
      continue;
    }
    if (NOT_INHERITED.has(name) || fields.has(name)) continue;
    if ((name === 'date' || name === 'year' || name === 'month') && hasDate) continue;
    fields.set(name, value);
  }
  return fields;
}

/** The library entry of a `.bib` entry, its fields read; null (reported) when it has no title. */
function libraryEntry(raw: Omit<BibSourceEntry, 'fields'>, fields: ReadonlyMap<string, string>, file: string, diagnostics: Diagnostic[]): LibraryEntry | null {
  const made = libraryEntryOf(raw, fields, file, diagnostics);
  return made && detachedEntry(made);
}

/**
 * `entry` with every string copied out of the file's text (see `detachedString`): entries are kept
 * across reads of the file (by the next read, the papers made of them), and a key, type, DOI, keyword
 * or name cut from the text would keep the whole text it was read from alive, one per rewrite.
 */
function detachedEntry(entry: LibraryEntry): LibraryEntry {
  const person = ({ family, given }: PersonName): PersonName => (given === undefined ? { family: detachedString(family) } : { family: detachedString(family), given: detachedString(given) });
  const optional = (value: string | null): string | null => (value === null ? null : detachedString(value));
  return {
    ...entry,
    key: detachedString(entry.key),
    type: detachedString(entry.type),
    title: detachedString(entry.title),
    abstract: detachedString(entry.abstract),
    authors: entry.authors.map(person),
    editors: entry.editors.map(person),
    published: optional(entry.published),
    venue: optional(entry.venue),
    keywords: entry.keywords.map(detachedString),
    doi: optional(entry.doi),
    arxiv: optional(entry.arxiv),
    url: optional(entry.url),
  };
}

/** `libraryEntry`'s entry before its strings are copied out of the text. */
function libraryEntryOf(raw: Omit<BibSourceEntry, 'fields'>, fields: ReadonlyMap<string, string>, file: string, diagnostics: Diagnostic[]): LibraryEntry | null {
  const title = texToText(fields.get('title') ?? '');
  if (!title) {
    diagnostics.push({ file, line: raw.line, message: `the @${raw.type} entry "${clip(raw.key)}" has no title, so it is not shown as a paper`, severity: 'warning' });
    return null;
  }
  const authors = parseNameList(fields.get('author') ?? '');
  const editors = parseNameList(fields.get('editor') ?? '');
  const doi = fields.has('doi') ? normalizeDoi(texToText(fields.get('doi') as string)) : null;
  const url = fields.has('url') ? normalizeUrl(urlText(fields.get('url') as string)) : null;
  return {
    key: raw.key,
    type: raw.type,
    line: raw.line,
    column: raw.column,
    hash: raw.hash,
    title,
    abstract: texToText(fields.get('abstract') ?? ''),
    authors: authors.names,
    editors: editors.names,
    moreAuthors: authors.more,
    published: publishedOf(fields, raw, file, diagnostics),
    venue: venueOf(fields),
    keywords: splitKeywords(texToText(fields.get('keywords') ?? fields.get('keyword') ?? '')),
    doi,
    arxiv: arxivOf(fields, doi, url),
    url,
  };
}

/** A URL field as written: `\url{...}` and escapes (`\_`, `\%`, `\#`, `\&`) read, nothing else changed. */
function urlText(value: string): string {
  return value.replace(/\\url\s*\{([^{}]*)\}/g, '$1').replace(/\\([_%#&~])/g, '$1').replace(/[{}]/g, '').trim();
}

/** biblatex `date`, else `year` with `month` (a number, a name or a macro) and `day`. */
function publishedOf(fields: ReadonlyMap<string, string>, raw: Omit<BibSourceEntry, 'fields'>, file: string, diagnostics: Diagnostic[]): string | null {
  const date = fields.get('date');
  if (date !== undefined && date.trim()) {
    const read = isoDateText(texToText(date));
    if (read) return read;
  }
  const yearText = fields.get('year');
  if (yearText === undefined || !yearText.trim()) {
    if (date !== undefined && date.trim()) diagnostics.push({ file, line: raw.line, message: `the date "${clip(date.trim())}" of "${clip(raw.key)}" is not a date YYYY-MM-DD (as far as known) from 1900 to 2100; the paper is shown undated`, severity: 'warning' });
    return null;
  }
  const year = yearOf(yearText);
  const published = year === null ? null : dateFromParts(year, monthNumber(texToText(fields.get('month') ?? '')), Number(fields.get('day')) || null);
  if (published === null) diagnostics.push({ file, line: raw.line, message: `the year "${clip(yearText.trim())}" of "${clip(raw.key)}" is not a year from 1900 to 2100; the paper is shown undated`, severity: 'warning' });
  return published;
}

/** Where it was published: the journal, the proceedings, the event, the school or institution. */
function venueOf(fields: ReadonlyMap<string, string>): string | null {
  for (const name of ['journaltitle', 'journal', 'booktitle', 'eventtitle', 'school', 'institution']) {
    const value = fields.get(name);
    if (value !== undefined) {
      const text = texToText(value);
      if (text) return text;
    }
  }
  return null;
}

/** The arXiv id: `eprint` with `eprinttype`/`archiveprefix` arXiv, else one an arXiv URL, DOI or journal names. */
function arxivOf(fields: ReadonlyMap<string, string>, doi: string | null, url: string | null): string | null {
  const kind = (fields.get('eprinttype') ?? fields.get('archiveprefix') ?? '').trim().toLowerCase();
  const eprint = fields.get('eprint');
  if (eprint !== undefined && (kind === 'arxiv' || (!kind && /^\s*(?:arxiv:)?\d{4}\.\d{4,5}/i.test(eprint)))) {
    const id = normalizeArxiv(eprint);
    if (id) return id;
  }
  for (const link of [doi, url]) {
    const id = link ? arxivFromLink(link) : null;
    if (id) return id;
  }
  const journal = fields.get('journal') ?? fields.get('journaltitle') ?? '';
  return /arxiv/i.test(journal) ? normalizeArxiv(journal.replace(/^.*?arxiv:?\s*/i, '')) : null;
}
