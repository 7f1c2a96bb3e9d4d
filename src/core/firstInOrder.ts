/**
 * The first `limit` items that `accept` takes, in `compare` order (stable for equal items), in one
 * pass that keeps at most twice `limit` at a time: the newest papers of a corpus of 100,000 without
 * sorting it whole.
 */
export function firstInOrder<T>(items: Iterable<T>, compare: (a: T, b: T) => number, limit: number, accept: (item: T) => boolean = () => true): T[] {
  if (!(limit > 0)) return [];
  let kept: T[] = [];
  let worst: T | undefined;
  let full = false;
  const cut = (): void => {
    kept.sort(compare);
    if (kept.length >= limit) {
      kept = kept.slice(0, limit);
      worst = kept[limit - 1];
      full = true;
    }
  };
  for (const item of items) {
    if (!accept(item) || (full && compare(item, worst as T) >= 0)) continue;
    kept.push(item);
    if (kept.length >= 2 * limit) cut();
  }
  cut();
  return kept;
}
