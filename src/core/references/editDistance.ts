/** Longest key the edit-distance check works on; a longer one is compared by title words only. */
export const MAX_FUZZY_TERM_LENGTH = 64;

const rows = [new Int32Array(MAX_FUZZY_TERM_LENGTH + 3), new Int32Array(MAX_FUZZY_TERM_LENGTH + 3), new Int32Array(MAX_FUZZY_TERM_LENGTH + 3)];

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of two
 * neighbouring letters as one edit each ("perceptorn" is one edit from "perceptron"), or `max + 1` as
 * soon as the distance is known to exceed `max`. Both strings must be at most
 * {@link MAX_FUZZY_TERM_LENGTH} long.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  let previous2 = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = previous[j - 1] + cost;
      const deletion = previous[j] + 1;
      if (deletion < value) value = deletion;
      const insertion = current[j - 1] + 1;
      if (insertion < value) value = insertion;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = previous2[j - 2] + 1;
        if (swap < value) value = swap;
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[m];
  return distance > max ? max + 1 : distance;
}
