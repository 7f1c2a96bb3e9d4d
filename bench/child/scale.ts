// A fresh process that measures a large corpus the way the extension indexes one: this thread holds
// the papers (as the store does once it has read the corpus file) and asks the extension's own loader
// (src/core/store/paperIndexLoader.ts) for the engine, which indexes them in the search worker
// (worker_threads) while this thread keeps running. The first time the worker builds the index and
// caches it; every later time (a new session) it loads it from the cache. Queries go to the worker
// through the engine, as the quick pick's do. Prints one JSON object on stdout.
// Usage: node scale.js <searchWorker.js> <corpus.json> <cache folder> <queries.json> <repeats> <loads>
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadCorpus } from '../../src/core/corpus/schema';
import type { WorkerPort } from '../../src/core/searchWorker/workerClient';
import type { SavedIndexBytes, WorkerResponse } from '../../src/core/searchWorker/workerProtocol';
import type { Logger } from '../../src/core/events';
import { paperIndexLoader, WORKER_PAPERS, type IndexCache } from '../../src/core/store/paperIndexLoader';
import type { SearchEngine } from '../../src/core/store/searchEngine';
import type { Paper } from '../../src/core/types';
import { startNodeSearchWorker } from '../../src/searchWorker/nodeWorkerPort';
import { median } from '../stats';

const [workerFile, corpusFile, cacheFolder, queriesFile, repeatsArg, loadsArg] = process.argv.slice(2);
/** The worker may use far more than Node's default heap at 100,000 papers. */
const WORKER_HEAP_MB = 8192;
/** An id no request of the client uses, for asking the worker its heap behind the engine's back. */
const STATS_ID = 2 ** 30;

/**
 * Settles once an index has been written to the cache. From 5,000 papers the worker answers first with a
 * quick index without the abstracts and caches only the whole one, built after it: a session that ended
 * before that would leave nothing cached, and every later one would build again and be queried on a quick
 * index while the whole one is built beside it.
 */
let cacheWritten: () => void = () => undefined;
const firstCacheWrite = new Promise<void>((resolve) => { cacheWritten = resolve; });

/** Indexes kept as files, as the extension keeps them in its global storage. */
class FileCache implements IndexCache {
  async read(key: string): Promise<SavedIndexBytes | undefined> {
    try {
      const [index, vocabulary] = await Promise.all([readFile(join(cacheFolder, `${key}.index.json`)), readFile(join(cacheFolder, `${key}.vocabulary.json`))]);
      return { index: new Uint8Array(index.buffer, index.byteOffset, index.byteLength), vocabulary: new Uint8Array(vocabulary.buffer, vocabulary.byteOffset, vocabulary.byteLength) };
    } catch {
      return undefined;
    }
  }
  async write(key: string, saved: SavedIndexBytes): Promise<void> {
    for (const [name, bytes] of [['vocabulary', saved.vocabulary], ['index', saved.index]] as const) {
      await writeFile(join(cacheFolder, `${key}.${name}.json.tmp`), bytes);
      await rename(join(cacheFolder, `${key}.${name}.json.tmp`), join(cacheFolder, `${key}.${name}.json`));
    }
    cacheWritten();
  }
  async remove(key: string): Promise<void> {
    for (const name of ['index', 'vocabulary']) await rm(join(cacheFolder, `${key}.${name}.json`), { force: true });
  }
}

/** The worker the loader starts, watched: each answer's own time in the worker, and its heap on request. */
class WatchedWorker {
  port: WorkerPort | undefined;
  readonly answerMs: number[] = [];
  private heap: ((mb: number | null) => void) | undefined;
  start = (): WorkerPort => {
    const port = startNodeSearchWorker(workerFile, { maxHeapMB: WORKER_HEAP_MB });
    port.onMessage((message: WorkerResponse) => {
      if (message.type === 'results') this.answerMs.push(message.ms);
      if (message.type === 'stats' && message.id === STATS_ID) this.heap?.(message.heapMB);
    });
    this.port = port;
    return port;
  };
  heapMB(): Promise<number | null> {
    return new Promise((resolve) => {
      this.heap = resolve;
      this.port?.postMessage({ type: 'stats', id: STATS_ID });
    });
  }
}

