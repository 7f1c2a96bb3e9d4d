import { CITATION_KEY } from '../paper';
import { asciiFold, readableTitle } from './latexText';
import { runToEnd, type Progress } from '../slices';
import { assignUniqueNamesSteps, type IssuedNames, type NameRequest } from './uniqueNames';

/** True when `key` is a citation key (see `CITATION_KEY`). */
export function isCitationKey(key: string): boolean {
  return CITATION_KEY.test(key);
}

/**
 * Title words that never make a key on their own: articles, prepositions, conjunctions and the
 * question and framing words titles start with ("How ...", "Towards ...", "Is ...").
 */
const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'on', 'of', 'in', 'into', 'for', 'from', 'to', 'toward', 'towards', 'with',
  'without', 'via', 'by', 'at', 'as', 'and', 'or', 'but', 'nor', 'vs', 'versus', 'is', 'are', 'be',
  'do', 'does', 'can', 'how', 'what', 'when', 'where', 'which', 'who', 'why', 'it', 'its', 'this',
  'that', 'these', 'those', 'we', 'our', 'your', 'not', 'no', 'let', 'lets', 'beyond', 'under',
  'over', 'through', 'about', 'all', 'one', 'some', 'more', 'less', 'new', 'part', 'using', 'i', 'ii',
]);

/** Key words kept, and how long each may be: keys stay short enough to type. */
const MAX_WORDS = 3;
const WORDS_LONG_ENOUGH = 16;
const MAX_WORD_LENGTH = 24;
/** Extra title words a clashing key may take before it falls back to a letter. */
const MAX_EXTRA_WORDS = 2;

/** The parts of a paper's key before clashes are resolved. */
export interface KeyParts {
  /** Lowercase ASCII words: the short name, or the first significant title words. */
  words: string[];
  /** The title's next significant words, for telling apart papers whose `words` and year agree. */
  more: string[];
  /** The year, when the date is known. */
  year: string | null;
}

/**
 * What a paper's key is made of. The short name when the title starts with one (`GaLore: ...`,
 * `BAM! ...`: a single word ending in a colon or an exclamation mark), else the first two or three
 * significant words (articles, prepositions and framing words such as "Towards" skipped; three unless
 * two already make 16 letters). Words are the title's LaTeX rendered and folded to lowercase ASCII
 * (`S$^{2}$FT` → `s2ft`, `Schrödinger` → `schrodinger`, `α` → `alpha`), hyphenated words kept whole.
 */
export function citationKeyParts(title: string, published: string | null): KeyParts {
  const year = /^(\d{4})/.exec(published ?? '')?.[1] ?? null;
  const readable = readableTitle(title);
  const first = /^\S+/.exec(readable)?.[0] ?? '';
  const name = /[:!]$/.test(first) ? fold(first) : '';
  const words = significantWords(name ? readable.slice(first.length) : readable);
  if (name) return { words: [name], more: words.slice(0, MAX_EXTRA_WORDS), year };
  let count = Math.min(words.length, MAX_WORDS);
  if (count === MAX_WORDS && words[0].length + words[1].length >= WORDS_LONG_ENOUGH) count = 2;
  if (count === 0) return { words: ['paper'], more: [], year };
  return { words: words.slice(0, count), more: words.slice(count, count + MAX_EXTRA_WORDS), year };
}

/** A key from its parts: words joined by `_`, then the year (after a `_` when the words end in a digit). */
export function joinKey(words: readonly string[], year: string | null): string {
  const stem = words.join('_');
  if (year === null) return stem;
  return /\d$/.test(stem) ? `${stem}_${year}` : stem + year;
}

/**
 * The key a paper gets when no other paper has it: `galore2024`, `awq2023`, `infllmv2_2025`,
 * `efficient_prompt_tuning2024`, or without the year when the date is unknown (`galore`).
 */
export function baseCitationKey(title: string, published: string | null): string {
  const parts = citationKeyParts(title, published);
  return joinKey(parts.words, parts.year);
}

/** One paper to key. */
export interface KeyRequest {
  /** The paper's identity (its normalised title): the same identity is the same paper. */
  identity: string;
  title: string;
  published: string | null;
  /** The key the paper's own file gives it (corpus JSON), kept when no other paper has it. */
  claimed?: string;
}

/** The keys handed out, in input order, and the claimed keys that could not be kept. */
export interface KeyAssignment {
  keys: string[];
  /** Indexes of requests whose claimed key another paper already had. */
  refused: number[];
}

/**
 * Unique citation keys. A paper gets, in this order of precedence: the key issued to it before
 * (`issued.previous`, by identity); its base key (see `baseCitationKey`); its claimed key; its base
 * key with one or two more title words (`lora_full_finetuning_illusion2024`); then the base key with
 * a letter (`galore2024b`, `galore_b`). Keys in `issued.reserved` go only to their own paper. Every
 * step runs over the papers sorted by identity, so keys never depend on the order of files or
 * papers, and a paper keeps its key when others are added or removed as long as its earlier key is
 * passed back in `issued.previous`.
 */
export function assignCitationKeys(requests: readonly KeyRequest[], issued: IssuedNames = {}): KeyAssignment {
  return runToEnd(assignKeyNamesSteps(requests.map(keyNameRequest), issued));
}

/**
 * What one paper asks `assignCitationKeys` for: its base key, the longer keys to try on a clash, and its
 * claim. Throws when the title cannot be read, so a caller can leave that one paper out before naming.
 */
export function keyNameRequest(request: KeyRequest): NameRequest {
  const parts = citationKeyParts(request.title, request.published);
  const alternatives = parts.more.map((_word, index) => joinKey([...parts.words, ...parts.more.slice(0, index + 1)], parts.year));
  return { identity: request.identity, natural: joinKey(parts.words, parts.year), alternatives, claimed: request.claimed };
}

/** `assignCitationKeys` in steps (see `assignUniqueNamesSteps`), for requests already made by `keyNameRequest`. */
export function* assignKeyNamesSteps(named: readonly NameRequest[], issued: IssuedNames = {}): Generator<Progress, KeyAssignment> {
  const assignment = yield* assignUniqueNamesSteps(named, issued, letterSuffixed);
  return { keys: assignment.names, refused: assignment.refused };
}

/** The n-th letter variant of a key: `galore2024b`, `galore2024c`, ... after a year, else `galore_b`. */
function letterSuffixed(key: string, n: number): string {
  return /\d$/.test(key) ? key + letters(n) : `${key}_${letters(n)}`;
}

/** `b`, `c`, ... `z`, `aa`, `ab`, ... for n = 1, 2, ... (the bare key counts as `a`). */
function letters(n: number): string {
  let suffix = '';
  for (let rest = n; ; rest = Math.floor(rest / 26) - 1) {
    suffix = String.fromCharCode(97 + (rest % 26)) + suffix;
    if (rest < 26) break;
  }
  return suffix;
}

/** The significant words of a readable title, folded to lowercase ASCII, each once. */
function significantWords(readable: string): string[] {
  const words: string[] = [];
  // Hyphens, apostrophes and middle dots join the parts of one word (`Pre-training`, `HyperZ·Z·W`).
  for (const word of readable.split(/[^\p{L}\p{N}'’·-]+/u)) {
    const folded = fold(word);
    if (folded.length > 0 && !STOPWORDS.has(folded) && !words.includes(folded)) words.push(folded);
    if (words.length >= MAX_WORDS + MAX_EXTRA_WORDS) break;
  }
  return words;
}

function fold(word: string): string {
  return asciiFold(word).slice(0, MAX_WORD_LENGTH);
}
