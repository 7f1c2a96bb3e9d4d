/**
 * Reads the files and folders of the user's corpus setting through a file system passed in (VS Code's
 * `workspace.fs` in the extension, Node's `fs` or a fake in tests): page dumps (`.txt`) and corpus JSON
 * (`.json`), a folder contributing such files directly inside it. Only regular files are read: a FIFO,
 * socket or device would stall the read forever, so it is skipped with a message naming it, and so is
 * a broken link; a symbolic link loop is reported as one. Files are read a few at a time, decoded in
 * slices, and the work stops when `progress` says so.
 */
import { decodeUtf8Steps } from '../corpus/decode';
import { CancelledError } from '../cancellation';
import { runInSlices } from '../slices';
import type { Diagnostic } from '../types';
import type { CorpusFileTexts } from './corpusLoader';
import type { WorkProgress } from './progress';

/** VS Code's `FileType` bits (the core cannot import `vscode`): a file, a folder, through a link. */
export const FILE_TYPE = { unknown: 0, file: 1, directory: 2, symbolicLink: 64 } as const;

/** What `stat` says of a file: its type (`FILE_TYPE` bits), size in bytes and change time. */
export interface FileStat {
  type: number;
  size: number;
  mtime: number;
}

/** The file system the corpus files are read through, over locations of type `L` (URIs in the extension). */
export interface CorpusFileSystem<L> {
  stat(location: L): Promise<FileStat>;
  readDirectory(location: L): Promise<[string, number][]>;
  readFile(location: L): Promise<Uint8Array>;
  /** The location of `name` inside the folder `folder`. */
  child(folder: L, name: string): L;
  /** How messages name a location (a path, or a URI when it is not a local file). */
  display(location: L): string;
  /** The location as a string the extension can open again (a URI string); `display` when absent. */
  locationString?(location: L): string;
}

/** A file or folder as it was when read: changes show as a different stamp. */
export type Stamp = string;

/** The stamps of the locations read (entries, and the files in folders), by `display`. */
export type Stamps<L> = Map<string, { location: L; stamp: Stamp }>;

/** What reading found: the texts and problems, the locations to watch, and their stamps. */
export interface CorpusRead<L> {
  texts: CorpusFileTexts;
  /** The entries' locations (files and folders, whether they exist yet or not). */
  watch: L[];
  stamps: Stamps<L>;
}

/** Files larger than this are refused with a message rather than read into the extension host. */
export const MAX_JSON_FILE_BYTES = 64 * 1024 * 1024;
/** Library files (`.bib`, CSL YAML) larger than this are refused: 64 MB holds a library of several hundred thousand entries. */
export const MAX_LIBRARY_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Page dumps larger than this are refused: a Daily Papers page is about 100 KB, and a page is parsed in
 * a few passes over its whole text, each of which must stay short.
 */
export const MAX_PAGE_FILE_BYTES = 8 * 1024 * 1024;
const CORPUS_FILE = /\.(txt|json|bib|bibtex|biblatex|yaml|yml)$/i;
const LIBRARY_FILE = /\.(bib|bibtex|biblatex|yaml|yml)$/i;
/** Files read at the same time. */
const CONCURRENT_READS = 8;

/**
 * Reads the files `entries` name (`location` is undefined for one that cannot be resolved, such as a
 * relative path with no folder open). Never throws, except a `CancelledError` once
 * `progress.isCancelled()`: every problem is a diagnostic naming the file, or the setting entry
 * (`paperScout.corpus.sources[1]`) when there is no file to name.
 */
