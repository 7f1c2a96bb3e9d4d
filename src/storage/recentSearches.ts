import type * as vscode from 'vscode';
import { addRecentSearch, recentSearchesSchema, removeRecentSearch, tidyRecentSearches } from '../core/storage/recentSearchList';
import { StoredValue } from './storedValue';

/**
 * The searches whose results the user used, newest first, kept in `globalState` so they survive a
 * reload. They are not registered with `setKeysForSync`: what was looked up on one machine is local
 * history, not a preference worth carrying to the others.
 */
export class RecentSearches {
  /** The `globalState` key. */
  static readonly key = 'recentSearches';
  private readonly stored: StoredValue<string[]>;

  constructor(globalState: vscode.Memento, log: vscode.LogOutputChannel) {
    this.stored = new StoredValue(globalState, RecentSearches.key, recentSearchesSchema, [], 'recent searches', log);
  }

  /** The remembered queries, newest first (at most eight, no repeats). */
  list(): string[] {
    return tidyRecentSearches(this.stored.get());
  }

  /** Remembers `query` as the newest search (an empty or overlong one is not remembered). */
  async add(query: string): Promise<void> {
    await this.save(addRecentSearch(this.list(), query));
  }

  /** Forgets one query. */
  async remove(query: string): Promise<void> {
    await this.save(removeRecentSearch(this.list(), query));
  }

  /** Forgets them all. */
  async clear(): Promise<void> {
    await this.stored.set([]);
  }

  private async save(next: string[]): Promise<void> {
    const current = this.stored.get();
    if (current.length === next.length && current.every((query, index) => query === next[index])) return;
    await this.stored.set(next);
  }
}
