// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the stemmer ships no types; this declaration reaches every configuration that compiles the core (the web host and the tests list their files), and an import cannot carry an ambient module
/// <reference path="./porter2.d.ts" />
import porter2 from 'wink-porter2-stemmer';

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

const stems = new Map<string, string>();
/** Words remembered by `stem`; the memo starts over when full, so it stays small. */
const STEMS_MAX = 50000;
/** Longer words are kept as they are: none is English, and the stemmer's regular expressions grow with the square of a word's length. */
const MAX_STEMMED_LENGTH = 40;

/**
 * English stemming with the Porter2 (Snowball English) algorithm of `wink-porter2-stemmer`, so that
 * inflections and derivations meet: "prune", "pruning", "pruned"; "quantize", "quantized",
 * "quantization"; "compress", "compression". Words holding a digit ("4bit", "gpt4") are kept as
 * they are, as are words of over 40 letters, and a plural of a few consonants ("llms", "cnns"), which Porter2 keeps, loses its "s".
 */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = word.length > MAX_STEMMED_LENGTH || /\d/.test(word) ? word : porter2(word);
    if (/^[^aeiouy]{2,4}s$/.test(stemmed) && !stemmed.endsWith('ss')) stemmed = stemmed.slice(0, -1);
    if (stems.size >= STEMS_MAX) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Adjectives whose comparative and superlative ("smaller", "smallest") a query may use for them. */
const GRADABLE: ReadonlySet<string> = new Set(
  ('small large big fast slow low high deep shallow wide narrow long short cheap sparse dense simple strong weak tight loose easy hard ' +
    'early late quick light heavy tiny broad fine coarse close smooth sharp great lean thin rich safe clean near fresh noisy old young')
    .split(' '),
);

/**
 * The adjective a comparative or superlative comes from ("smaller", "larger", "bigger", "easier",
 * "earliest" -> "small", "large", "big", "easy", "early"), or undefined: English spelling rules over a
 * short list of the adjectives ML writing grades, since "-er" alone also ends "layer" and "paper".
 */
export function comparativeBase(word: string): string | undefined {
  for (const suffix of ['est', 'er']) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, -suffix.length);
    if (GRADABLE.has(rest)) return rest;
    if (GRADABLE.has(`${rest}e`)) return `${rest}e`;
    if (rest.length >= 4 && rest.at(-1) === rest.at(-2) && GRADABLE.has(rest.slice(0, -1))) return rest.slice(0, -1);
    if (rest.endsWith('i') && GRADABLE.has(`${rest.slice(0, -1)}y`)) return `${rest.slice(0, -1)}y`;
  }
  return undefined;
}

/** A token as the vocabulary keeps it: diacritics folded, lowercased. */
export function foldWord(token: string): string {
  return token.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
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

/** Two words joined by a hyphen ("non-zero", "training-free", "4-bit"), alone between spaces or punctuation. */
const COMPOUND = /(?<![\p{L}\p{N}_\-\u2010\u2011])([\p{L}\p{N}]+)[-\u2010\u2011]([\p{L}\p{N}]+)(?![\p{L}\p{N}_\-\u2010\u2011])/gu;

/**
 * The words of a text written as two joined by a hyphen, with the hyphen taken out ("non-zero" ->
 * "nonzero", "training-free" -> "trainingfree"): the index keeps them in a field of their own, so
 * "nonzero" finds "non-zero" while the parts still count where they stand (a query joins its
 * neighbouring words the same way, `queryPlan.ts`).
 */
export function compoundWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(COMPOUND)) words.push(match[1] + match[2]);
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
