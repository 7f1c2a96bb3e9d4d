/**
 * The user's library files as last read: the files the corpus setting names, the workspace's `.bib`
 * files and the bibliographies documents declare. Files are read anew one at a time as they change
 * (unchanged entries taken from the last read), and a file read half-written (an auto-export caught
 * mid-write: empty, or ending inside an entry) never replaces a good read: the last good entries
 * stay, and the caller is told to read it again.
 *
 * One file may be named by several origins at once (a Zotero export in the setting that also lies in
 * the workspace): it is read as one file, and it counts as the first origin that names it (the
 * setting, then the workspace, then a document), whichever of them read it last, so the order of its
 * keys never depends on which watcher fired first.
 */
import type { Progress } from '../slices';
import type { Diagnostic } from '../types';
import { FORMAT_NAMES, type LibraryFileRead, type LibraryFormat } from './libraryEntry';
import { readLibrarySteps } from './libraryFile';
import type { LibrarySource } from './libraryMerge';

/** Where a library file comes from: the corpus setting, the workspace's `.bib` files, a document's bibliography. */
export type LibraryOrigin = 'setting' | 'workspace' | 'document';

/** A library file's text as read, with where it is and where it comes from. */
export interface LibraryText {
  /** How messages name the file. */
  file: string;
  /** Where it is (a URI string in the extension, a path in the CLI): what identifies it. */
  location: string;
  text: string;
  format: LibraryFormat;
  origin: LibraryOrigin;
}

/** A library file as last read, with the origins that name it. */
interface LibraryFile {
  file: string;
  location: string;
  origins: Set<LibraryOrigin>;
  read: LibraryFileRead;
}

/** A library file no longer named by `origin`, or (without one) gone for every origin. */
export interface LibraryRemoval {
  location: string;
  origin?: LibraryOrigin;
}

/** What an update did: files read, files that looked half-written (their last good read kept), and messages. */
export interface LibraryUpdate {
  /** The files read (or removed) whose entries may have changed. */
  changed: string[];
  /** Files read half-written: read them again shortly. */
  halfWritten: LibraryText[];
  /** One line per file read, for the log: "refs.json: CSL-JSON, 1,234 entries, 2 problems". */
  summaries: string[];
}

const ORIGIN_ORDER: Readonly<Record<LibraryOrigin, number>> = { setting: 0, workspace: 1, document: 2 };
const ORIGINS: readonly LibraryOrigin[] = ['setting', 'workspace', 'document'];

/** The first origin (setting, workspace, document) that names a file. */
function originOf(file: LibraryFile): LibraryOrigin {
  return ORIGINS.find((origin) => file.origins.has(origin)) ?? 'document';
}

/** The library files and their last good reads. */
export class LibraryFiles {
  private readonly files = new Map<string, LibraryFile>();
  /** The order of the setting's files, as the setting lists them. */
  private settingOrder = new Map<string, number>();

