/**
 * The workspace citation index: for every file, the keys it cites and defines; for every key, the
 * files that mention it. Updating one file re-scans only that file and touches only its keys, so an
 * edit costs time in proportion to the file, not the workspace. Pure: files are named by whatever
 * string the caller uses (a URI in the extension, a relative path in the CLI).
 */
import { ForwardPosition } from '../sourceText/lineStarts';
import { scanKeySpans, type ScanOptions } from './scanCitations';
import type { KeyKind, KeyOccurrence } from './keyOccurrences';

/** A key's occurrence in a named file. */
export interface KeyLocation extends KeyOccurrence {
  file: string;
}

/**
 * What the citation index holds for one file, compactly (a workspace has hundreds of thousands of citations,
 * and one object each would keep the garbage collector busy): the key of each occurrence, and its
 * line, column and kind (0 citation, 1 definition, 2 mention) as three numbers.
 */
interface FileEntry {
  keys: string[];
  places: Int32Array;
}

/**
 * How often a key is cited, defined and mentioned across the indexed files. Mentions are counted apart:
 * whether they count as citations is asked of the key when the question comes (its paper may come and
 * go, a bibliography may define it later), so no answer walks a file.
 */
interface KeyCounts {
  citations: number;
  definitions: number;
  mentions: number;
}

const PLACE_FIELDS = 3;
const CITATION = 0;
const DEFINITION = 1;
const MENTION = 2;
const KIND_CODES: Readonly<Record<KeyKind, number>> = { citation: CITATION, definition: DEFINITION, mention: MENTION };
const KINDS: readonly KeyKind[] = ['citation', 'definition', 'mention'];
/** The count each kind code adds to. */
const COUNT_FIELDS: readonly (keyof KeyCounts)[] = ['citations', 'definitions', 'mentions'];

/** How the index scans and which keys it knows. */
export interface CitationIndexOptions extends ScanOptions {
  /**
   * Keys known without a definition in the index (the papers' keys): a mention of one (a bare `@key`
   * in Markdown that shows no sign of citing) counts as a citation, as does a mention of a key some
   * indexed file defines. Asked at query time, so it may follow a changing set of papers.
   */
  isKnown?: (key: string) => boolean;
}

/**
 * Every citation and key definition of a set of files, kept current one file at a time. Questions
 * about one key (its places, whether it is defined, how often it is cited) cost in proportion to that
 * key's occurrences or less, never to the workspace: each key keeps the occurrence numbers it has in
 * each file, and its counts.
 */
export class CitationIndex {
  private readonly files = new Map<string, FileEntry>();
  /** key -> file -> the numbers of its occurrences in that file's entry, in order. */
  private readonly keyFiles = new Map<string, Map<string, number[]>>();
  /** key -> how often it is cited and defined. */
  private readonly counts = new Map<string, KeyCounts>();
  /** One copy of each key string, so no key keeps the text it was cut from alive. */
  private readonly interned = new Map<string, string>();
  private changes = 0;

  constructor(private readonly options: CitationIndexOptions = {}) {}

  /** Grows by one with every change, so a view can tell whether to redraw. */
  get version(): number {
    return this.changes;
  }

  /** Number of files indexed. */
  get fileCount(): number {
    return this.files.size;
  }

  /** Scans `text` (a document of `languageId`) and replaces what the citation index held for `file`. Returns its occurrences. */
  updateFile(file: string, text: string, languageId: string): KeyOccurrence[] {
    const spans = scanKeySpans(text, languageId, this.options);
    const lines = new ForwardPosition(text);
    const keys: string[] = [];
    const places = new Int32Array(spans.length * PLACE_FIELDS);
    spans.forEach((span, at) => {
      const { line, column } = lines.at(span.offset);
      keys.push(this.intern(span.key));
      places[at * PLACE_FIELDS] = line;
      places[at * PLACE_FIELDS + 1] = column;
      places[at * PLACE_FIELDS + 2] = KIND_CODES[span.kind];
    });
    this.dropKeys(file);
    const entry = { keys, places };
    this.files.set(file, entry);
    keys.forEach((key, at) => {
      let files = this.keyFiles.get(key);
      if (!files) this.keyFiles.set(key, (files = new Map<string, number[]>()));
      let occurrences = files.get(file);
      if (!occurrences) files.set(file, (occurrences = []));
      occurrences.push(at);
      let counts = this.counts.get(key);
      if (!counts) this.counts.set(key, (counts = { citations: 0, definitions: 0, mentions: 0 }));
      counts[COUNT_FIELDS[places[at * PLACE_FIELDS + 2]]]++;
    });
    this.changes++;
    return this.occurrencesIn(file);
  }

  /** Forgets `file` (deleted, excluded, or grown past the size limit). */
  removeFile(file: string): void {
    if (!this.files.has(file)) return;
    this.dropKeys(file);
    this.files.delete(file);
    this.changes++;
  }

  /** Forgets every file. */
  clear(): void {
    this.files.clear();
    this.keyFiles.clear();
    this.counts.clear();
    this.interned.clear();
    this.changes++;
  }

  /** True when `file` is indexed. */
  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  /** The indexed files, in the order they were first added. */
  fileNames(): string[] {
    return [...this.files.keys()];
  }

