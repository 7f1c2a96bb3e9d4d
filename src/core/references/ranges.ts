/** Half-open offset ranges `[start, end)` of text to skip, and a fast membership test. */
import { lowerBound, partitionPoint } from '../binarySearch';

/** A half-open range of offsets: `start` is in it, `end` is not. */
export type Range = readonly [start: number, end: number];

/**
 * The ranges of all the lists sorted by start, with overlapping and touching ones joined. Takes the
 * lists as they are (no spreading into arguments, which overflows the stack on data-sized lists).
 */
export function mergeRanges(...lists: ReadonlyArray<readonly Range[]>): Range[] {
  const sorted: Range[] = [];
  for (const list of lists) for (const range of list) sorted.push(range);
  sorted.sort((a, b) => a[0] - b[0]);
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

/**
 * Where one character occurs in a text, listed once, so that "the next one at or after this offset"
 * costs a binary search whatever order the questions come in. A scanner that asked `indexOf` instead
 * would re-read the same stretch for every unclosed bracket before it (quadratic on `\cite[` repeated).
 */
export class CharPositions {
  private positions: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The offset of the first `char` at or after `from`, or Infinity when there is none. */
  after(from: number): number {
    const positions = (this.positions ??= listPositions(this.text, this.char));
    const at = lowerBound(positions, from);
    return at < positions.length ? positions[at] : Number.POSITIVE_INFINITY;
  }
}

function listPositions(text: string, char: string): Int32Array {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  const positions = new Int32Array(count);
  let next = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) positions[next++] = at;
  return positions;
}
