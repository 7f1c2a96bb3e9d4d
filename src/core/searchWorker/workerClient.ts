import { CancelledError } from '../cancellation';
import type { Paper } from '../types';
import type { QueryFilters, QueryProblem } from '../search/queryFilters';
import { type SavedIndexBytes, type TextSource, transferable, type WorkerHit, type WorkerQueryOptions, type WorkerRequest, type WorkerResponse } from './workerProtocol';

/** A worker as the client sees it: a Node `Worker` or a web `Worker`, adapted. */
export interface WorkerPort {
  /** Sends a message; the buffers in `transfer` move to the worker instead of being copied. */
  postMessage(message: WorkerRequest, transfer?: ArrayBuffer[]): void;
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
const CHUNK = 200;

/**
 * Talks to the search worker (`SearchWorkerHandler` behind a Node or web worker) with promises: the
 * index loads or builds off the caller's thread, and queries are answered there, so a large corpus
 * never blocks the extension host.
 */
export class SearchWorkerClient {
  private nextId = 1;
  private failure: string | undefined;
  private stopped = false;
  private failureListeners: ((reason: string) => void)[] = [];
  private readonly waiting = new Map<number, { resolve: (message: WorkerResponse) => void; reject: (error: Error) => void; onProgress?: (progress: WorkerProgress) => void }>();

  constructor(private readonly port: WorkerPort) {
    port.onMessage((message) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      if (message.type === 'progress') return waiter.onProgress?.(message);
      this.waiting.delete(message.id);
      if (message.type === 'error') waiter.reject(message.cancelled ? new CancelledError('the build in the search worker was cancelled') : new Error(message.message));
      else waiter.resolve(message);
    });
    port.onFailure?.((reason) => this.failAll(reason));
  }

  /** Why the worker stopped, once it has (every request then fails with it). */
  get failed(): string | undefined {
    return this.failure;
  }

  /** Calls `listener` once when the worker fails or is stopped. */
  onDidFail(listener: (reason: string) => void): void {
    if (this.failure !== undefined) listener(this.failure);
    else this.failureListeners.push(listener);
  }

  /** Opens a corpus file in the worker with its saved index, or builds one when none is given. */
  async open(corpus: TextSource, index?: { index: TextSource; vocabulary: TextSource }, onProgress?: (progress: WorkerProgress) => void): Promise<WorkerReady> {
    return (await this.request({ type: 'open', id: 0, corpus, index }, onProgress)) as WorkerReady;
  }

  /**
   * Sends `papers` to the worker to be indexed: in chunks with a pause between them, so copying them
   * never blocks this thread for long. Stops with a `CancelledError` once `isCancelled()` is true.
   */
  async add(papers: readonly Paper[], isCancelled: () => boolean = () => false): Promise<void> {
    for (let at = 0; at < papers.length; at += CHUNK) {
      if (isCancelled()) throw new CancelledError();
      await this.request({ type: 'add', id: 0, papers: papers.slice(at, at + CHUNK) });
    }
  }

  /** The content key of the papers added (`papersContentKey`), computed in the worker. */
  async fingerprint(): Promise<string> {
    const message = await this.request({ type: 'fingerprint', id: 0 });
    if (message.type !== 'fingerprint') throw new Error(`unexpected answer from the search worker: ${message.type}`);
    return message.key;
  }

  /** Loads a saved index for the papers added; its buffers move to the worker. Rejects when it does not fit them. */
  async load(saved: SavedIndexBytes): Promise<WorkerReady> {
    return (await this.request({ type: 'load', id: 0, saved }, undefined, transferable(saved))) as WorkerReady;
  }

  /** Builds the index over the papers added, in slices in the worker, reporting progress. */
  async buildAdded(onProgress?: (progress: WorkerProgress) => void): Promise<WorkerReady> {
    return (await this.request({ type: 'build', id: 0 }, onProgress)) as WorkerReady;
  }

  /** Builds an index over `papers` in the worker: `add`, then `buildAdded`. */
  async build(papers: readonly Paper[], onProgress?: (progress: WorkerProgress) => void): Promise<WorkerReady> {
    await this.add(papers);
    return this.buildAdded(onProgress);
  }

  /** The worker's index as bytes, to keep in a cache (moved here, not copied). */
  async save(): Promise<SavedIndexBytes> {
    const message = await this.request({ type: 'save', id: 0 });
    if (message.type !== 'saved') throw new Error(`unexpected answer from the search worker: ${message.type}`);
    return message.saved;
  }

  /** Stops a build in progress (it then fails with a `CancelledError`). */
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

  /** Stops the worker (once); pending requests fail. */
  async dispose(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.failAll('the search worker was stopped');
    await this.port.terminate();
  }

  private failAll(reason: string): void {
    this.failure ??= reason;
    for (const listener of this.failureListeners) listener(reason);
    this.failureListeners = [];
    for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
    this.waiting.clear();
  }

  private answer(message: WorkerResponse): WorkerAnswer {
    if (message.type !== 'results') throw new Error(`unexpected answer from the search worker: ${message.type}`);
    return { hits: message.hits, filters: message.filters, problems: message.problems, ms: message.ms };
  }

  private request(request: WorkerRequest, onProgress?: (progress: WorkerProgress) => void, transfer?: ArrayBuffer[]): Promise<WorkerResponse> {
    if (this.failure !== undefined) return Promise.reject(new Error(this.failure));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, onProgress });
      this.port.postMessage({ ...request, id }, transfer);
    });
  }
}