  /** The citations, definitions and mentions in `file`, in order of appearance. */
  occurrencesIn(file: string): KeyOccurrence[] {
    const entry = this.files.get(file);
    return entry ? entry.keys.map((key, at) => occurrence(entry, key, at)) : [];
  }

  /** Every place `key` is cited (mentions of a known key included), by file (in indexing order), then position. */
  citationsOf(key: string): KeyLocation[] {
    return this.locationsOf(key, CITATION, this.mentionsCount(key)).map((location) => (location.kind === 'mention' ? { ...location, kind: 'citation' } : location));
  }

  /** Every place `key` is defined (`.bib` entries, `\bibitem`). */
  definitionsOf(key: string): KeyLocation[] {
    return this.locationsOf(key, DEFINITION);
  }

  /** How many places cite `key` (mentions of a known key included). */
  citationCount(key: string): number {
    const counts = this.counts.get(key);
    if (!counts) return 0;
    return counts.citations + (counts.mentions > 0 && this.mentionsCount(key) ? counts.mentions : 0);
  }

  /** True when a mention of `key` counts as its citation: a paper has the key, or an indexed file defines it. */
  mentionsCount(key: string): boolean {
    return this.options.isKnown?.(key) === true || this.isDefined(key);
  }

  /** Every key cited, mentioned or defined anywhere, sorted. */
  keys(): string[] {
    return [...this.keyFiles.keys()].sort();
  }

  /** Every key some indexed file cites (mentions of a known key included), in no particular order. */
  citedKeys(): string[] {
    const cited: string[] = [];
    for (const [key, counts] of this.counts) if (counts.citations > 0 || (counts.mentions > 0 && this.mentionsCount(key))) cited.push(key);
    return cited;
  }

  /** Every key some indexed file defines, in no particular order. */
  definedKeys(): string[] {
    const defined: string[] = [];
    for (const [key, counts] of this.counts) if (counts.definitions > 0) defined.push(key);
    return defined;
  }

  /** True when some indexed file defines `key`. */
  isDefined(key: string): boolean {
    return (this.counts.get(key)?.definitions ?? 0) > 0;
  }

  /**
   * The citations of keys that neither `isKnown` (a corpus paper's key) accepts nor any indexed file
   * defines, by file and position. A mention is never one: it counts only for a known key.
   */
  unknownCitations(isKnown: (key: string) => boolean): KeyLocation[] {
    const unknown: KeyLocation[] = [];
    for (const [file, entry] of this.files) {
      entry.keys.forEach((key, at) => {
        if (entry.places[at * PLACE_FIELDS + 2] === CITATION && !isKnown(key) && !this.isDefined(key)) unknown.push({ ...occurrence(entry, key, at), file });
      });
    }
    return unknown;
  }

  /** Every citation in the citation index (mentions of known keys as citations), by file (in indexing order), then position. */
  allCitations(): KeyLocation[] {
    const all: KeyLocation[] = [];
    const counts = new Map<string, boolean>();
    const mentionCounts = (key: string): boolean => {
      let answer = counts.get(key);
      if (answer === undefined) counts.set(key, (answer = this.mentionsCount(key)));
      return answer;
    };
    for (const [file, entry] of this.files) {
      entry.keys.forEach((key, at) => {
        const kind = entry.places[at * PLACE_FIELDS + 2];
        if (kind === CITATION || (kind === MENTION && mentionCounts(key))) all.push({ ...occurrence(entry, key, at), kind: 'citation', file });
      });
    }
    return all;
  }

  /** The places of `key` of kind `kind` (and its mentions too, with `withMentions`). */
  private locationsOf(key: string, kind: number, withMentions = false): KeyLocation[] {
    const found: KeyLocation[] = [];
    for (const [file, occurrences] of this.keyFiles.get(key) ?? []) {
      const entry = this.files.get(file) as FileEntry;
      for (const at of occurrences) {
        const candidateKind = entry.places[at * PLACE_FIELDS + 2];
        if (candidateKind === kind || (withMentions && candidateKind === MENTION)) found.push({ ...occurrence(entry, key, at), file });
      }
    }
    return found;
  }

  private dropKeys(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    entry.keys.forEach((key, at) => {
      const counts = this.counts.get(key);
      if (counts) counts[COUNT_FIELDS[entry.places[at * PLACE_FIELDS + 2]]]--;
      const files = this.keyFiles.get(key);
      if (!files?.delete(file) || files.size > 0) return;
      this.keyFiles.delete(key);
      this.counts.delete(key);
      this.interned.delete(key);
    });
  }

  /** The index's own copy of `key` (a fresh flat string the first time it is seen). */
  private intern(key: string): string {
    let copy = this.interned.get(key);
    if (copy === undefined) {
      copy = [...key].join('');
      this.interned.set(copy, copy);
    }
    return copy;
  }
}

/** Occurrence number `at` of a file entry. */
function occurrence(entry: FileEntry, key: string, at: number): KeyOccurrence {
  const base = at * PLACE_FIELDS;
  return { key, kind: KINDS[entry.places[base + 2]], line: entry.places[base], column: entry.places[base + 1] };
}
