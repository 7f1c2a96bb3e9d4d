/**
 * Builds the citation index over a workspace's files in the background: reads a few files at a time
 * through the caller's `read` (the extension passes `workspace.fs.readFile`, the CLI `fs.promises`),
 * scans each one, and gives the event loop back every few milliseconds, so the extension host's
 * thread is never held for long. Stops as soon as `isCancelled()` says so. Skips files over the size
 * limit, binary files and files that cannot be read, and says which and why.
 */
import { CancelledError, isCancellation } from '../cancellation';
import { runInSlices } from '../slices';
import { languageIdForPath } from '../languages';
import type { CitationIndex } from './citationIndex';
import type { PathFilter } from './pathFilter';

/** A file to index: the name the citation index keys it by, and its path relative to the workspace folder. */
export interface WorkspaceFile {
  /** What the citation index calls the file (a URI string in the extension, the relative path in the CLI). */
  id: string;
  /** Path relative to the workspace folder, `/` separated: decides the language and the exclusions. */
  relativePath: string;
  /** Size in bytes, when known before reading (lets too large files be skipped unread). */
  size?: number;
}

/** A file left out of the citation index, and why. */
export interface SkippedFile {
  id: string;
  reason: 'too large' | 'binary' | 'unreadable' | 'excluded' | 'failed';
  detail?: string;
}

/** How `readIntoCitationIndex` reads and paces its work. */
export interface CitationIndexReadOptions {
  /** Reads a file's bytes (or text). */
  read: (file: WorkspaceFile) => Promise<Uint8Array | string>;
  /**
   * The size of a file whose `size` is not known, asked before reading it, so a file over the limit is
   * skipped unread (the extension passes `workspace.fs.stat`). Without it such files are read first.
   */
  sizeOf?: (file: WorkspaceFile) => Promise<number>;
  /** Files larger than this many bytes are skipped (default 1 MiB). */
  maxFileBytes?: number;
  /** Decides which relative paths are read; files it rejects are skipped as "excluded". */
  filter?: PathFilter;
  /** Checked between files; when true the build stops and reports `cancelled`. */
  isCancelled?: () => boolean;
  /** How long to work before giving the event loop back, in ms (`SLICE_MS`; tests make it shorter). */
  sliceMs?: number;
  /** How many reads are in flight at once (default 8). */
  concurrency?: number;
  /** Called now and then with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** What a read into the citation index did. */
export interface CitationIndexReadResult {
  /** How many files were read into the citation index. */
  filesRead: number;
  skipped: SkippedFile[];
  cancelled: boolean;
}

/** A file whose read has started: its content, or why it was skipped. */
interface Pending {
  file: WorkspaceFile;
  content: Promise<Uint8Array | string | SkippedFile>;
}

/** The default per-file size limit: 1 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Reads and scans `files` into `index`, in slices (`runInSlices`). Never throws for a file; the caller sees skipped files in the result. */
export async function readIntoCitationIndex(index: CitationIndex, files: readonly WorkspaceFile[], options: CitationIndexReadOptions): Promise<CitationIndexReadResult> {
  const done = { filesRead: 0, skipped: [] as SkippedFile[] };
  const steps = readSteps(index, files, options, done);
  try {
    await runInSlices(steps, { sliceMs: options.sliceMs, isCancelled: options.isCancelled, onProgress: (count) => options.onProgress?.(count, files.length) });
    return { ...done, cancelled: false };
  } catch (error) {
    if (isCancellation(error)) return { ...done, cancelled: true };
    throw error;
  }
}

/** The read, one file per step (yielding how many are done), `concurrency` reads in flight. */
async function* readSteps(index: CitationIndex, files: readonly WorkspaceFile[], options: CitationIndexReadOptions, done: { filesRead: number; skipped: SkippedFile[] }): AsyncGenerator<number, void> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const decoder = new TextDecoder('utf-8');
  const queue: Pending[] = [];
  let next = 0;
  const startRead = (): void => {
    while (next < files.length && queue.length < concurrency) {
      const file = files[next++];
      queue.push({ file, content: readChecked(file, options, maxBytes) });
    }
  };
  startRead();
  while (queue.length > 0) {
    const { file, content } = queue.shift() as Pending;
    startRead();
    const result = await content;
    // A read takes a while: a build cancelled meanwhile does not scan what it brought.
    if (options.isCancelled?.()) throw new CancelledError();
    if (typeof result === 'object' && 'reason' in result) done.skipped.push(result);
    else {
      const text = typeof result === 'string' ? result : decodeText(result, decoder);
      if (text === null) done.skipped.push({ id: file.id, reason: 'binary' });
      else if (scanInto(index, file.id, text, languageIdForPath(file.relativePath) ?? 'plaintext', done.skipped)) done.filesRead++;
    }
    yield done.filesRead + done.skipped.length;
  }
}

/**
 * Scans one file into the index; a file whose scan throws is left out of the index (and listed as
 * failed) and costs only itself: the files after it are indexed as usual.
 */
function scanInto(index: CitationIndex, id: string, text: string, languageId: string, skipped: SkippedFile[]): boolean {
  try {
    index.updateFile(id, text, languageId);
    return true;
  } catch (error) {
    index.removeFile(id);
    skipped.push({ id, reason: 'failed', detail: `could not be scanned: ${error instanceof Error ? error.message : String(error)}` });
    return false;
  }
}

/** Reads a file unless the filter or its known size rules it out; a skip record instead of its content otherwise. */
async function readChecked(file: WorkspaceFile, options: CitationIndexReadOptions, maxBytes: number): Promise<Uint8Array | string | SkippedFile> {
  if (options.filter && !options.filter.includesFile(file.relativePath)) return { id: file.id, reason: 'excluded' };
  try {
    const size = file.size ?? (await options.sizeOf?.(file));
    if (size !== undefined && size > maxBytes) return tooLarge(file, size, maxBytes);
    const content = await options.read(file);
    return content.length > maxBytes ? tooLarge(file, content.length, maxBytes) : content;
  } catch (error) {
    return { id: file.id, reason: 'unreadable', detail: (error as Error).message };
  }
}

function tooLarge(file: WorkspaceFile, size: number, maxBytes: number): SkippedFile {
  return { id: file.id, reason: 'too large', detail: `${size} bytes, over the limit of ${maxBytes}` };
}

/** The bytes as UTF-8 text, or null when they look binary (a NUL byte in the first 8 KB). */
export function decodeText(bytes: Uint8Array, decoder = new TextDecoder('utf-8')): string | null {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return null;
  return decoder.decode(bytes);
}

/**
 * Re-indexes one edited document: scans it when it is within the size limit (in UTF-16 units, about
 * bytes for Western text) and drops it from the citation index otherwise. Returns whether the citation
 * index holds it, or why not when its scan failed (it is then dropped too, and nothing else changes).
 */
export function updateDocument(index: CitationIndex, id: string, text: string, languageId: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): boolean | SkippedFile {
  if (text.length > maxFileBytes) {
    index.removeFile(id);
    return false;
  }
  const skipped: SkippedFile[] = [];
  return scanInto(index, id, text, languageId, skipped) || skipped[0];
}
