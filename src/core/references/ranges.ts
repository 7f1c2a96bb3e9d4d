/** Half-open offset ranges `[start, end)` of text to skip, and a fast membership test. */

/** A half-open range of offsets: `start` is in it, `end` is not. */
export type Range = readonly [start: number, end: number];

/** The ranges sorted by start, with overlapping and touching ones joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** True when `at` lies in one of `ranges`, which must be merged (see `mergeRanges`). */
export function inRanges(ranges: readonly Range[], at: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][1] <= at) low = middle + 1;
    else if (ranges[middle][0] > at) high = middle - 1;
    else return true;
  }
  return false;
}