const quiet: Logger = { info: () => undefined, warn: (message) => process.stderr.write(`warn: ${message}\n`), error: (message) => process.stderr.write(`error: ${message}\n`) };

/** Asks the extension's loader for the engine of `papers`; how long until it is ready, and the longest block of this thread meanwhile. */
async function load(papers: readonly Paper[], worker: WatchedWorker): Promise<{ engine: SearchEngine; ms: number; blockMs: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  // The longest stretch this thread could not run a 1 ms timer: what typing in the quick pick would wait.
  const monitor = monitorEventLoopDelay({ resolution: 1 });
  monitor.enable();
  const start = performance.now();
  const loader = paperIndexLoader({
    readPrebuilt: async () => { throw new Error('no prebuilt index for a user corpus'); },
    prebuiltName: '-',
    withProgress: (_title, task) => task(() => undefined, () => false),
    log: quiet,
    startWorker: worker.start,
    // The extension's threshold; the benchmark's quick self-test runs smaller corpora through the worker too.
    workerPapers: Math.min(WORKER_PAPERS, papers.length),
    cache: new FileCache(),
  });
  const engine = await loader({ papers, bundled: false, isStale: () => false });
  const ms = performance.now() - start;
  monitor.disable();
  if (engine.home !== 'worker') throw new Error('the index was not made in the search worker');
  return { engine, ms, blockMs: monitor.max / 1e6 };
}

async function main(): Promise<void> {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[];
  const { corpus } = loadCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
  const papers = corpus.papers;
  rmSync(cacheFolder, { recursive: true, force: true });
  mkdirSync(cacheFolder, { recursive: true });

  // The first session builds the index in the worker (and caches it)...
  const sessionStart = performance.now();
  const firstWorker = new WatchedWorker();
  const built = await load(papers, firstWorker);
  // The session lasts until its index is cached (the whole index, after a quick one), as a user's would.
  const cachedMs = await Promise.race([firstCacheWrite.then(() => performance.now() - sessionStart), new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the first session cached no index within 10 minutes')), 600_000).unref())]);
  built.engine.dispose?.();
  // ...every later one loads it from the cache.
  const loadRuns: number[] = [];
  const blockRuns: number[] = [built.blockMs];
  let worker = new WatchedWorker();
  let engine: SearchEngine | undefined;
  for (let run = 0; run < Math.max(1, Number(loadsArg)); run++) {
    engine?.dispose?.();
    worker = new WatchedWorker();
    const loaded = await load(papers, worker);
    engine = loaded.engine;
    loadRuns.push(loaded.ms);
    blockRuns.push(loaded.blockMs);
  }
  const ready = engine as SearchEngine;
  for (const query of queries) await ready.find(query);
  const inWorker = queries.map(() => [] as number[]);
  const roundTrip = queries.map(() => [] as number[]);
  for (let pass = 0; pass < Math.max(1, Number(repeatsArg)); pass++) {
    for (let at = 0; at < queries.length; at++) {
      const start = performance.now();
      await ready.find(queries[at]);
      roundTrip[at].push(performance.now() - start);
      inWorker[at].push(worker.answerMs[worker.answerMs.length - 1]);
    }
  }
  const heapMB = await worker.heapMB();
  ready.dispose?.();
  const cacheBytes = readdirSync(cacheFolder).reduce((total, name) => total + readFileSync(join(cacheFolder, name)).byteLength, 0);
  rmSync(cacheFolder, { recursive: true, force: true });
  const result = {
    workerBuildMs: built.ms,
    wholeIndexCachedMs: cachedMs,
    indexLoadMs: median(loadRuns),
    loadRuns,
    mainThreadBlockMs: Math.max(...blockRuns),
    blockRuns,
    buildBlockMs: built.blockMs,
    perQueryMs: inWorker.map(median),
    roundTripMs: roundTrip.map(median),
    heapMB,
    mainHeapMB: Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10,
    cacheBytes,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
