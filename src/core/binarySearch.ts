/** Binary search, the one implementation: over anything sorted, by a test that is true for a prefix of it. */

/**
 * The first index in `[from, count)` for which `isBefore` is false, where `isBefore` is true for every
 * index before some point and false from it on (the list is sorted by what it tests). `count` when it is
 * true for them all. O(log count) calls of `isBefore`.
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean, from = 0): number {
  let low = from;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the first string in `sorted` (from `from` on) that is not less than `value`: where `value` is, or would go. */
export function lowerBound(sorted: readonly string[], value: string, from = 0): number {
  return partitionPoint(sorted.length, (index) => sorted[index] < value, from);
}