export async function readCorpusEntries<L>(
  entries: readonly { entry: string; location: L | undefined }[],
  fs: CorpusFileSystem<L>,
  settingKey: string,
  progress: WorkProgress,
): Promise<CorpusRead<L>> {
  const diagnostics: Diagnostic[] = [];
  const watch: L[] = [];
  const stamps: Stamps<L> = new Map();
  const files: { location: L; stat: FileStat }[] = [];
  for (const [index, { entry, location }] of entries.entries()) {
    const where = `${settingKey}[${index}]`;
    if (location === undefined) {
      diagnostics.push(problem(where, `"${entry}" is a relative path, but no folder is open to resolve it against`));
      continue;
    }
    watch.push(location);
    const name = fs.display(location);
    let stat: FileStat;
    try {
      stat = await fs.stat(location);
    } catch (error) {
      diagnostics.push(problem(name, `${describeStatError(error)} (from ${where})`));
      stamps.set(name, { location, stamp: MISSING });
      continue;
    }
    if (stat.type & FILE_TYPE.directory) {
      const listed = await listFolder(location, fs, diagnostics);
      stamps.set(name, { location, stamp: folderStamp(listed) });
      if (listed.length === 0) diagnostics.push(problem(name, `no .txt, .json, .bib or .yaml files in this folder (from ${where})`, 'warning'));
      for (const [child, type] of listed) {
        const file = fs.child(location, child);
        const special = specialFileProblem(type);
        if (special) diagnostics.push(problem(fs.display(file), special));
        else files.push({ location: file, stat: { type, size: -1, mtime: -1 } });
      }
    } else {
      const special = specialFileProblem(stat.type);
      if (special) diagnostics.push(problem(name, `${special} (from ${where})`));
      else files.push({ location, stat });
    }
    if (progress.isCancelled()) throw new CancelledError();
  }
  const texts = await readFiles(files, fs, stamps, progress);
  const read: CorpusFileTexts = { files: [], diagnostics };
  for (const text of texts) {
    if (text.file) read.files.push(text.file);
    for (const diagnostic of text.diagnostics) diagnostics.push(diagnostic);
  }
  return { texts: read, watch, stamps };
}

/**
 * Reads again the files named (as `display` names them) whose stamps `stamps` holds, and updates
 * their stamps: what a change to a few files of the setting needs, without listing folders again.
 */
export async function rereadFiles<L>(names: readonly string[], fs: CorpusFileSystem<L>, stamps: Stamps<L>, progress: WorkProgress): Promise<CorpusFileTexts> {
  const files = names.flatMap((name) => {
    const known = stamps.get(name);
    return known ? [{ location: known.location, stat: { type: FILE_TYPE.file, size: -1, mtime: -1 } }] : [];
  });
  const texts = await readFiles(files, fs, stamps, progress);
  const read: CorpusFileTexts = { files: [], diagnostics: [] };
  for (const text of texts) {
    if (text.file) read.files.push(text.file);
    for (const diagnostic of text.diagnostics) read.diagnostics.push(diagnostic);
  }
  return read;
}

/** The corpus files directly in a folder, by name; none (with a diagnostic) when it cannot be listed. */
async function listFolder<L>(folder: L, fs: CorpusFileSystem<L>, diagnostics: Diagnostic[]): Promise<[string, number][]> {
  try {
    const children = await fs.readDirectory(folder);
    return children.filter(([name, type]) => CORPUS_FILE.test(name) && !(type & FILE_TYPE.directory)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    diagnostics.push(problem(fs.display(folder), `the folder cannot be listed (${describeError(error)})`));
    return [];
  }
}

/** Why a file of this type is not read, or null for a regular file (or a link to one). */
export function specialFileProblem(type: number): string | null {
  if (type & FILE_TYPE.file) return null;
  if (type & FILE_TYPE.directory) return 'is a folder, not a file (skipped)';
  if (type & FILE_TYPE.symbolicLink) return 'is a broken symbolic link (skipped)';
  return 'is not a regular file (a FIFO, socket or device?): it is skipped, since reading it could wait forever';
}

/** What a failed `stat` means, for a person: not there, a link loop, or the error itself. */
export function describeStatError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text = `${typeof code === 'string' ? code : ''} ${describeError(error)}`;
  if (/ELOOP|too many (levels of )?symbolic links/i.test(text)) return 'is a symbolic link loop (the link leads back to itself), not a file';
  if (/\b(ENOENT|FileNotFound|EntryNotFound)\b/.test(text)) return 'file not found';
  return `cannot be read (${describeError(error)})`;
}

/** One file's text (or none) and problems, in the order the files were listed. */
interface FileText {
  file?: { file: string; text: string; location: string };
  diagnostics: Diagnostic[];
}

/**
 * Reads `files` in the order listed: the bytes of the next few are fetched while one is decoded, but
 * decoding (the work on the thread) is done one file at a time, so slices of several files never pile
 * up into one long turn of the event loop.
 */
