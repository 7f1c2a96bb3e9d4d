import * as z from '../zod';

/** How many searches the quick pick remembers. */
export const RECENT_SEARCH_LIMIT = 8;

/** Longer queries are not remembered (the search takes 200 characters of a selection). */
export const MAX_RECENT_QUERY_LENGTH = 200;

/**
 * The stored list as it may be read back: an array of strings, none longer than a query can be. A few
 * more entries than the limit are accepted (and cut to it) so a build with a larger limit does not
 * leave a value this one resets.
 */
export const recentSearchesSchema = z.array(z.string().check(z.maxLength(MAX_RECENT_QUERY_LENGTH))).check(z.maxLength(RECENT_SEARCH_LIMIT * 8));

/**
 * A query as it is remembered: control characters dropped, white space trimmed and squeezed to single
 * spaces. Empty when nothing is left.
 */
export function normalizeQuery(query: string): string {
  // eslint-disable-next-line no-control-regex -- control characters become spaces
  return query.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether two queries are the same search (case does not count). */
export function sameQuery(a: string, b: string): boolean {
  return normalizeQuery(a).toLowerCase() === normalizeQuery(b).toLowerCase();
}

/**
 * `recent` with `query` first, an earlier spelling of it (in any case) removed, cut to `limit`. A query
 * that is empty or too long to remember leaves the list as it was.
 */
export function addRecentSearch(recent: readonly string[], query: string, limit = RECENT_SEARCH_LIMIT): string[] {
  const normalized = normalizeQuery(query);
  if (!normalized || normalized.length > MAX_RECENT_QUERY_LENGTH) return tidyRecentSearches(recent, limit);
  return tidyRecentSearches([normalized, ...recent], limit);
}

/** `recent` without `query` (in any case). */
export function removeRecentSearch(recent: readonly string[], query: string): string[] {
  return tidyRecentSearches(recent, Number.POSITIVE_INFINITY).filter((entry) => !sameQuery(entry, query));
}

/**
 * The list as the quick pick shows it: each entry normalized, empty and too-long entries dropped, a later
 * repeat of an earlier entry (in any case) dropped, at most `limit` entries.
 */
export function tidyRecentSearches(recent: readonly string[], limit = RECENT_SEARCH_LIMIT): string[] {
  const seen = new Set<string>();
  const tidy: string[] = [];
  for (const entry of recent) {
    if (tidy.length >= limit) break;
    const normalized = normalizeQuery(entry);
    const folded = normalized.toLowerCase();
    if (!normalized || normalized.length > MAX_RECENT_QUERY_LENGTH || seen.has(folded)) continue;
    seen.add(folded);
    tidy.push(normalized);
  }
  return tidy;
}
