/**
 * A stable sort in steps, for work that must give the thread back: runs of `run` items are sorted one
 * per step, then merged pairwise with a step every `run` items merged. O(n log n) in all; no step does
 * more than sort or merge `run` items, so 100,000 items never hold the thread for one long sort.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 2000): Generator<void, T[]> {
  const size = Math.max(1, Math.floor(run));
  let source = items.slice();
  for (let start = 0; start < source.length; start += size) {
    const sorted = source.slice(start, start + size).sort(compare);
    for (let offset = 0; offset < sorted.length; offset += 1) source[start + offset] = sorted[offset];
    yield;
  }
  let target = new Array<T>(source.length);
  let merged = 0;
  for (let width = size; width < source.length; width *= 2) {
    for (let left = 0; left < source.length; left += 2 * width) {
      const middle = Math.min(left + width, source.length);
      const right = Math.min(left + 2 * width, source.length);
      let from = left;
      let other = middle;
      for (let at = left; at < right; at += 1) {
        // Ties take the left run's item first: the sort stays stable.
        if (other >= right || (from < middle && compare(source[from], source[other]) <= 0)) target[at] = source[from++];
        else target[at] = source[other++];
        if (++merged % size === 0) yield;
      }
    }
    [source, target] = [target, source];
  }
  return source;
}
