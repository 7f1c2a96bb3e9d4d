/** Half-open offset ranges `[start, end)` of text to skip, and a fast membership test. */
import { partitionPoint } from '../binarySearch';

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
  const next = partitionPoint(ranges.length, (index) => ranges[index][1] <= at);
  return next < ranges.length && ranges[next][0] <= at;
}
