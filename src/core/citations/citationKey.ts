import { UniqueNames } from '../uniqueNames';
import { asciiFold, readableTitle } from './latexText';

/**
 * Title words that never make a key on their own: articles, prepositions, conjunctions and the
 * question and framing words titles start with ("How ...", "Towards ...", "Is ...").
 */
const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'on', 'of', 'in', 'into', 'for', 'from', 'to', 'toward', 'towards', 'with',
  'without', 'via', 'by', 'at', 'as', 'and', 'or', 'but', 'nor', 'vs', 'versus', 'is', 'are', 'be',
  'do', 'does', 'can', 'how', 'what', 'when', 'where', 'which', 'who', 'why', 'it', 'its', 'this',
  'that', 'these', 'those', 'we', 'our', 'your', 'not', 'no', 'let', 'lets', 'beyond', 'under',
  'over', 'through', 'about', 'all', 'one', 'some', 'more', 'less', 'new', 'part',
]);

/**
 * The citation key a paper gets before clashes are resolved. The scheme, in one line:
 * `<word><year>` (`awq2023`), or `<word>_nd` when the year is unknown (`galore_nd`), where `<word>`
 * is lowercase ASCII letters and digits (LaTeX rendered, diacritics removed, other characters dropped).
 *
 * `<word>` is the title's first token when it looks like a name or acronym: it ends with a colon
 * (`GaLore: ...` → `galore`), has a capital after its first letter (`LoRA vs ...` → `lora`), a digit or
 * LaTeX (`S$^{2}$FT: ...` → `s2ft`). Otherwise it is the first significant word, skipping
 * articles, prepositions and similar stopwords (`Towards Greater Leverage ...` → `greater`); hyphenated
 * words stay whole (`Pre-training under ...` → `pretraining`). A title with no usable word gives `paper`.
 */
export function baseCitationKey(title: string, published: string | null): string {
  const year = /^(\d{4})/.exec(published ?? '')?.[1];
  return titleWord(title) + (year ?? '_nd');
}

/**
 * Unique citation keys for `papers`, in input order: each paper gets its base key (see
 * `baseCitationKey`), or on a clash the base key plus the first free suffix `a`, `b`, ... `z`, `aa`, ...
 * as BibTeX tools do (`awq2023`, `awq2023a`). Keys in `taken` (for example those already issued to the
 * bundled corpus) are never handed out again, so adding papers never changes an existing key as long
 * as earlier papers keep their order. Linear in the number of papers and taken keys (see `UniqueNames`).
 */
export function assignCitationKeys<T extends { title: string; published: string | null }>(
  papers: readonly T[],
  taken: Iterable<string> = [],
): string[] {
  const keys = uniqueKeys(taken);
  return papers.map((paper) => keys.claim(baseCitationKey(paper.title, paper.published)));
}

/** Citation keys as `assignCitationKeys` hands them out (claim a `baseCitationKey`), one at a time. */
export function uniqueKeys(taken: Iterable<string> = []): UniqueNames {
  return new UniqueNames(taken, (base, index) => base + letterSuffix(index));
}

/** The key word of a title, as described at `baseCitationKey`. */
function titleWord(title: string): string {
  const tokens = title.trim().split(/\s+/);
  const first = tokens[0] ?? '';
  const firstText = readableTitle(first).replace(/[.,;!?]+$/, '');
  const looksLikeName = /:$/.test(firstText) || /.\p{Lu}/u.test(firstText) || /\d/.test(firstText) || /[\\$^_{}]/.test(first);
  if (looksLikeName) {
    const folded = asciiFold(firstText);
    if (folded.length > 0) return folded;
  }
  for (const word of readableTitle(title).split(/[^\p{L}\p{N}'’-]+/u)) {
    const folded = asciiFold(word);
    if (folded.length > 0 && !STOPWORDS.has(folded)) return folded;
  }
  return 'paper';
}

/** `a`, `b`, ... `z`, `aa`, `ab`, ... for index 0, 1, ... */
function letterSuffix(index: number): string {
  let suffix = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  }
  return suffix;
}
