/**
 * The user's library files as last read: the files the corpus setting names, the workspace's `.bib`
 * files and the bibliographies documents declare. Files are read anew one at a time as they change
 * (unchanged entries taken from the last read), and a file read half-written (an auto-export caught
 * mid-write: empty, or ending inside an entry) never replaces a good read: the last good entries
 * stay, and the caller is told to read it again.
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

/** A library file as last read. */
interface LibraryFile {
  file: string;
  location: string;
  origin: LibraryOrigin;
  read: LibraryFileRead;
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

/** The library files and their last good reads. */
export class LibraryFiles {
  private readonly files = new Map<string, LibraryFile>();
  /** The order of the setting's files, as the setting lists them. */
  private settingOrder = new Map<string, number>();

  /**
   * Reads `texts` (new or changed files) and forgets the files at `removed`, in steps. A file that
   * reads half-written while an earlier read of it had more entries keeps that read, unless
   * `keepGood` is false (the last of the attempts to read it whole).
   */
  *updateSteps(texts: readonly LibraryText[], removed: readonly string[] = [], keepGood = true): Generator<Progress, LibraryUpdate> {
    const update: LibraryUpdate = { changed: [], halfWritten: [], summaries: [] };
    for (const location of removed) if (this.files.delete(location)) update.changed.push(location);
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
        update.summaries.push(`${text.file}: looks half-written (${text.text.trim() === '' ? 'it is empty' : 'it ends inside an entry'}); the ${previous.read.entries.length} entries read before are kept, and it is read again shortly`);
        continue;
      }
      this.files.set(text.location, { file: text.file, location: text.location, origin: text.origin, read });
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
    const removed = [...this.files.values()].filter((file) => file.origin === origin && !wanted.has(file.location)).map((file) => file.location);
    if (origin === 'setting') this.settingOrder = new Map(texts.map((text, at) => [text.location, at]));
    return yield* this.updateSteps(texts, removed);
  }

  /** Whether a file at `location` is read, and from which origin. */
  originOf(location: string): LibraryOrigin | undefined {
    return this.files.get(location)?.origin;
  }

  /** The files of an origin, by location. */
  locations(origin?: LibraryOrigin): string[] {
    return [...this.files.values()].filter((file) => origin === undefined || file.origin === origin).map((file) => file.location);
  }

  /**
   * The files in the order their keys count (the first definition of a key wins): the setting's in
   * its order, then the workspace's and the documents' by name. A file both the setting and the
   * workspace name is read once, under the origin that read it last.
   */
  sources(): LibrarySource[] {
    return [...this.files.values()]
      .sort((a, b) => ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin] || (this.settingOrder.get(a.location) ?? 0) - (this.settingOrder.get(b.location) ?? 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((file) => ({ file: file.file, location: file.location, read: file.read }));
  }

  /** What the readers found wrong in the files of `origin` (every origin without one). */
  diagnostics(origin?: LibraryOrigin): Diagnostic[] {
    return [...this.files.values()].filter((file) => origin === undefined || file.origin === origin).flatMap((file) => file.read.diagnostics);
  }

  /** How many files are read. */
  get size(): number {
    return this.files.size;
  }
}
