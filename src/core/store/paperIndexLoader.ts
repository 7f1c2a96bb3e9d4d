/**
 * How the store gets its search engine. The bundled papers as shipped load the prebuilt index
 * (dist/index.json, MiniSearch's `toJSON`, with the vocabulary saved beside it: a few milliseconds on
 * this thread). A large corpus of the user's is indexed in the search worker (`indexInWorker`: loaded
 * from the cache when it was indexed before, else built there), so the extension host is never
 * blocked and never holds the index. Small corpora, a prebuilt index that does not fit, and any
 * corpus where no worker can start are built on this thread in slices that give it back. A long build
 * runs under a progress report the user can cancel. The readers, the worker and the progress UI are
 * passed in, so this runs (and is tested) without VS Code.
 */
import { PaperIndex, type SavedIndex } from '../search/paperIndex';
import type { WorkerPort } from '../searchWorker/workerClient';
import type { Paper } from '../types';
import type { Logger } from '../events';
import type { IndexLoader, IndexRequest } from './indexService';
import type { WithProgress } from './progress';
import { threadEngine, type SearchEngine } from './searchEngine';
import { indexInWorker, percentDone, type IndexCache } from './workerIndex';

export type { IndexCache } from './workerIndex';

/** From this many papers a build runs under a cancellable progress report. */
export const LONG_BUILD_PAPERS = 5000;

/** From this many papers the index is made in the search worker, where one can start. */
export const WORKER_PAPERS = 2000;

export type { WithProgress } from './progress';

/** What the loader reads, starts and shows. */
export interface PaperIndexLoaderOptions {
  /** The prebuilt index of the bundled papers: MiniSearch's JSON and the vocabulary beside it. */
  readPrebuilt(): Promise<SavedIndex>;
  /** Where the prebuilt index is, for the log. */
  prebuiltName: string;
  withProgress: WithProgress;
  log: Logger;
  /** From this many papers a build shows progress (default `LONG_BUILD_PAPERS`). */
  longBuildPapers?: number;
  /** Starts a search worker (throws where none can start); without it every index is made on this thread. */
  startWorker?: () => WorkerPort;
  /** From this many papers the index is made in the worker (default `WORKER_PAPERS`). */
  workerPapers?: number;
  /** Where indexes built in the worker are kept, so the next start loads one instead of building it. */
  cache?: IndexCache;
}

/** An `IndexLoader` of search engines as described above. */
export function paperIndexLoader(options: PaperIndexLoaderOptions): IndexLoader<SearchEngine> {
  const workerPapers = options.workerPapers ?? WORKER_PAPERS;
  return async (request) => {
    const started = Date.now();
    const { papers, bundled } = request;
    const prebuilt = bundled ? await loadPrebuilt(options, papers) : undefined;
    const engine = prebuilt
      ? threadEngine(prebuilt, 'prebuilt')
      : await underProgress(options, request, async (report, isCancelled) => {
        const { startWorker } = options;
        if (startWorker && papers.length >= workerPapers) {
          const inWorker = await indexInWorker({ startWorker, cache: options.cache, log: options.log }, papers, report, isCancelled);
          if (inWorker) return inWorker;
        }
        return threadEngine(await buildOnThread(papers, isCancelled, report));
      });
    options.log.info(`search index ${engine.origin === 'cached' ? 'loaded from the cache' : engine.origin === 'prebuilt' ? 'loaded' : 'built'} for ${papers.length} papers in ${Date.now() - started} ms (${engine.home === 'worker' ? 'in the search worker' : 'on the extension host'})`);
    return engine;
  };
}

/**
 * Runs the making of an index with its progress going to the request (the quick pick shows it) and,
 * for a long one, to a progress report the user can cancel. `isCancelled` is true once the user
 * cancelled or the papers went stale.
 */
function underProgress<T>(options: PaperIndexLoaderOptions, request: IndexRequest, task: (report: (percent: number) => void, isCancelled: () => boolean) => Promise<T>): Promise<T> {
  const count = request.papers.length;
  if (count < (options.longBuildPapers ?? LONG_BUILD_PAPERS)) return task((percent) => request.report?.(percent), () => request.isStale());
  return options.withProgress(`Paper Scout: indexing ${count.toLocaleString('en-US')} papers`, (report, userCancelled) => {
    let reported = 0;
    return task((percent) => {
      const whole = Math.floor(percent);
      if (whole > reported) report(whole);
      reported = Math.max(reported, whole);
      request.report?.(whole);
    }, () => request.isStale() || userCancelled());
  });
}

async function loadPrebuilt(options: PaperIndexLoaderOptions, papers: readonly Paper[]): Promise<PaperIndex | undefined> {
  try {
    return PaperIndex.load(await options.readPrebuilt(), papers);
  } catch (error) {
    options.log.warn(`prebuilt index ${options.prebuiltName} not used (${error instanceof Error ? error.message : String(error)}); building one`);
    return undefined;
  }
}

/** Builds on this thread in slices that give it back. */
function buildOnThread(papers: readonly Paper[], isCancelled: () => boolean, report: (percent: number) => void): Promise<PaperIndex> {
  return PaperIndex.buildAsync(papers, { isCancelled, onProgress: (progress) => report(percentDone(progress)) });
}
