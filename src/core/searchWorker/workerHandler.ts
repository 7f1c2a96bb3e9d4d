import { loadCorpus } from '../corpus/schema';
import type { Paper } from '../types';
import { papersContentKey } from '../search/contentKey';
import { CancelledError, isCancellation } from '../cancellation';
import { type BuildProgress, PaperIndex, type SearchResult } from '../search/paperIndex';
import { type SavedIndexBytes, type TextSource, transferable, type WorkerHit, type WorkerRequest, type WorkerResponse } from './workerProtocol';

/** What the worker's host provides: how to answer, how to read a source, how big the heap is. */
export interface WorkerHost {
  /** Sends a message; the buffers in `transfer` move to the receiver instead of being copied. */
  post(message: WorkerResponse, transfer?: ArrayBuffer[]): void;
  readText(source: TextSource): Promise<string>;
  /** Heap in use in MB, or null when the runtime cannot say. */
  heapMB(): number | null;
}

/**
 * From this many papers a build first makes a quick index without the abstracts (`buildQuickAsync`),
 * answers `ready` with it, and builds the whole index after, answering queries meanwhile: a library of
 * 10,000 entries, half with abstracts, is searchable by title, key, author and venue in a fraction of
 * the time MiniSearch takes to index its abstracts (docs/library.md has the figures).
 */
export const QUICK_FIRST_PAPERS = 5000;

/** Changes asked for while the whole index was being built, made to it before it replaces the quick one. */
interface PendingUpdate {
  removed: string[];
  added: Paper[];
}

/**
 * The search worker's logic, free of any runtime: it opens a corpus with its saved index (or builds
 * one, in slices, cancellably) and answers searches, related papers and completions by message. The
 * Node and web entries only wire it to their message port and file or URL reading.
 */
export class SearchWorkerHandler {
  private index: PaperIndex | undefined;
  /** The content key of the papers the index holds (what it is saved with, and checked against when loaded). */
  private indexKey: string | undefined;
  private pending: Paper[] = [];
  /** The content key of the papers added, once asked for (adding more papers forgets it). */
  private pendingKey: string | undefined;
  private cancelled = false;
  /** Counts the indexes made: a whole index finished after another was made is not used. */
  private generation = 0;
  /** While the whole index is built after a quick one: the updates made meanwhile, and a save asked for. */
  private completing: { updates: PendingUpdate[]; saveId?: number } | undefined;

  constructor(private readonly host: WorkerHost, private readonly quickFirstPapers = QUICK_FIRST_PAPERS) {}

  /** Handles one message; never throws (a failure is answered with an `error` message). */
  async handle(request: WorkerRequest): Promise<void> {
    try {
      await this.dispatch(request);
    } catch (error) {
      const cancelled = isCancellation(error);
      const message = cancelled ? 'cancelled' : error instanceof Error ? error.message : String(error);
      this.host.post({ type: 'error', id: request.id, message, cancelled });
    }
  }

  private async dispatch(request: WorkerRequest): Promise<void> {
    switch (request.type) {
      case 'open':
        return this.open(request.id, request.corpus, request.index);
      case 'add':
        this.pendingKey = undefined;
        for (const paper of request.papers) this.pending.push(paper);
        this.host.post({ type: 'added', id: request.id, papers: this.pending.length });
        return;
      case 'fingerprint':
        this.host.post({ type: 'fingerprint', id: request.id, key: this.keyOfPending() });
        return;
      case 'load':
        return this.loadSaved(request.id, request.saved);
      case 'build': {
        const key = this.keyOfPending();
        this.pendingKey = undefined;
        return this.build(request.id, this.pending.splice(0), key);
      }
      case 'save':
        // The whole index is saved once it is built (a quick one never is).
        if (this.completing) this.completing.saveId = request.id;
        else this.postSaved(request.id, this.ready());
        return;
      case 'cancel':
        this.cancelled = true;
        return;
      case 'search': {
        const started = performance.now();
        const outcome = this.ready().find(request.query, request.options ?? {});
        this.host.post({ type: 'results', id: request.id, hits: outcome.results.map(toHit), filters: outcome.filters, problems: outcome.problems, ms: performance.now() - started });
        return;
      }
      case 'related':
        return this.answer(request.id, () => this.ready().related(request.paperId, request.limit));
      case 'complete':
        return this.answer(request.id, () => this.ready().complete(request.text, request.limit));
      case 'update': {
        const started = performance.now();
        const index = this.ready();
        index.update(request.removed, request.added);
        this.completing?.updates.push({ removed: request.removed, added: request.added });
        this.host.post({ type: 'updated', id: request.id, papers: index.size, ms: performance.now() - started });
        return;
      }
      case 'stats':
        this.host.post({ type: 'stats', id: request.id, heapMB: this.host.heapMB(), papers: this.index?.size ?? 0 });
        return;
    }
  }

