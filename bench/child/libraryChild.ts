// The user's library benchmark (issue 19), in a fresh process (see ../library.ts):
//   library.js <searchWorker.js> <corpus.json> <dir> <entries> <runs>
// Writes a Better-BibTeX-like library of <entries> under <dir> and, <runs> times: loads it through the
// extension's own store (the file read from disk by the corpus reader, merged in slices, indexed in the
// search worker) until a search finds a library paper; changes one entry of the file and reads it
// again as the file watcher would make the store do, until a search finds the new title; and times
// citation completion. The longest turn of this thread (the extension host's) is measured throughout.
// Prints one JSON object on stdout.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../src/core/events';
import type { WorkerPort } from '../../src/core/searchWorker/workerClient';
import type { SavedIndexBytes, WorkerResponse } from '../../src/core/searchWorker/workerProtocol';
import { CorpusLoader } from '../../src/core/store/corpusLoader';
import { WatchedCorpusFiles } from '../../src/core/store/corpusWatch';
import { paperIndexLoader, type IndexCache } from '../../src/core/store/paperIndexLoader';
import { PaperStore } from '../../src/core/store/paperStore';
import type { Paper } from '../../src/core/types';
import { startNodeSearchWorker } from '../../src/searchWorker/nodeWorkerPort';
import type { LibraryRun } from '../library';
import { nodeCorpusFiles } from '../../evaluation/nodeCorpusFiles';
import { round, withBlockProbe } from '../stats';
import { betterBibtexLibrary } from '../syntheticLibrary';

const [workerFile, corpusFile, dir, entriesArg, runsArg] = process.argv.slice(2);
const STATS_ID = 2 ** 30;

/** The search worker the loader starts, kept so its heap can be asked for. */
class Worker {
  port: WorkerPort | undefined;
  private heap: ((mb: number | null) => void) | undefined;
  start = (): WorkerPort => {
    const port = startNodeSearchWorker(workerFile);
    port.onMessage((message: WorkerResponse) => { if (message.type === 'stats' && message.id === STATS_ID) this.heap?.(message.heapMB); });
    this.port = port;
    return port;
  };
  heapMB(): Promise<number | null> {
    if (!this.port) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.heap = resolve;
      this.port?.postMessage({ type: 'stats', id: STATS_ID });
    });
  }
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

/** Indexes the worker built, kept in memory between runs as the extension keeps them in its storage. */
class MemoryCache implements IndexCache {
  private readonly kept = new Map<string, SavedIndexBytes>();
  /** When the last index was written (the whole index is in, after a quick first one). */
  writtenAt: number | undefined;
  private onWrite: (() => void)[] = [];
  /** Settles at the next write (the whole index of a first session, which the next session loads). */
  nextWrite(): Promise<void> {
    return new Promise((resolve) => this.onWrite.push(resolve));
  }
  async read(key: string): Promise<SavedIndexBytes | undefined> {
    const saved = this.kept.get(key);
    return saved && { index: saved.index.slice(), vocabulary: saved.vocabulary.slice() };
  }
  async write(key: string, saved: SavedIndexBytes): Promise<void> {
    this.writtenAt = performance.now();
    this.kept.set(key, { index: saved.index.slice(), vocabulary: saved.vocabulary.slice() });
    for (const resolve of this.onWrite.splice(0)) resolve();
  }
  async remove(key: string): Promise<void> {
    this.kept.delete(key);
  }
}

const cache = new MemoryCache();

