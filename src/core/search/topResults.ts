/** A paper a query matched: its id, score, and the index terms it matched. */
export interface Ranked {
  id: string;
  score: number;
  terms: string[];
}

/**
 * The best `limit` results seen so far, kept while MiniSearch hands results to the `filter` option
 * one by one, so MiniSearch never has to collect and sort every match of a common word. Results are
 * gathered up to twice the limit, then cut back to the best `limit`; anything no better than the last
 * one kept is turned away at once. Ties keep the order they came in.
 */
export class TopResults {
  private entries: Ranked[] = [];
  private cutoff = -Infinity;

  constructor(private readonly limit: number) {}

  /** Whether a result with this score would be kept. */
  wouldTake(score: number): boolean {
    return this.limit > 0 && score > this.cutoff;
  }

  /** Keeps `entry` if it may be among the best `limit`. */
  offer(entry: Ranked): void {
    if (!this.wouldTake(entry.score)) return;
    this.entries.push(entry);
    if (this.entries.length >= 2 * this.limit) this.cut();
  }

  /** The results kept, best first. */
  list(): Ranked[] {
    this.cut();
    return this.entries.slice();
  }

  private cut(): void {
    this.entries.sort((a, b) => b.score - a.score);
    if (this.entries.length >= this.limit) {
      this.entries.length = this.limit;
      this.cutoff = this.entries[this.limit - 1].score;
    }
  }
}
