// Test doubles for the pure store: a log that keeps its lines, a gate that holds a read until opened,
// the real bundled corpus as the bytes of dist/corpus.json, and settings a test can change.
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { CorpusLoader, type CorpusFileReader, type CorpusFileTexts } from '../../../src/core/store/corpusLoader';
import type { Logger } from '../../../src/core/events';
import type { SavedIndexBytes } from '../../../src/core/searchWorker/workerProtocol';
import type { IndexLoader, SearchEngine } from '../../../src/core/store/indexService';
import type { IndexCache } from '../../../src/core/store/paperIndexLoader';
import { PaperStore, type StoreSettings } from '../../../src/core/store/paperStore';
import type { WithProgress } from '../../../src/core/store/progress';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import type { Corpus } from '../../../src/core/types';
import { readPages } from '../pages';

/** A logger that keeps every line, prefixed with its level. */
export class RecordingLog implements Logger {
  readonly lines: string[] = [];
  info(message: string): void { this.lines.push(`info: ${message}`); }
  warn(message: string): void { this.lines.push(`warn: ${message}`); }
  error(message: string): void { this.lines.push(`error: ${message}`); }
}

/** A promise the test settles when it chooses. */
export class Gate {
  readonly promise: Promise<void>;
  open!: () => void;
  constructor() {
    this.promise = new Promise((resolve) => { this.open = resolve; });
  }
}

let bundled: Corpus | undefined;

/** The bundled corpus, parsed from the real pages as `npm run build` does. */
export function bundledCorpus(): Corpus {
  bundled ??= buildCorpus(readPages(), DEFAULT_TOPICS).corpus;
  return bundled;
}

/** `corpus` as the bytes of a corpus file. */
export function corpusBytes(corpus: Corpus = bundledCorpus()): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(corpus));
}

/** Settings a test changes as it goes. */
export class TestSettings implements StoreSettings {
  bundled = true;
  entries: string[] = [];
  topics: unknown = [];
  readonly topicsKey = 'paperScout.topics';
  readonly corpusFilesKey = 'paperScout.corpus.sources';
  includeBundled(): boolean { return this.bundled; }
  corpusFileEntries(): string[] { return this.entries; }
  userTopics(): unknown { return this.topics; }
}

/** User corpus files by entry: each entry's text, or undefined for a missing file. */
export class TestCorpusFiles implements CorpusFileReader {
  readonly texts = new Map<string, string>();
  reads = 0;
  async read(entries: readonly string[]): Promise<CorpusFileTexts> {
    this.reads++;
    const result: CorpusFileTexts = { files: [], diagnostics: [] };
    for (const entry of entries) {
      const text = this.texts.get(entry);
      if (text === undefined) result.diagnostics.push({ file: entry, line: null, message: 'file not found', severity: 'error' });
      else result.files.push({ file: entry, text });
    }
    return result;
  }
}

/**
 * A store over the given bundled-file reader, with test settings, an index loader, and the user's
 * files from `TestCorpusFiles` (or from `reader` when given).
 */
export function testStore(parts: {
  readBundled?: () => Promise<Uint8Array>;
  loadIndex?: IndexLoader<SearchEngine>;
  settings?: TestSettings;
  files?: TestCorpusFiles;
  reader?: CorpusFileReader;
  withProgress?: WithProgress;
  progressDelayMs?: number;
  onFirstUse?: () => void;
} = {}): { store: PaperStore; settings: TestSettings; files: TestCorpusFiles; log: RecordingLog } {
  const log = new RecordingLog();
  const settings = parts.settings ?? new TestSettings();
  const files = parts.files ?? new TestCorpusFiles();
  const loader = new CorpusLoader({ name: 'dist/corpus.json', read: parts.readBundled ?? (async () => corpusBytes()) }, parts.reader ?? files, log);
  const loadIndex = parts.loadIndex ?? (async () => { throw new Error('no index in this test'); });
  const { withProgress, progressDelayMs, onFirstUse } = parts;
  return { store: new PaperStore({ loader, settings, loadIndex, log, withProgress, progressDelayMs, onFirstUse }), settings, files, log };
}

/** A page dump with one paper of this title. */
export function pageWith(title: string): string {
  const abstract = 'We study an entirely new method for the quantization of large language models. '.repeat(6);
  return ['new', '', 'Subscribe', '', 'Mar 14', '', title, '', abstract, '', '  • 4 authors', '·', 'Feb 2, 2024 3', ''].join('\n');
}

/** An index cache in memory (each read a fresh copy, like a file); `written` settles once the last write started has finished. */
export class MemoryIndexCache implements IndexCache {
  readonly entries = new Map<string, SavedIndexBytes>();
  written: Promise<void> = Promise.resolve();
  reads = 0;
  async read(key: string): Promise<SavedIndexBytes | undefined> {
    this.reads++;
    const saved = this.entries.get(key);
    // Copies, as a file read gives: loading moves the buffers to the worker.
    return saved && { index: saved.index.slice(), vocabulary: saved.vocabulary.slice() };
  }
  write(key: string, saved: SavedIndexBytes): Promise<void> {
    this.written = (async () => { this.entries.set(key, saved); })();
    return this.written;
  }
  async remove(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