  private async open(id: number, corpus: TextSource, saved?: { index: TextSource; vocabulary: TextSource }): Promise<void> {
    const started = performance.now();
    const label = 'path' in corpus ? corpus.path : 'url' in corpus ? corpus.url : 'corpus';
    const { corpus: read, diagnostics } = loadCorpus(JSON.parse(await this.host.readText(corpus)), label);
    if (read.papers.length === 0 && diagnostics.length > 0) throw new Error(`${label}: no valid papers (${diagnostics[0].message})`);
    if (saved) {
      const [index, vocabulary] = await Promise.all([this.host.readText(saved.index), this.host.readText(saved.vocabulary)]);
      // The worker has its own thread: the synchronous load is the faster one here.
      this.index = PaperIndex.load({ index, vocabulary }, read.papers);
      this.generation++;
      this.indexKey = undefined;
      this.host.post({ type: 'ready', id, papers: this.index.size, terms: this.index.vocabularySize, ms: performance.now() - started, mode: 'loaded' });
      return;
    }
    await this.build(id, read.papers, undefined, started);
  }

  /** The content key of the papers added (computed once however often it is asked). */
  private keyOfPending(): string {
    this.pendingKey ??= papersContentKey(this.pending);
    return this.pendingKey;
  }

  /**
   * Loads a saved index for the papers added, checked to be made for them: their ids, and their
   * content (the content key it was saved with). On failure they stay, so a build can follow.
   */
  private loadSaved(id: number, saved: SavedIndexBytes): void {
    const started = performance.now();
    const decoder = new TextDecoder();
    const key = this.keyOfPending();
    this.index = undefined;
    this.index = PaperIndex.load({ index: decoder.decode(saved.index), vocabulary: decoder.decode(saved.vocabulary) }, this.pending, key);
    this.generation++;
    this.indexKey = key;
    this.pending = [];
    this.pendingKey = undefined;
    this.host.post({ type: 'ready', id, papers: this.index.size, terms: this.index.vocabularySize, ms: performance.now() - started, mode: 'loaded' });
  }

  /**
   * Builds the index over `papers`: from `quickFirstPapers` on, a quick one first (answered `ready`,
   * marked `quick`), then the whole one in slices while queries are answered (`completeIndex`).
   */
  private async build(id: number, papers: Paper[], key?: string, started = performance.now()): Promise<void> {
    this.cancelled = false;
    this.index = undefined;
    this.indexKey = key;
    this.answerPendingSave('another index is being built');
    this.completing = undefined;
    const generation = ++this.generation;
    const quick = papers.length >= this.quickFirstPapers;
    const options = { isCancelled: () => this.cancelled, onProgress: (progress: BuildProgress) => this.host.post({ type: 'progress', id, ...progress }) };
    const index = await (quick ? PaperIndex.buildQuickAsync(papers, options) : PaperIndex.buildAsync(papers, options));
    if (generation !== this.generation) throw new CancelledError('another index was made meanwhile');
    this.index = index;
    this.host.post({ type: 'ready', id, papers: index.size, terms: index.vocabularySize, ms: performance.now() - started, mode: 'built', quick });
    if (quick) void this.completeIndex(papers, generation);
  }

  /**
   * Builds the whole index after a quick one and puts it in its place: saved first when a save was
   * asked for (so the cache holds the index of the papers it is filed under), then given the updates
   * the quick index took meanwhile. Until then the quick index answers. A cancelled or failed build
   * leaves the quick index in force (a save asked for is answered with the error).
   */
  private async completeIndex(papers: Paper[], generation: number): Promise<void> {
    const completing: { updates: PendingUpdate[]; saveId?: number } = { updates: [] };
    this.completing = completing;
    try {
      const whole = await PaperIndex.buildAsync(papers, { isCancelled: () => this.cancelled || generation !== this.generation });
      if (generation !== this.generation) return;
      if (completing.saveId !== undefined) this.postSaved(completing.saveId, whole);
      completing.saveId = undefined;
      for (const update of completing.updates) whole.update(update.removed, update.added);
      this.index = whole;
    } catch (error) {
      if (this.completing === completing) this.answerPendingSave(isCancellation(error) ? 'the whole index was not built (cancelled)' : error instanceof Error ? error.message : String(error));
    } finally {
      if (this.completing === completing) this.completing = undefined;
    }
  }

  /** Answers a save waiting for the whole index with an error saying why it will not come. */
  private answerPendingSave(why: string): void {
    const id = this.completing?.saveId;
    if (id === undefined || !this.completing) return;
    this.completing.saveId = undefined;
    this.host.post({ type: 'error', id, message: `the search index was not saved: ${why}` });
  }

  private postSaved(id: number, index: PaperIndex): void {
    const saved = index.save(this.indexKey);
    const encoder = new TextEncoder();
    const bytes: SavedIndexBytes = { index: encoder.encode(saved.index), vocabulary: encoder.encode(saved.vocabulary) };
    this.host.post({ type: 'saved', id, saved: bytes }, transferable(bytes));
  }

  private answer(id: number, run: () => SearchResult[]): void {
    const started = performance.now();
    const hits = run().map(toHit);
    this.host.post({ type: 'results', id, hits, problems: [], ms: performance.now() - started });
  }

  private ready(): PaperIndex {
    if (!this.index) throw new Error('the search index is not ready: open or build it first');
    return this.index;
  }
}

function toHit(result: SearchResult): WorkerHit {
  return { id: result.paper.id, score: result.score, terms: result.terms, snippet: result.snippet };
}
