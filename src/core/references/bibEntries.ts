/**
 * Key definitions in a BibTeX or BibLaTeX database: each `@type{key,` (or `@type(key,`) entry, except
 * `@string`, `@preamble` and `@comment`, which define no citation key.
 */
import type { KeySpan } from './keyOccurrences';

const ENTRY = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^\s,{}()"#%'=\\]+)[ \t]*,/gm;
const NOT_ENTRIES: ReadonlySet<string> = new Set(['string', 'preamble', 'comment']);

/** The keys a `.bib` text defines, where each entry's key stands. */
export function scanBib(text: string): KeySpan[] {
  const found: KeySpan[] = [];
  for (const match of text.matchAll(ENTRY)) {
    if (NOT_ENTRIES.has(match[1].toLowerCase())) continue;
    found.push({ key: match[2], offset: match.index + match[0].lastIndexOf(match[2]), kind: 'definition' });
  }
  return found;
}
