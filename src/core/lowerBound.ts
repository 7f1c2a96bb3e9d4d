/**
 * The first position in a sorted list whose value is not below `value` (the list's length when there is
 * none), by binary search from `from`: where `value` is, or would go. Numbers and strings alike, compared
 * with `<` (strings by UTF-16 code units, as `Array.prototype.sort` orders them).
 */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T, from = 0): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