async function run(file: string, text: string, keys: string[], titles: string[], authors: string[]): Promise<LibraryRun> {
  const problems: string[] = [];
  const trace = process.env.LIBRARY_BENCH_TRACE ? (message: string): void => void process.stderr.write(`${performance.now().toFixed(0).padStart(7)} ms  ${message}\n`) : (): void => undefined;
  const log: Logger = { info: trace, warn: (message) => { trace(message); problems.push(message); }, error: (message) => { trace(message); problems.push(message); } };
  const reader = new WatchedCorpusFiles<string>({ fs: nodeCorpusFiles, watch: () => ({ dispose: () => undefined }), resolve: (path) => path, settingKey: 'paperScout.corpus.sources', onChange: () => undefined });
  const worker = new Worker();
  const store = new PaperStore({
    loader: new CorpusLoader({ name: 'dist/corpus.json', read: () => readFile(corpusFile) }, reader, log),
    settings: { includeBundled: () => true, corpusFileEntries: () => [file], userTopics: () => [], topicsKey: 'paperScout.topics', corpusFilesKey: 'paperScout.corpus.sources' },
    // Always the worker and its cache, as a library of 2,000 papers or more gets: the quick run's smaller
    // library would otherwise be indexed on the host, which caches nothing, and the cache would never be written.
    loadIndex: paperIndexLoader({ readPrebuilt: async () => { throw new Error('no prebuilt index with a library'); }, prebuiltName: 'none', withProgress: (_title, task) => task(() => undefined, () => false), log, startWorker: worker.start, workerPapers: 0, cache }),
    log,
  });
  writeFileSync(file, text);
  const heapBefore = heapMB();
  const middle = Math.floor(keys.length / 2);
  const written = cache.nextWrite();
  const cpuStart = process.cpuUsage();
  let start = performance.now();
  const load = await withBlockProbe(async () => {
    await store.load();
    const engine = await store.index.ready();
    const found = await engine.search(`author:${authors[middle].replace(/[^A-Za-z]/g, '').slice(0, 6)} ${titles[middle]}`, { limit: 5 });
    if (!found.some((result) => result.paper.key === keys[middle])) throw new Error(`the library paper ${keys[middle]} was not found after the load`);
  });
  const loadMs = performance.now() - start;
  const loadCpu = process.cpuUsage(cpuStart);
  const cached = (await store.index.ready()).origin === 'cached';
  const loadStart = start;
  const hostHeapMB = heapMB() - heapBefore;
  const workerHeapMB = await worker.heapMB();

  // One entry changed, the file rewritten whole (as an auto-export does), then read again as a watcher would have it read.
  const changed = Math.floor(keys.length / 3);
  const newTitle = `Zyxwv Quokka Retrieval Study ${Date.now() % 1000}`;
  writeFileSync(file, text.replace(/(@\w+\{)/g, '\u0000$1').split('\u0000').map((part) => (part.includes(`{${keys[changed]},`) ? part.replace(/title = \{[^\n]*\}/, `title = {${newTitle}}`) : part)).join(''));
  const engine = await store.index.ready();
  const updateCpuStart = process.cpuUsage();
  start = performance.now();
  const update = await withBlockProbe(async () => {
    await store.filesChanged([file]);
    const found = await (store.index.current() ?? engine).search('zyxwv quokka', { limit: 3 });
    if (found[0]?.paper.key !== keys[changed]) throw new Error(`the changed entry ${keys[changed]} was not found after the update (${found.map((result) => result.paper.key).join(', ')})`);
  });
  const updateMs = performance.now() - start;
  const updateCpu = process.cpuUsage(updateCpuStart);
  // A first session's whole index (with the abstracts) is cached once built: when that was, from the load's start.
  if (!cached) await written;
  const wholeIndexMs = !cached && cache.writtenAt !== undefined && cache.writtenAt > loadStart ? cache.writtenAt - loadStart : null;
  const sameIndex = store.index.current() === engine;

  // Citation completion after \cite{: what is typed is a key's start, an author's name or a title word.
  const typed: string[] = [];
  for (let at = 0; typed.length < 300; at += 37) {
    const index = at % keys.length;
    typed.push(keys[index].slice(0, 3 + (at % 5)), authors[index].replace(/[^A-Za-z]/g, '').slice(0, 4 + (at % 3)), titles[index].split(' ').filter((word) => word.length > 4)[0] ?? titles[index]);
  }
  const times: number[] = [];
  for (const text of typed) {
    const begin = performance.now();
    const results = await (store.index.current() ?? engine).complete(text, 50);
    results.map((result) => result.paper.key); // the items the provider makes from them
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  const papers: readonly Paper[] = store.papers;
  const result: LibraryRun = {
    cached,
    loadMs: round(loadMs, 0),
    loadCpuMs: round((loadCpu.user + loadCpu.system) / 1000, 0),
    loadBlockMs: round(load.longestTurnMs, 1),
    wholeIndexMs: wholeIndexMs === null ? null : round(wholeIndexMs, 0),
    updateMs: round(updateMs, 0),
    updateCpuMs: round((updateCpu.user + updateCpu.system) / 1000, 0),
    updateBlockMs: round(update.longestTurnMs, 1),
    updatedInPlace: sameIndex,
    completionP50Ms: round(times[Math.floor(times.length * 0.5)], 2),
    completionP95Ms: round(times[Math.floor(times.length * 0.95)], 2),
    hostHeapMB: round(hostHeapMB, 1),
    workerHeapMB: workerHeapMB === null ? null : round(workerHeapMB, 1),
    libraryPapers: store.libraryPapers,
    papers: papers.length,
    problems: problems.length,
  };
  reader.dispose();
  store.index.dispose();
  store.dispose();
  return result;
}

async function main(): Promise<void> {
  const entries = Number(entriesArg);
  const runs = Number(runsArg);
  const real = (JSON.parse(readFileSync(corpusFile, 'utf8')) as { papers: Paper[] }).papers;
  const library = betterBibtexLibrary(real, entries);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'library.bib');
  const results: LibraryRun[] = [];
  // The first run indexes the library for the first time and caches the index; later runs are later
  // sessions over the same file, which must load it from the cache (a rebuild there is a bug, not a figure).
  for (let at = 0; at < runs; at++) {
    const result = await run(file, library.text, library.keys, library.titles, library.firstAuthors);
    if (result.cached !== at > 0) throw new Error(`session ${at + 1} ${result.cached ? 'loaded the index from the cache before any was made' : 'built the index again instead of loading it from the cache'}`);
    results.push(result);
  }
  process.stdout.write(`${JSON.stringify({ entries, fileMB: round(Buffer.byteLength(library.text) / 1048576, 1), runs: results })}\n`);
}

let printed = false;
// A wait that nothing will ever end (a cache write that never comes) empties the event loop, and Node exits 0
// with nothing printed: say so and fail instead.
process.on('beforeExit', () => {
  if (printed || process.exitCode) return;
  process.stderr.write('library benchmark: the event loop emptied before the figures were printed (a wait that nothing ends)\n');
  process.exitCode = 1;
});

main().then(() => { printed = true; }).catch((error: Error) => {
  process.stderr.write(`library benchmark: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