  /**
   * Reads `texts` (new or changed files, each named by its origin) and drops `removed` (a file no
   * longer named by an origin is forgotten once no origin names it), in steps. A file that reads
   * half-written while an earlier read of it had more entries keeps that read, unless `keepGood` is
   * false (the last of the attempts to read it whole). A file read again with the very same entries
   * is not counted as changed.
   */
  *updateSteps(texts: readonly LibraryText[], removed: readonly LibraryRemoval[] = [], keepGood = true): Generator<Progress, LibraryUpdate> {
    const update: LibraryUpdate = { changed: [], halfWritten: [], summaries: [] };
    for (const { location, origin } of removed) {
      const known = this.files.get(location);
      if (!known) continue;
      if (origin) known.origins.delete(origin);
      if (origin && known.origins.size > 0) continue;
      this.files.delete(location);
      update.changed.push(location);
    }
    const total = texts.reduce((sum, text) => sum + text.text.length, 0);
    let before = 0;
    for (const text of texts) {
      const previous = this.files.get(text.location);
      const steps = readLibrarySteps(text.text, text.file, text.format, previous?.read);
      let step = steps.next();
      for (; !step.done; step = steps.next()) yield { done: before + Math.min(step.value.done, text.text.length), total };
      before += text.text.length;
      const read = step.value;
      const halfWritten = read.truncated === true || text.text.trim() === '';
      if (halfWritten) update.halfWritten.push(text);
      if (halfWritten && keepGood && previous && previous.read.entries.length > read.entries.length) {
        previous.origins.add(text.origin);
        update.summaries.push(`${text.file}: looks half-written (${text.text.trim() === '' ? 'it is empty' : 'it ends inside an entry'}); the ${previous.read.entries.length} entries read before are kept, and it is read again shortly`);
        continue;
      }
      const origins = new Set(previous?.origins ?? []).add(text.origin);
      this.files.set(text.location, { file: previous?.file ?? text.file, location: text.location, origins, read });
      if (previous && sameRead(previous.read, read)) continue;
      update.changed.push(text.location);
      const problems = read.diagnostics.length;
      update.summaries.push(`${text.file}: read as ${FORMAT_NAMES[read.format]}, ${read.entries.length.toLocaleString('en-US')} ${read.entries.length === 1 ? 'entry' : 'entries'}${problems > 0 ? `, ${problems} ${problems === 1 ? 'problem' : 'problems'}` : ''}`);
    }
    return update;
  }

  /**
   * Makes the files of `origin` exactly `texts`' (in this order, for the setting): reads them as
   * `updateSteps` does and forgets the other files of that origin.
   */
  *replaceOriginSteps(origin: LibraryOrigin, texts: readonly LibraryText[]): Generator<Progress, LibraryUpdate> {
    const wanted = new Set(texts.map((text) => text.location));
    const removed = [...this.files.values()].filter((file) => file.origins.has(origin) && !wanted.has(file.location)).map((file) => ({ location: file.location, origin }));
    if (origin === 'setting') this.settingOrder = new Map(texts.map((text, at) => [text.location, at]));
    return yield* this.updateSteps(texts, removed);
  }

  /** Whether a file at `location` is read, and the first origin that names it. */
  originOf(location: string): LibraryOrigin | undefined {
    const file = this.files.get(location);
    return file && originOf(file);
  }

  /** Whether `origin` names the file at `location`. */
  isNamedBy(location: string, origin: LibraryOrigin): boolean {
    return this.files.get(location)?.origins.has(origin) ?? false;
  }

  /**
   * The files in the order their keys count (the first definition of a key wins): the setting's in
   * its order, then the workspace's and the documents' by name. A file several origins name counts
   * as the first of them.
   */
  sources(): LibrarySource[] {
    return [...this.files.values()]
      .sort((a, b) => ORIGIN_ORDER[originOf(a)] - ORIGIN_ORDER[originOf(b)] || (this.settingOrder.get(a.location) ?? 0) - (this.settingOrder.get(b.location) ?? 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((file) => ({ file: file.file, location: file.location, read: file.read }));
  }

  /** What the readers found wrong in the files whose first origin is `origin` (every file without one). */
  diagnostics(origin?: LibraryOrigin): Diagnostic[] {
    return [...this.files.values()].filter((file) => origin === undefined || originOf(file) === origin).flatMap((file) => file.read.diagnostics);
  }

  /** How many files are read. */
  get size(): number {
    return this.files.size;
  }
}

/** Whether two reads of a file have the same entries (the very same objects, in order), macros and problems. */
function sameRead(before: LibraryFileRead, after: LibraryFileRead): boolean {
  if (before.format !== after.format || before.macros !== after.macros || before.entries.length !== after.entries.length || before.diagnostics.length !== after.diagnostics.length) return false;
  for (let at = 0; at < after.entries.length; at++) if (before.entries[at] !== after.entries[at]) return false;
  for (let at = 0; at < after.diagnostics.length; at++) {
    const [a, b] = [before.diagnostics[at], after.diagnostics[at]];
    if (a.line !== b.line || a.message !== b.message) return false;
  }
  return true;
}
