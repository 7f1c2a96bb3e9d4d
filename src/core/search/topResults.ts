/** A paper a query matched: its id, score, and the index terms it matched. */
export interface Ranked {
  id: string;
  score: number;
  terms: string[];
}

/**
 * The best `limit` results seen so far, best first (ties keep the order they came in). Kept while
 * MiniSearch hands results to the `filter` option one by one, so MiniSearch never has to collect and
 * sort every match of a common word.
 */
export class TopResults {
  private readonly entries: Ranked[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a result with this score would be kept. */
  wouldTake(score: number): boolean {
    return this.limit > 0 && (this.entries.length < this.limit || score > this.entries[this.entries.length - 1].score);
  }

  /** Keeps `entry` if it is among the best `limit`. */
  offer(entry: Ranked): void {
    if (!this.wouldTake(entry.score)) return;
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle].score >= entry.score) low = middle + 1;
      else high = middle;
    }
    this.entries.splice(low, 0, entry);
    if (this.entries.length > this.limit) this.entries.pop();
  }

  /** The results kept, best first. */
  list(): Ranked[] {
    return this.entries.slice();
  }
}
