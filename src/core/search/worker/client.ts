import type { Paper } from '../../types';
import type { QueryFilters, QueryProblem } from '../queryFilters';
import type { TextSource, WorkerHit, WorkerQueryOptions, WorkerRequest, WorkerResponse } from './protocol';

/** A worker as the client sees it: a Node `Worker` or a web `Worker`, adapted. */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  onMessage(listener: (message: WorkerResponse) => void): void;
  /** Called when the worker fails or stops on its own (pending requests then fail with the reason). */
  onFailure?(listener: (reason: string) => void): void;
  terminate(): void | Promise<unknown>;
}

/** The worker's index is ready: how many papers and terms, how long it took, loaded or built. */
export type WorkerReady = Extract<WorkerResponse, { type: 'ready' }>;

/** Answers to a search: hits by paper id, the filters applied, problems, and the worker's time in ms. */
export interface WorkerAnswer {
  hits: WorkerHit[];
  filters?: QueryFilters;
  problems: QueryProblem[];
  ms: number;
}

/** Progress of a load or build in the worker. */
export type WorkerProgress = Extract<WorkerResponse, { type: 'progress' }>;

/** Papers sent per `add` message when building in the worker. */
const CHUNK = 500;

/**
 * Talks to the search worker (`SearchWorkerHandler` behind a Node or web worker) with promises: the
 * index loads or builds off the caller's thread, and queries are answered there, so a large corpus
 * never blocks the extension host.
 */
export class SearchWorkerClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (message: WorkerResponse) => void; reject: (error: Error) => void; onProgress?: (progress: WorkerProgress) => void }>();

  constructor(private readonly port: WorkerPort) {
    port.onMessage((message) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      if (message.type === 'progress') return waiter.onProgress?.(message);
      this.waiting.delete(message.id);
      if (message.type === 'error') waiter.reject(new Error(message.message));
      else waiter.resolve(message);
    });
    port.onFailure?.((reason) => this.failAll(reason));
  }

  /** Opens a corpus file in the worker with its saved index, or builds one when none is given. */
  async open(corpus: TextSource, index?: { index: TextSource; vocabulary: TextSource }, onProgress?: (progress: WorkerProgress) => void): Promise<WorkerReady> {
    return (await this.request({ type: 'open', id: 0, corpus, index }, onProgress)) as WorkerReady;
  }

  /**
   * Builds an index over `papers` in the worker. Papers go over in chunks with a pause between them,
   * so copying them never blocks this thread for long.
   */
  async build(papers: readonly Paper[], onProgress?: (progress: WorkerProgress) => void): Promise<WorkerReady> {
    for (let at = 0; at < papers.length; at += CHUNK) {
      await this.request({ type: 'add', id: 0, papers: papers.slice(at, at + CHUNK) });
    }
    return (await this.request({ type: 'build', id: 0 }, onProgress)) as WorkerReady;
  }

  /** Stops a build in progress (it then fails with "cancelled"). */
  cancel(): void {
    this.port.postMessage({ type: 'cancel', id: this.nextId++ });
  }

  /** `PaperIndex.find` in the worker: hits by paper id, with the filters applied and the query's problems. */
  async search(query: string, options?: WorkerQueryOptions): Promise<WorkerAnswer> {
    return this.answer(await this.request({ type: 'search', id: 0, query, options }));
  }

  /** `PaperIndex.related` in the worker. */
  async related(paperId: string, limit?: number): Promise<WorkerAnswer> {
    return this.answer(await this.request({ type: 'related', id: 0, paperId, limit }));
  }

  /** `PaperIndex.complete` in the worker (citation completion). */
  async complete(text: string, limit?: number): Promise<WorkerAnswer> {
    return this.answer(await this.request({ type: 'complete', id: 0, text, limit }));
  }

  /** The worker's heap in MB (null when it cannot tell). */
  async heapMB(): Promise<number | null> {
    const message = await this.request({ type: 'stats', id: 0 });
    return message.type === 'stats' ? message.heapMB : null;
  }

  /** Stops the worker; pending requests fail. */
  async dispose(): Promise<void> {
    this.failAll('the search worker was stopped');
    await this.port.terminate();
  }

  private failAll(reason: string): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
    this.waiting.clear();
  }

  private answer(message: WorkerResponse): WorkerAnswer {
    if (message.type !== 'results') throw new Error(`unexpected answer from the search worker: ${message.type}`);
    return { hits: message.hits, filters: message.filters, problems: message.problems, ms: message.ms };
  }

  private request(request: WorkerRequest, onProgress?: (progress: WorkerProgress) => void): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, onProgress });
      this.port.postMessage({ ...request, id });
    });
  }
}
