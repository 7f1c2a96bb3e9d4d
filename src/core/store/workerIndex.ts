/**
 * A corpus indexed in the search worker: the papers go over in chunks, the worker files them under
 * their content key, loads the index kept in the cache under that key when there is one, and builds
 * (then caches) one otherwise. Whatever goes wrong in the worker costs only the worker: the caller is
 * told to build on its own thread instead, and the log says why.
 */
import type { BuildProgress } from '../search/paperIndex';
import { SearchWorkerClient, type WorkerPort, type WorkerReady } from '../searchWorker/workerClient';
import type { SavedIndexBytes } from '../searchWorker/workerProtocol';
import type { Paper } from '../types';
import type { Logger } from '../events';
import { CancelledError } from '../cancellation';
import { workerEngine, type SearchEngine } from './searchEngine';

/**
 * Indexes built in the worker, kept between sessions under the content key of their papers. What it
 * holds is never trusted: a loaded index is checked against the papers (their ids, and the content key
 * it was saved with), and one that does not fit, cannot be read, or fails a query is removed, so the
 * next start builds a fresh one.
 */
export interface IndexCache {
  /** The index kept under `key`, or undefined when there is none. Rejects when it cannot be read (too large, say). */
  read(key: string): Promise<SavedIndexBytes | undefined>;
  /** Keeps `saved` under `key` (and may forget older ones). */
  write(key: string, saved: SavedIndexBytes): Promise<void>;
  /** Forgets what is kept under `key` (a later `read` of it waits for this, and finds nothing). */
  remove(key: string): Promise<void>;
}

/** What indexing in the worker needs. */
export interface WorkerIndexOptions {
  startWorker(): WorkerPort;
  cache?: IndexCache;
  log: Logger;
}

/** How long a new worker may take to answer its first message before it is given up. */
const START_TIMEOUT_MS = 15_000;
/** How often a cancelled build is noticed while the worker is busy with one long step. */
const CANCEL_POLL_MS = 100;

/**
 * The engine for `papers` in a new search worker, or undefined when the worker could not start or
 * failed (logged; the caller builds on its thread). Rejects with `CancelledError` once
 * `isCancelled()` is true, stopping the worker.
 */
export async function indexInWorker(options: WorkerIndexOptions, papers: readonly Paper[], report: (percent: number) => void, isCancelled: () => boolean): Promise<SearchEngine | undefined> {
  const { log } = options;
  const count = papers.length.toLocaleString('en-US');
  let client: SearchWorkerClient;
  try {
    client = new SearchWorkerClient(options.startWorker());
  } catch (error) {
    log.warn(`the search worker could not start (${messageOf(error)}); indexing ${count} papers on the extension host in slices instead`);
    return undefined;
  }
  // A cancelled build stops the worker at once, whatever step it is in; every request then fails.
  const watchdog = setInterval(() => { if (isCancelled()) void client.dispose(); }, CANCEL_POLL_MS);
  try {
    await answeredWithin(client.heapMB(), START_TIMEOUT_MS, 'the search worker did not answer');
    await client.add(papers, isCancelled);
    const key = options.cache ? await client.fingerprint() : undefined;
    let ready = key ? await loadCached(options, client, key) : undefined;
    if (!ready) {
      ready = await client.buildAdded((progress) => report(percentDone(progress)));
      // A quick index is saved once the worker has built the whole one, while the quick one answers.
      const saving = key && options.cache ? saveToCache(options.cache, client, key, log) : undefined;
      if (ready.quick) void saving?.catch((error: unknown) => log.info(`the search index was not cached (${messageOf(error)})`));
      else await saving;
    }
    log.info(`search worker: index ${ready.mode} for ${ready.papers} papers (${ready.terms} terms) in ${Math.round(ready.ms)} ms${ready.quick ? ' without the abstracts, which follow' : ''}`);
    const cached = ready.mode === 'loaded';
    const { cache } = options;
    // A cached index that fails a query is not the one the papers need: it goes, and so does this
    // worker (the index service then makes the index again, and the question is asked of the new one).
    const onFailedQuery = cached && key && cache ? (error: Error): void => {
      log.warn(`the cached search index ${key} failed a query (${error.message}); it is removed and the index built again`);
      void cache.remove(key).catch((removeError: unknown) => log.warn(`the cached search index ${key} could not be removed (${messageOf(removeError)})`));
      void client.dispose();
    } : undefined;
    const engine = workerEngine(client, papers, cached ? 'cached' : 'built', onFailedQuery);
    engine.onDidFail?.((reason) => log.warn(`the search worker stopped (${reason}); the index is made again on the next search`));
    return engine;
  } catch (error) {
    void client.dispose();
    if (isCancelled()) throw new CancelledError('indexing was cancelled');
    log.warn(`the search worker failed (${messageOf(error)}); indexing ${count} papers on the extension host in slices instead`);
    return undefined;
  } finally {
    clearInterval(watchdog);
  }
}

/**
 * Loads the index cached under `key` into the worker; undefined when there is none, or when it cannot
 * be read or does not fit the papers (logged, and removed from the cache, so it is built and kept anew).
 */
async function loadCached(options: WorkerIndexOptions, client: SearchWorkerClient, key: string): Promise<WorkerReady | undefined> {
  const { cache, log } = options;
  if (!cache) return undefined;
  let saved: SavedIndexBytes | undefined;
  try {
    saved = await cache.read(key);
  } catch (error) {
    log.warn(`the cached search index ${key} could not be read (${messageOf(error)}); it is removed and built again`);
    await discard(cache, key, log);
    return undefined;
  }
  if (!saved) return undefined;
  try {
    return await client.load(saved);
  } catch (error) {
    if (client.failed !== undefined) throw error;
    log.warn(`the cached search index ${key} was not used (${messageOf(error)}); it is removed and built again`);
    await discard(cache, key, log);
    return undefined;
  }
}

/** Removes what the cache keeps under `key`; a failure is logged (the rebuilt index replaces it anyway). */
async function discard(cache: IndexCache, key: string, log: Logger): Promise<void> {
  try {
    await cache.remove(key);
  } catch (error) {
    log.warn(`the cached search index ${key} could not be removed (${messageOf(error)})`);
  }
}

/** Keeps the worker's new index in the cache; the write itself runs on while the index is used. */
async function saveToCache(cache: IndexCache, client: SearchWorkerClient, key: string, log: Logger): Promise<void> {
  const saved = await client.save();
  const megabytes = ((saved.index.byteLength + saved.vocabulary.byteLength) / 1048576).toFixed(1);
  cache.write(key, saved).then(
    () => log.info(`search index cached as ${key} (${megabytes} MB)`),
    (error: unknown) => log.warn(`the search index could not be cached (${messageOf(error)}); it is built again next time`),
  );
}

/** Reading the papers is most of the work; finishing the postings the last tenth. */
export function percentDone({ phase, done, total }: BuildProgress): number {
  const share = total > 0 ? done / total : 1;
  return Math.floor((phase === 'reading' ? 0.9 * share : 0.9 + 0.1 * share) * 100);
}

function answeredWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error); });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
