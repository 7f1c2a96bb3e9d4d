/**
 * The searches of the live quick pick, one per keystroke: the newest query wins, the pick is busy only
 * while the index is being made, and an index build that is cancelled or fails ends the busy state
 * with a message, never leaving the pick spinning or a rejection unhandled. Pure (no `vscode`): the
 * quick pick is behind `LiveSearchView`, so this is tested without VS Code.
 */
import type { QueryOptions, SearchResult } from '../core/search/paperIndex';
import { isIndexCancelled, type SearchEngine } from '../core/store/indexService';

/** The index as the search needs it (the store's `IndexService` is one). */
export interface SearchIndex {
  current(): SearchEngine | undefined;
  ready(): Promise<SearchEngine>;
}

/** Why a search has no results to show: the index was cancelled, or could not be made. */
export interface IndexProblem {
  cancelled: boolean;
  message: string;
}

/** What the search shows (the quick pick). */
export interface LiveSearchView {
  setBusy(busy: boolean): void;
  showResults(query: string, results: SearchResult[]): void;
  showIndexProblem(query: string, problem: IndexProblem): void;
}

/** Runs the searches of one quick pick. */
export class LiveSearch {
  private generation = 0;

  constructor(private readonly index: SearchIndex, private readonly view: LiveSearchView) {}

  /** Drops the search under way: its results will not be shown. */
  cancel(): void {
    this.generation++;
    this.view.setBusy(false);
  }

  /**
   * Searches `query` and shows the results, unless a newer search has taken over by then. Waits for
   * the index when it is not made yet (busy meanwhile). Never rejects.
   */
  async search(query: string, options: QueryOptions = {}): Promise<void> {
    const generation = ++this.generation;
    const isCurrent = (): boolean => generation === this.generation;
    try {
      let engine = this.index.current();
      if (!engine) {
        this.view.setBusy(true);
        engine = await this.index.ready();
        if (!isCurrent()) return;
      }
      this.view.showResults(query, engine.search(query, options));
    } catch (error) {
      if (!isCurrent()) return;
      this.view.showIndexProblem(query, { cancelled: isIndexCancelled(error), message: error instanceof Error ? error.message : String(error) });
    }
    this.view.setBusy(false);
  }
}
