import type { Paper } from '../types';

/**
 * What a saved index depends on besides the papers: bump it whenever the index options, the
 * tokenizer, the stemmer or the vocabulary change, so an index cached by an older engine is not used.
 */
export const INDEX_FORMAT = 'minisearch7-paper-scout-2';

/**
 * A key for the content of `papers` (every field, in order) and the index format: two 32-bit FNV-1a
 * hashes with different seeds, and the count. Equal papers give equal keys; a cached index is filed
 * under it. Linear in the papers' text.
 */
export function papersContentKey(papers: readonly Paper[]): string {
  let first = 0x811c9dc5;
  let second = 0x01234567;
  const add = (text: string): void => {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    first = Math.imul(first ^ 10, 0x01000193);
    second = Math.imul(second ^ 10, 0x5bd1e995);
  };
  add(INDEX_FORMAT);
  for (const paper of papers) add(JSON.stringify(paper));
  return `${papers.length}-${hex(first)}${hex(second)}`;
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
