/**
 * The search index behind one small surface: `ready()` for the index of the papers in force,
 * `current()` for it when it is already there, `invalidate()` when the papers change. How the index is
 * made (loaded from a prebuilt file, built in slices, in a worker) is the injected `IndexLoader`'s
 * business, so the engine can change without touching the store or the views.
 */
import type { Paper } from '../types';
import { Emitter, type Disposable, type Event } from '../events';

export type { EngineHome, EngineOrigin, EngineQueryOptions, SearchEngine } from './searchEngine';

/** The papers to index, and whether they are the bundled papers exactly as shipped (a prebuilt index fits those). */
export interface IndexRequest {
  papers: readonly Paper[];
  bundled: boolean;
  /** True once the papers have changed (the index would be stale): the loader may stop early. */
  isStale(): boolean;
  /** Says how far the index is (0–100), for whoever waits on it (the quick pick shows it). */
  report?(percent: number): void;
}

/** An index being made: for how many papers, and how far it is (0–100; 0 until the loader reports). */
export interface IndexProgress {
  papers: number;
  percent: number;
}

/** Makes the index for a request; rejects with `CancelledError` when the user cancelled it. */
export type IndexLoader<E> = (request: IndexRequest) => Promise<E>;

/** What an engine may have besides its queries: a way to release it, and word of its failure. */
interface EngineLife {
  dispose?(): void;
  onDidFail?(listener: (reason: string) => void): void;
}

function lifeOf(engine: unknown): EngineLife | undefined {
  return typeof engine === 'object' && engine !== null ? engine : undefined;
}

/**
 * One index for the papers in force. Callers waiting while the papers change get the index of the new
 * papers, never a stale one; a cancelled or failed build rejects every waiter once and the next
 * `ready()` tries again.
 */
export class IndexService<E> implements Disposable {
  private engine: E | undefined;
  private pending: Promise<E> | undefined;
  /** Bumped by `invalidate()`: a build started under an older generation is stale. */
  private generation = 0;
  private progressValue: IndexProgress | undefined;
  private readonly progressEmitter = new Emitter<IndexProgress | undefined>();
  /** Fires when an index starts being made, as it gets on, and (with undefined) when it is done or given up. */
  readonly onDidProgress: Event<IndexProgress | undefined> = this.progressEmitter.event;

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

  /**
   * Asks the index for the papers in force; asks again, of the new index, when the one asked went away
   * meanwhile (the papers changed, or its worker stopped). Rejects with what a current index answered.
   */
  async ask<T>(question: (engine: E) => Promise<T>): Promise<T> {
    for (;;) {
      const engine = await this.ready();
      try {
        return await question(engine);
      } catch (error) {
        if (this.engine === engine) throw error;
      }
    }
  }

  /** The index being made, while it is (undefined once it is there, or when nothing is being made). */
  progress(): IndexProgress | undefined {
    return this.progressValue;
  }

  /** Forgets the index: the papers changed. A build under way is told it is stale and made again. */
  invalidate(): void {
    this.generation++;
    const old = this.engine;
    this.engine = undefined;
    lifeOf(old)?.dispose?.();
  }

  private async build(): Promise<E> {
    try {
      for (;;) {
        const generation = this.generation;
        const { papers, bundled } = this.papers();
        const isStale = (): boolean => generation !== this.generation;
        this.setProgress({ papers: papers.length, percent: 0 });
        const report = (percent: number): void => {
          const whole = Math.max(0, Math.min(100, Math.floor(percent)));
          if (!isStale() && this.progressValue && whole > this.progressValue.percent) this.setProgress({ papers: papers.length, percent: whole });
        };
        try {
          const engine = await this.load({ papers, bundled, isStale, report });
          if (!isStale()) {
            this.engine = engine;
            // A worker that dies takes its index with it: the next `ready()` makes a new one.
            lifeOf(engine)?.onDidFail?.(() => { if (this.engine === engine) this.invalidate(); });
            return engine;
          }
          lifeOf(engine)?.dispose?.();
        } catch (error) {
          if (!isStale()) throw error;
        }
        // The papers changed while this build ran: build again for the new ones.
      }
    } finally {
      this.setProgress(undefined);
    }
  }

  private setProgress(progress: IndexProgress | undefined): void {
    if (progress === undefined && this.progressValue === undefined) return;
    this.progressValue = progress;
    this.progressEmitter.fire(progress);
  }

  /** Stops the index (and its worker) and any listeners. */
  dispose(): void {
    this.invalidate();
    this.progressEmitter.dispose();
  }
}
