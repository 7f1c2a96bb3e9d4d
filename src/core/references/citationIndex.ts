/**
 * The workspace citation index: for every file, the keys it cites and defines; for every key, the
 * files that mention it. Updating one file re-scans only that file and touches only its keys, so an
 * edit costs time in proportion to the file, not the workspace. Pure: files are named by whatever
 * string the caller uses (a URI in the extension, a relative path in the CLI).
 */
import type { KeyOccurrence } from './types';
import { scanCitations, type ScanOptions } from './scanCitations';

/** A key's occurrence in a named file. */
export interface KeyLocation extends KeyOccurrence {
  file: string;
}

/** What the index holds for one file. */
interface FileEntry {
  occurrences: KeyOccurrence[];
  keys: Set<string>;
}

/** Every citation and key definition of a set of files, kept current one file at a time. */
export class CitationIndex {
  private readonly files = new Map<string, FileEntry>();
  /** key -> the files that cite or define it. */
  private readonly keyFiles = new Map<string, Set<string>>();
  private changes = 0;

  constructor(private readonly options: ScanOptions = {}) {}

  /** Grows by one with every change, so a view can tell whether to redraw. */
  get version(): number {
    return this.changes;
  }

  /** Number of files indexed. */
  get fileCount(): number {
    return this.files.size;
  }

  /** Scans `text` (a document of `languageId`) and replaces what the index held for `file`. Returns its occurrences. */
  updateFile(file: string, text: string, languageId: string): KeyOccurrence[] {
    const occurrences = scanCitations(text, languageId, this.options);
    this.setOccurrences(file, occurrences);
    return occurrences;
  }

  /** Replaces what the index holds for `file` with occurrences scanned elsewhere. */
  setOccurrences(file: string, occurrences: KeyOccurrence[]): void {
    this.dropKeys(file);
    const keys = new Set(occurrences.map((occurrence) => occurrence.key));
    this.files.set(file, { occurrences, keys });
    for (const key of keys) {
      let files = this.keyFiles.get(key);
      if (!files) this.keyFiles.set(key, (files = new Set()));
      files.add(file);
    }
    this.changes++;
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

  /** The citations and definitions in `file`, in order of appearance. */
  occurrencesIn(file: string): readonly KeyOccurrence[] {
    return this.files.get(file)?.occurrences ?? [];
  }

  /** Every place `key` is cited, by file (in indexing order), then position. */
  citationsOf(key: string): KeyLocation[] {
    return this.locationsOf(key, 'citation');
  }

  /** Every place `key` is defined (`.bib` entries, `\bibitem`). */
  definitionsOf(key: string): KeyLocation[] {
    return this.locationsOf(key, 'definition');
  }

  /** How many places cite `key`. */
  citationCount(key: string): number {
    let count = 0;
    for (const file of this.keyFiles.get(key) ?? []) {
      for (const occurrence of this.files.get(file)?.occurrences ?? []) if (occurrence.key === key && occurrence.kind === 'citation') count++;
    }
    return count;
  }

  /** Every key cited or defined anywhere, sorted. */
  keys(): string[] {
    return [...this.keyFiles.keys()].sort();
  }

  /** True when some indexed file defines `key`. */
  isDefined(key: string): boolean {
    return this.definitionsOf(key).length > 0;
  }

  /**
   * The citations of keys that neither `isKnown` (a corpus paper's key) accepts nor any indexed file
   * defines, by file and position.
   */
  unknownCitations(isKnown: (key: string) => boolean): KeyLocation[] {
    const unknown: KeyLocation[] = [];
    for (const [file, entry] of this.files) {
      for (const occurrence of entry.occurrences) {
        if (occurrence.kind === 'citation' && !isKnown(occurrence.key) && !this.isDefined(occurrence.key)) unknown.push({ ...occurrence, file });
      }
    }
    return unknown;
  }

  /** Every citation in the index, by file (in indexing order), then position. */
  allCitations(): KeyLocation[] {
    const all: KeyLocation[] = [];
    for (const [file, entry] of this.files) {
      for (const occurrence of entry.occurrences) if (occurrence.kind === 'citation') all.push({ ...occurrence, file });
    }
    return all;
  }

  private locationsOf(key: string, kind: KeyOccurrence['kind']): KeyLocation[] {
    const found: KeyLocation[] = [];
    for (const file of this.keyFiles.get(key) ?? []) {
      for (const occurrence of this.files.get(file)?.occurrences ?? []) {
        if (occurrence.key === key && occurrence.kind === kind) found.push({ ...occurrence, file });
      }
    }
    return found;
  }

  private dropKeys(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    for (const key of entry.keys) {
      const files = this.keyFiles.get(key);
      files?.delete(file);
      if (files?.size === 0) this.keyFiles.delete(key);
    }
  }
}
