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

/**
 * The index of the first value in `sorted` (from `from` on) that is not less than `value`: where `value` is,
 * or would go. Numbers and strings alike, compared with `<` (strings by UTF-16 code units, as
 * `Array.prototype.sort` orders them); typed arrays too.
 */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T, from = 0): number {
  return partitionPoint(sorted.length, (index) => sorted[index] < value, from);
}
