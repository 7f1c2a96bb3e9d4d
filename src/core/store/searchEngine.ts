/**
 * The search engine as the views use it: every answer is a promise, because the index may live in the
 * search worker (a large corpus) or on this thread (the bundled corpus, small corpora, or where no
 * worker can start). Both kinds answer exactly as `PaperIndex` does.
 */
import { parseQuery } from '../search/queryFilters';
import type { PaperIndex, SearchOutcome, SearchResult } from '../search/paperIndex';
import type { SearchWorkerClient, WorkerAnswer } from '../searchWorker/workerClient';
import type { WorkerQueryOptions } from '../searchWorker/workerProtocol';
import type { Paper } from '../types';

/** What a query may ask (`QueryOptions` without `tuning`, which only measurements change). */
export type EngineQueryOptions = WorkerQueryOptions;

/** Where an index lives: on the calling thread, or in the search worker. */
export type EngineHome = 'thread' | 'worker';

/** How an index came to be: the prebuilt one loaded, built now, or loaded from the cache of earlier builds. */
export type EngineOrigin = 'prebuilt' | 'built' | 'cached';

/** What the views ask of a search index. */
export interface SearchEngine {
  /** Number of papers indexed. */
  readonly size: number;
  readonly home: EngineHome;
  readonly origin: EngineOrigin;
  /** Papers ranked for what the user typed, with the filters applied and what was not understood. */
  find(query: string, options?: EngineQueryOptions): Promise<SearchOutcome>;
  /** Papers ranked for what the user typed, best first. */
  search(query: string, options?: EngineQueryOptions): Promise<SearchResult[]>;
  /** Papers like the one with this id, best first. */
  related(paperId: string, limit?: number): Promise<SearchResult[]>;
  /** Papers for a citation being typed (`PaperIndex.complete`): at most 50, best first. */
  complete(text: string, limit?: number): Promise<SearchResult[]>;
  /** Calls `listener` once if the engine stops working (its worker died). */
  onDidFail?(listener: (reason: string) => void): void;
  /** Releases what the engine holds (stops its worker). */
  dispose?(): void;
}

/** An engine over an index on this thread. */
export function threadEngine(index: PaperIndex, origin: EngineOrigin = 'built'): SearchEngine {
  return {
    size: index.size,
    home: 'thread',
    origin,
    find: async (query, options) => index.find(query, options),
    search: async (query, options) => index.search(query, options),
    related: async (paperId, limit) => index.related(paperId, limit),
    complete: async (text, limit) => index.complete(text, limit),
  };
}

/**
 * An engine over the index in the search worker behind `client`, made for `papers` (which it hands out
 * by id). `onFailedQuery` hears of each query the worker answered with an error (not of a stopped worker).
 */
export function workerEngine(client: SearchWorkerClient, papers: readonly Paper[], origin: EngineOrigin, onFailedQuery?: (error: Error) => void): SearchEngine {
  const byId = new Map<string, Paper>();
  for (const paper of papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
  const results = (answer: WorkerAnswer): SearchResult[] => {
    const found: SearchResult[] = [];
    for (const hit of answer.hits) {
      const paper = byId.get(hit.id);
      if (paper) found.push({ paper, score: hit.score, terms: hit.terms, snippet: hit.snippet });
    }
    return found;
  };
  const asked = async <T>(question: Promise<T>): Promise<T> => {
    try {
      return await question;
    } catch (error) {
      if (client.failed === undefined && error instanceof Error) onFailedQuery?.(error);
      throw error;
    }
  };
  const find = async (query: string, options?: EngineQueryOptions): Promise<SearchOutcome> => {
    const answer = await asked(client.search(query, options));
    return { results: results(answer), filters: answer.filters ?? parseQuery(query).filters, problems: answer.problems };
  };
  let disposed = false;
  return {
    size: byId.size,
    home: 'worker',
    origin,
    find,
    search: async (query, options) => (await find(query, options)).results,
    related: async (paperId, limit) => results(await asked(client.related(paperId, limit))),
    complete: async (text, limit) => results(await asked(client.complete(text, limit))),
    // Stopping the worker on purpose is not a failure.
    onDidFail: (listener) => client.onDidFail((reason) => { if (!disposed) listener(reason); }),
    dispose: () => {
      disposed = true;
      void client.dispose();
    },
  };
}
