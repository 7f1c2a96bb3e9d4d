// The fixed query set of the benchmark: what people type into the search box.
import { KNOWN_ITEMS } from '../evaluation/search/knownItems';

/** A benchmark query and the kind of search it stands for. */
export interface BenchQuery {
  text: string;
  kind: 'typing' | 'prefix' | 'typo' | 'acronym' | 'description' | 'title words';
}

/** Phrases typed letter by letter: every prefix is a query, as a search-as-you-type box sends them. */
const TYPED = ['speculative decoding', 'low rank adaptation of llms', 'mixture of experts', 'kv cache compression', 'GaLore', 'scaling laws for quantization'];

/**
 * The known-item queries of the search tests (acronyms, prefixes, typos, descriptions, title words)
 * followed by every prefix of a few phrases typed letter by letter.
 */
export function benchQueries(): BenchQuery[] {
  const queries: BenchQuery[] = KNOWN_ITEMS.map((item) => ({ text: item.query, kind: item.kind }));
  for (const phrase of TYPED) for (let length = 1; length <= phrase.length; length++) queries.push({ text: phrase.slice(0, length), kind: 'typing' });
  return queries;
}

/** `count` queries spread evenly over `queries` (all of them when count >= length), so every kind is sampled. */
export function sampleQueries<T>(queries: readonly T[], count: number): T[] {
  if (count >= queries.length) return queries.slice();
  const step = queries.length / count;
  return Array.from({ length: count }, (_, i) => queries[Math.floor(i * step)]);
}
