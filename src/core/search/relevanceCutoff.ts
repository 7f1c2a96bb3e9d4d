/**
 * Where a ranked list stops being worth reading: results scored below a share of the best one are
 * held back behind "show more", so a search lists what matched and not 50 rows padded with papers
 * that share one thesaurus word with the query. A separate piece over the engine's ranked results
 * (whatever ranks them); the search quality sets check that it never holds back the paper a
 * known-item query or a description was looking for. Pure.
 */

/**
 * A result scored below this share of the best score is held back. Measured on the quality sets
 * (test/unit/search/relevanceCutoff.test.ts): the papers looked for score at least 0.41 of the best
 * where they rank in the first ten, and the tail that drowned them (`quantizaton` ending with "Go Wider
 * Instead of Deeper") scores 0.04 and less.
 */
export const RELEVANCE_FLOOR = 0.1;

/** A ranked list cut where relevance falls off: what to show, and what "show more" reveals (both in the given order). */
export interface CutList<T> {
  shown: T[];
  more: T[];
}

/**
 * `results` split at the relevance floor: those scoring at least `floor` times the best score are
 * shown, the others held back, each in the order given (a list sorted by date stays so). Results
 * that all score alike (a filter-only query, where every score is 0) are all shown.
 */
export function cutAtRelevance<T extends { score: number }>(results: readonly T[], floor = RELEVANCE_FLOOR): CutList<T> {
  let best = 0;
  for (const result of results) if (result.score > best) best = result.score;
  if (!(best > 0)) return { shown: [...results], more: [] };
  const threshold = best * floor;
  const shown: T[] = [];
  const more: T[] = [];
  for (const result of results) (result.score >= threshold ? shown : more).push(result);
  return { shown, more };
}
