/** Words too common in ML abstracts and English to help a search; dropped from index and queries. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into ' +
    'is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some ' +
    'such than that the their theirs them then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours via using use used based new paper propose proposed show shows ' +
    'however thus therefore moreover furthermore well may might must us one two often across within without among upon whether yet')
    .split(' '),
);

/** Suffixes the stemmer strips, longest first, with what replaces them. */
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['izations', ''], ['ization', ''], ['isation', ''], ['ational', ''], ['ionally', 'ion'], ['ations', ''], ['ional', 'ion'], ['ation', ''],
  ['ously', 'ous'], ['izing', ''], ['ising', ''], ['ized', ''], ['ised', ''], ['izes', ''], ['ises', ''], ['ize', ''], ['ise', ''],
  ['ings', ''], ['ing', ''], ['ers', ''], ['ies', 'y'], ['ly', ''], ['ed', ''], ['es', ''], ['s', ''],
];

/**
 * A light English stemmer, so that "quantized", "quantizing" and "quantization" meet at "quantiz".
 * It only strips a handful of suffixes and keeps at least four letters, so acronyms ("moe", "awq")
 * and short words are left alone.
 */
export function stem(term: string): string {
  if (term.length <= 4 || /\d/.test(term)) return term;
  for (const [suffix, replacement] of SUFFIXES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 4) {
      if (suffix === 's' && /(ss|us|is)$/.test(term)) return term;
      if (suffix === 'ly' && term.length - suffix.length < 5) return term;
      return term.slice(0, -suffix.length) + replacement;
    }
  }
  return term;
}

/** Letters without a Unicode decomposition that names are written with (Łukasz, Søren, Đorđe, Straße). */
const UNDECOMPOSED: ReadonlyMap<string, string> = new Map([['ł', 'l'], ['ø', 'o'], ['đ', 'd'], ['ð', 'd'], ['ß', 'ss'], ['æ', 'ae'], ['œ', 'oe'], ['ı', 'i'], ['þ', 'th']]);

/** A token as the vocabulary keeps it: diacritics folded (`ł` as `l`), lowercased. */
export function foldWord(token: string): string {
  const folded = token.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return /[łøđðßæœıþ]/.test(folded) ? folded.replace(/[łøđðßæœıþ]/g, (char) => UNDECOMPOSED.get(char) as string) : folded;
}

/** Whether a folded word carries no meaning for search (a stopword, or nothing at all). */
export function isStopword(word: string): boolean {
  return word.length === 0 || STOPWORDS.has(word);
}

const processed = new Map<string, string | null>();
/** Tokens remembered by `processTerm`; the memo starts over when full, so it stays small. */
const PROCESSED_MAX = 20000;

/** Index and query terms, MiniSearch's `processTerm`: folded, stopwords dropped, stemmed. */
export function processTerm(token: string): string | null {
  let term = processed.get(token);
  if (term === undefined) {
    const word = foldWord(token);
    term = isStopword(word) ? null : stem(word);
    if (processed.size >= PROCESSED_MAX) processed.clear();
    processed.set(token, term);
  }
  return term;
}

const WORD_SPLIT = /[^\p{L}\p{N}_]+/u;

/**
 * Splits text into words, MiniSearch's `tokenize`: runs of letters, digits and inner underscores, so
 * hyphens, LaTeX and punctuation separate words while a citation key such as `galore_nd` stays whole.
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const part of text.split(WORD_SPLIT)) {
    const word = part.replace(/^_+|_+$/g, '');
    if (word) words.push(word);
  }
  return words;
}

/**
 * The short name a paper goes by, as a user would type it: the part of the title before a colon, of
 * one or two words, with LaTeX and punctuation removed ("S$^{2}$FT: ..." -> "s2ft", "LQ-LoRA: ..." ->
 * "lqlora"), or "" when the title has no such name ("Toward a Deeper Understanding: ..." has none).
 */
export function shortName(title: string): string {
  const colon = title.indexOf(':');
  if (colon <= 0 || colon > 40) return '';
  const name = title.slice(0, colon).trim();
  if (name.split(/\s+/).length > 2) return '';
  return name
    .replace(/\\[a-zA-Z]+/g, '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}