async function readFiles<L>(files: readonly { location: L; stat: FileStat }[], fs: CorpusFileSystem<L>, stamps: Stamps<L>, progress: WorkProgress): Promise<FileText[]> {
  const fetching: (Promise<Fetched> | undefined)[] = [];
  const fetchUpTo = (count: number): void => {
    while (fetching.length < Math.min(count, files.length)) fetching.push(fetchOne(files[fetching.length].location, fs, stamps));
  };
  const results: FileText[] = [];
  for (let at = 0; at < files.length; at++) {
    fetchUpTo(at + CONCURRENT_READS);
    const fetched = (await fetching[at])!;
    fetching[at] = undefined; // the bytes are not kept once decoded; later reads keep their places
    if (progress.isCancelled()) throw new CancelledError();
    results.push('bytes' in fetched ? await decodeOne(fetched, progress) : fetched);
    progress.report((100 * (at + 1)) / files.length);
  }
  return results;
}

/** A file's bytes (checked to be a regular file within the size limit), or why it is not read. */
type Fetched = { file: string; location: string; bytes: Uint8Array } | FileText;

async function fetchOne<L>(location: L, fs: CorpusFileSystem<L>, stamps: Stamps<L>): Promise<Fetched> {
  const file = fs.display(location);
  try {
    // Stat again right before reading: the file may have become something else since it was listed.
    const stat = await fs.stat(location);
    stamps.set(file, { location, stamp: stampOf(stat) });
    const special = specialFileProblem(stat.type);
    if (special) return { diagnostics: [problem(file, special)] };
    const limit = /\.json$/i.test(file) ? MAX_JSON_FILE_BYTES : LIBRARY_FILE.test(file) ? MAX_LIBRARY_FILE_BYTES : MAX_PAGE_FILE_BYTES;
    if (stat.size > limit) {
      const advice = limit === MAX_PAGE_FILE_BYTES ? '; split it into smaller pages, or convert it to corpus JSON' : '; split it into several files';
      const what = limit === MAX_PAGE_FILE_BYTES ? 'page dumps' : LIBRARY_FILE.test(file) ? 'library files' : 'JSON files';
      return { diagnostics: [problem(file, `the file is ${megabytes(stat.size)} MB; Paper Scout reads ${what} up to ${megabytes(limit)} MB${advice}`)] };
    }
    return { file, location: fs.locationString?.(location) ?? file, bytes: await fs.readFile(location) };
  } catch (error) {
    return { diagnostics: [problem(file, describeStatError(error))] };
  }
}

/** A file's bytes as text, decoded in slices; binary text (NUL bytes) is refused. */
async function decodeOne({ file, location, bytes }: { file: string; location: string; bytes: Uint8Array }, progress: WorkProgress): Promise<FileText> {
  // In UTF-8 only a 0 byte decodes to U+0000 (a broken sequence becomes U+FFFD): looked for in the bytes, before decoding.
  if (bytes.includes(0)) return { diagnostics: [problem(file, 'the file is binary (it contains NUL bytes), not a page dump, corpus JSON or a library')] };
  const decoded = await runInSlices(decodeUtf8Steps(bytes, file), { isCancelled: () => progress.isCancelled() });
  return { file: { file, text: decoded.text, location }, diagnostics: decoded.diagnostics };
}

/** A file's stamp: its change time and size. */
function stampOf(stat: FileStat): Stamp {
  return `file:${stat.mtime}:${stat.size}`;
}

/** A folder's stamp: the names of the corpus files in it. */
function folderStamp(listed: readonly [string, number][]): Stamp {
  return `folder:${listed.map(([name]) => name).join('/')}`;
}

/** The stamp of a location that could not be found or read. */
const MISSING: Stamp = 'missing';

/**
 * The names of the locations whose stamp differs from `stamps` now (changed, created, deleted, or a
 * file added to or removed from a folder): a change that happened while nothing watched shows here.
 * Only `stat` and folder listings: no file is read.
 */
export async function changedSince<L>(stamps: Stamps<L>, fs: CorpusFileSystem<L>): Promise<string[]> {
  const entries = [...stamps];
  const changed: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const [name, { location, stamp }] = entries[next++];
      let now: Stamp;
      try {
        const stat = await fs.stat(location);
        now = stat.type & FILE_TYPE.directory ? folderStamp(await listFolder(location, fs, [])) : stampOf(stat);
      } catch {
        now = MISSING;
      }
      if (now !== stamp) changed.push(name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, entries.length) }, worker));
  return changed.sort();
}

function megabytes(bytes: number): string {
  return (bytes / 1048576).toFixed(0);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function problem(file: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file, line: null, message, severity };
}
