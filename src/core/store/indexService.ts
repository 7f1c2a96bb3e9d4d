/**
 * The search index behind one small surface: `ready()` for the index of the papers in force,
 * `current()` for it when it is already there, `invalidate()` when the papers change. How the index is
 * made (loaded from a prebuilt file, built in slices, in a worker) is the injected `IndexLoader`'s
 * business, so the engine can change without touching the store or the views.
 */
import type { QueryOptions, SearchResult } from '../search/paperIndex';
import type { Paper } from '../types';

/** What the views ask of a search index. */
export interface SearchEngine {
  /** Papers ranked for what the user typed, best first. */
  search(query: string, options?: QueryOptions): SearchResult[];
  /** Papers like the one with this id, best first. */
  related(paperId: string, limit?: number): SearchResult[];
}

/** The papers to index, and whether they are the bundled papers exactly as shipped (a prebuilt index fits those). */
export interface IndexRequest {
  papers: readonly Paper[];
  bundled: boolean;
  /** True once the papers have changed (the index would be stale): the loader may stop early. */
  isStale(): boolean;
}

/** Makes the index for a request; rejects with `IndexCancelledError` when the user cancelled it. */
export type IndexLoader<E> = (request: IndexRequest) => Promise<E>;

/** A build the user cancelled: not a failure, nothing to report beyond leaving the index unbuilt. */
export class IndexCancelledError extends Error {
  constructor(message = 'indexing was cancelled') {
    super(message);
    this.name = 'IndexCancelledError';
  }
}

/** True when `error` means the user cancelled indexing. */
export function isIndexCancelled(error: unknown): boolean {
  return error instanceof IndexCancelledError;
}

/**
 * One index for the papers in force. Callers waiting while the papers change get the index of the new
 * papers, never a stale one; a cancelled or failed build rejects every waiter once and the next
 * `ready()` tries again.
 */
export class IndexService<E> {
  private engine: E | undefined;
  private pending: Promise<E> | undefined;
  /** Bumped by `invalidate()`: a build started under an older generation is stale. */
  private generation = 0;

  constructor(
    private readonly load: IndexLoader<E>,
    /** The papers in force and whether they are the bundled ones as shipped. */
    private readonly papers: () => { papers: readonly Paper[]; bundled: boolean },
  ) {}

  /** The index, when it is built for the papers in force. */
  current(): E | undefined {
    return this.engine;
  }

  /** The index for the papers in force, made once and shared by every caller. */
  ready(): Promise<E> {
    if (this.engine) return Promise.resolve(this.engine);
    this.pending ??= this.build().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets the index: the papers changed. A build under way is told it is stale and made again. */
  invalidate(): void {
    this.generation++;
    this.engine = undefined;
  }

  private async build(): Promise<E> {
    for (;;) {
      const generation = this.generation;
      const { papers, bundled } = this.papers();
      const isStale = (): boolean => generation !== this.generation;
      try {
        const engine = await this.load({ papers, bundled, isStale });
        if (!isStale()) {
          this.engine = engine;
          return engine;
        }
      } catch (error) {
        if (!isStale()) throw error;
      }
      // The papers changed while this build ran: build again for the new ones.
    }
  }
}
