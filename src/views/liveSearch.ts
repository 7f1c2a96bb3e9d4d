/**
 * The searches of the live quick pick, one per keystroke. Typing never waits on the index: while it
 * is being made the pick shows that (and how far it is), and the newest query runs once it is there.
 * At most one query is with the engine at a time (the index may be in the search worker); while it
 * runs, newer keystrokes replace each other and only the newest is asked next. An index build that is
 * cancelled or fails ends the busy state with a message, never leaving the pick spinning or a
 * rejection unhandled. Pure (no `vscode`): the quick pick is behind `LiveSearchView`, so this is
 * tested without VS Code.
 */
import type { SearchOutcome } from '../core/search/paperIndex';
import type { Disposable, Event } from '../core/events';
import { isCancellation } from '../core/cancellation';
import type { EngineQueryOptions, IndexProgress, SearchEngine } from '../core/store/indexService';

/** The index as the search needs it (the store's `IndexService` is one). */
export interface SearchIndex {
  current(): SearchEngine | undefined;
  ready(): Promise<SearchEngine>;
  /** The index being made, while it is. */
  progress(): IndexProgress | undefined;
  readonly onDidProgress: Event<IndexProgress | undefined>;
}

/** Why a search has no results to show: the index was cancelled, or could not be made. */
export interface IndexProblem {
  cancelled: boolean;
  message: string;
}

/** What the search shows (the quick pick). */
export interface LiveSearchView {
  setBusy(busy: boolean): void;
  /** The index is being made: what was typed, and how far the index is. */
  showIndexing(query: string, progress: IndexProgress): void;
  showResults(query: string, outcome: SearchOutcome): void;
  showIndexProblem(query: string, problem: IndexProblem): void;
}

/** A query waiting to be answered. */
interface Wanted {
  query: string;
  options: EngineQueryOptions;
}

/** How long the index may take before the pick says it is being made (the bundled one is there sooner). */
export const INDEXING_NOTICE_MS = 150;

/** Runs the searches of one quick pick. */
export class LiveSearch implements Disposable {
  private wanted: Wanted | undefined;
  private running: Promise<void> | undefined;
  /** While waiting for the index: shows how far it is for the newest query. */
  private indexingShown = false;
  private readonly subscription: Disposable;

  constructor(private readonly index: SearchIndex, private readonly view: LiveSearchView, private readonly noticeMs = INDEXING_NOTICE_MS) {
    this.subscription = index.onDidProgress((progress) => {
      if (progress && this.indexingShown && this.wanted) view.showIndexing(this.wanted.query, progress);
    });
  }

  /** Drops the search under way: its results will not be shown. */
  cancel(): void {
    this.wanted = undefined;
    this.view.setBusy(false);
  }

  /**
   * Searches `query` and shows the outcome, unless a newer search has taken over by then. Resolves
   * when no search is left to answer. Never rejects.
   */
  search(query: string, options: EngineQueryOptions = {}): Promise<void> {
    this.wanted = { query, options };
    this.view.setBusy(true);
    // Typing on while the index is made: the pick follows the text at once.
    const progress = this.indexingShown ? this.index.progress() : undefined;
    if (progress) this.view.showIndexing(query, progress);
    this.running ??= this.answer().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Answers the newest query until none is left. */
  private async answer(): Promise<void> {
    for (let wanted = this.wanted; wanted; wanted = this.wanted) {
      const engine = this.index.current() ?? (await this.waitForIndex(wanted));
      if (!engine) return;
      if (this.wanted !== wanted) continue; // typed on while the index was made: ask the newest
      try {
        const outcome = await engine.find(wanted.query, wanted.options);
        if (this.wanted === wanted) this.settle(() => this.view.showResults(wanted.query, outcome));
      } catch (error) {
        // An engine that went away (the papers changed, its worker stopped) is made again: ask again.
        if (this.index.current() === engine && this.wanted === wanted) this.settle(() => this.view.showIndexProblem(wanted.query, problemOf(error)));
      }
    }
  }

  /** Waits for the index, showing that it is being made once that takes a moment; undefined when it failed (shown). */
  private async waitForIndex(wanted: Wanted): Promise<SearchEngine | undefined> {
    const ready = this.index.ready();
    const notice = setTimeout(() => {
      this.indexingShown = true;
      const progress = this.index.progress();
      if (progress && this.wanted) this.view.showIndexing(this.wanted.query, progress);
    }, this.noticeMs);
    try {
      return await ready;
    } catch (error) {
      const newest = this.wanted ?? wanted;
      if (this.wanted) this.settle(() => this.view.showIndexProblem(newest.query, problemOf(error)));
      return undefined;
    } finally {
      clearTimeout(notice);
      this.indexingShown = false;
    }
  }

  private settle(show: () => void): void {
    this.wanted = undefined;
    show();
    this.view.setBusy(false);
  }

  dispose(): void {
    this.wanted = undefined;
    this.subscription.dispose();
  }
}

function problemOf(error: unknown): IndexProblem {
  return { cancelled: isCancellation(error), message: error instanceof Error ? error.message : String(error) };
}
