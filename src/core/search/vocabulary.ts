import { lowerBound } from '../binarySearch';
import SearchableMap from 'minisearch/SearchableMap';
import * as z from '../zod';
import { AcronymMiner } from './acronyms';
import { type Association, type AssociationOptions, type Associations, AssociationMiner, associationsFromText, associationsToText } from './associations';

const FORMAT = 'paper-scout-vocabulary';
/** 2: associations learned from the papers (`associations.ts`) saved beside the rest. */
const VERSION = 2;

/** A vocabulary word and how many papers hold it. */
export interface WordCount {
  word: string;
  count: number;
}

/** A word a typo may have meant, with its edit distance from what was typed. */
export interface TypoCandidate extends WordCount {
  distance: number;
}

const savedSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  papers: z.int().check(z.nonnegative()),
  fingerprint: z.int(),
  words: z.string(),
  wordCounts: z.string(),
  terms: z.string(),
  termCounts: z.string(),
  acronyms: z.record(z.string(), z.array(z.string())),
  associations: z.string(),
  contentKey: z.optional(z.string()),
});

/**
 * The vocabulary saved beside the MiniSearch index: every word of the papers as written (folded, no
 * stopwords) and every index term (stem), each sorted and with the number of papers holding it, plus
 * the "Long Name (ACRO)" pairs mined from the abstracts. It bounds what a query expands to: the most
 * common completions of the word being typed, the closest words to a typo (found with MiniSearch's own
 * `SearchableMap.fuzzyGet`), and it gives term rarity for related papers and feedback terms, and the
 * word associations learned from the papers (`associations.ts`) that widen a query in a user's words.
 */
export class Vocabulary {
  private readonly typoMaps = new Map<string, SearchableMap<number>>();
  private readonly termIndex = new Map<string, number>();

  constructor(
    /** Number of papers the vocabulary was made from. */
    readonly papers: number,
    /** Hash of those papers' ids, in order. */
    readonly fingerprint: number,
    private readonly words: readonly string[],
    private readonly wordCounts: Uint32Array,
    private readonly terms: readonly string[],
    private readonly termCounts: Uint32Array,
    /** Short form to long forms, e.g. `lora` -> [`low rank adaptation`]. */
    readonly acronyms: Readonly<Record<string, readonly string[]>>,
    private readonly associations: Associations = new Map(),
    /** The content key of the papers (`papersContentKey`) the saved index was made for, when it was saved with one. */
    readonly contentKey?: string,
  ) {}

  /** The index terms associated with `term` in the papers, strongest first (none for most terms). */
  associationsOf(term: string): readonly Association[] {
    return this.associations.get(term) ?? [];
  }

  /** Number of terms that have associations. */
  get associatedTerms(): number {
    return this.associations.size;
  }

  /** Number of distinct index terms. */
  get termCount(): number {
    return this.terms.length;
  }

  /** Whether papers hold this word exactly. */
  hasWord(word: string): boolean {
    return this.countOf(word) > 0;
  }

  /** Number of papers holding this word exactly (0 when none). */
  papersWithWord(word: string): number {
    return this.countOf(word);
  }

  /** Number of papers holding this index term (0 when none). */
  papersWithTerm(term: string): number {
    if (this.termIndex.size === 0) this.terms.forEach((value, at) => this.termIndex.set(value, at));
    const at = this.termIndex.get(term);
    return at === undefined ? 0 : this.termCounts[at];
  }

  /** Up to `limit` words that start with `prefix` (not the prefix itself), the most common first. */
  completions(prefix: string, limit: number): WordCount[] {
    const from = lowerBound(this.words, prefix);
    const to = lowerBound(this.words, `${prefix}\uffff`, from);
    const found: WordCount[] = [];
    for (let at = from; at < to; at++) if (this.words[at] !== prefix) found.push({ word: this.words[at], count: this.wordCounts[at] });
    return found.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1)).slice(0, limit);
  }

  /**
   * Up to `limit` words within `maxEdits` of `word` (Levenshtein, through MiniSearch's `SearchableMap`),
   * or one swap of neighbouring letters away, closest and then most common first; never the word
   * itself. Candidates start with the word's first letter, or (with `extraFirstLetter`) its second
   * when the first was typed in excess: that keeps each lookup to a small part of the vocabulary (and
   * its first use cheap).
   */
  typos(word: string, maxEdits: number, limit: number, extraFirstLetter = true): TypoCandidate[] {
    if (maxEdits < 1 || word.length < 2) return [];
    const found = new Map<string, TypoCandidate>();
    const note = (candidate: string, count: number, distance: number): void => {
      const known = found.get(candidate);
      if (candidate !== word && (!known || known.distance > distance)) found.set(candidate, { word: candidate, count, distance });
    };
    for (const [candidate, [count, distance]] of this.typoLookup(word[0]).fuzzyGet(word, maxEdits)) note(candidate, count, distance);
    if (extraFirstLetter && word[1] !== word[0]) {
      for (const [candidate, [count, distance]] of this.typoLookup(word[1]).fuzzyGet(word.slice(1), maxEdits - 1)) note(candidate, count, distance + 1);
    }
    for (let at = 0; at + 1 < word.length; at++) {
      if (word[at] === word[at + 1]) continue;
      const swapped = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
      const count = this.countOf(swapped);
      if (count > 0) note(swapped, count, 1);
    }
    return [...found.values()].sort((a, b) => a.distance - b.distance || b.count - a.count || (a.word < b.word ? -1 : 1)).slice(0, limit);
  }

  /** The vocabulary as JSON text, for `Vocabulary.parse`; with the content key of its papers when given. */
  toJSON(contentKey?: string): string {
    return JSON.stringify({
      format: FORMAT,
      version: VERSION,
      papers: this.papers,
      fingerprint: this.fingerprint,
      words: this.words.join('\n'),
      wordCounts: this.wordCounts.join(','),
      terms: this.terms.join('\n'),
      termCounts: this.termCounts.join(','),
      acronyms: this.acronyms,
      associations: associationsToText(this.associations),
      contentKey,
    });
  }

  /** Reads text written by `toJSON`; throws with a reason when it is anything else. */
  static parse(text: string): Vocabulary {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`the vocabulary is not JSON (${(error as Error).message})`, { cause: error });
    }
    const checked = savedSchema.safeParse(json);
    if (!checked.success) throw new Error(`not a Paper Scout vocabulary (${checked.error.issues[0]?.message ?? 'invalid'})`);
    const saved = checked.data;
    const words = splitLines(saved.words);
    const terms = splitLines(saved.terms);
    const wordCounts = parseCounts(saved.wordCounts, words.length);
    const termCounts = parseCounts(saved.termCounts, terms.length);
    return new Vocabulary(saved.papers, saved.fingerprint, words, wordCounts, terms, termCounts, saved.acronyms, associationsFromText(saved.associations), saved.contentKey);
  }

  /** Papers holding this exact word (0 when none). */
  private countOf(word: string): number {
    const at = lowerBound(this.words, word);
    return at < this.words.length && this.words[at] === word ? this.wordCounts[at] : 0;
  }

  /** The words starting with `letter`, as MiniSearch's radix tree, made on first use. */
  private typoLookup(letter: string): SearchableMap<number> {
    let map = this.typoMaps.get(letter);
    if (!map) {
      map = new SearchableMap<number>();
      const from = lowerBound(this.words, letter);
      const to = lowerBound(this.words, `${letter}\uffff`, from);
      for (let at = from; at < to; at++) map.set(this.words[at], this.wordCounts[at]);
      this.typoMaps.set(letter, map);
    }
    return map;
  }
}

/**
 * Collects the vocabulary while papers are indexed: the indexer reports each paper's words and terms
 * between `startPaper` calls (those of its title and abstract also go to association mining), and
 * each paper's prose for acronym mining.
 */
export class VocabularyBuilder {
  private readonly words = new Map<string, number>();
  private readonly terms = new Map<string, number>();
  private readonly seenWords = new Map<string, number>();
  private readonly seenTerms = new Map<string, number>();
  private readonly miner = new AcronymMiner();
  private readonly associations: AssociationMiner;
  private paper = -1;

  constructor(associations?: AssociationOptions) {
    this.associations = new AssociationMiner(associations);
  }

  /** Starts the next paper; words reported from here on belong to it. */
  startPaper(prose: readonly string[]): void {
    this.paper++;
    this.associations.startPaper();
    for (const text of prose) this.miner.add(text);
  }

  /** Notes a folded word of the current paper (found in `field`) and the index term it became. */
  note(word: string, term: string, field?: string): void {
    if (field === 'title' || field === 'abstract') this.associations.addTerm(term);
    // Hyphenated words written as one are terms to match, not words to complete or to correct a typo to.
    if (field !== 'compounds' && this.seenWords.get(word) !== this.paper) {
      this.seenWords.set(word, this.paper);
      this.words.set(word, (this.words.get(word) ?? 0) + 1);
    }
    if (this.seenTerms.get(term) !== this.paper) {
      this.seenTerms.set(term, this.paper);
      this.terms.set(term, (this.terms.get(term) ?? 0) + 1);
    }
  }

  /** The vocabulary of the papers seen, sorted, with their associations mined in steps of bounded work. */
  *finishSteps(fingerprint: number): Generator<void, Vocabulary> {
    const associations = yield* this.associations.resultSteps();
    const [words, wordCounts] = sortedCounts(this.words);
    const [terms, termCounts] = sortedCounts(this.terms);
    return new Vocabulary(this.paper + 1, fingerprint, words, wordCounts, terms, termCounts, this.miner.result(), associations);
  }
}

/** FNV-1a over the ids, separated by newlines: which papers, in which order, an index was made for. */
export function fingerprintIds(ids: Iterable<string>): number {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 10;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function sortedCounts(counts: Map<string, number>): [string[], Uint32Array] {
  const keys = [...counts.keys()].sort();
  return [keys, Uint32Array.from(keys, (key) => counts.get(key) as number)];
}

/** Comma-separated paper counts, one per word or term; throws when they are not `expected` whole numbers. */
function parseCounts(text: string, expected: number): Uint32Array {
  const parts = text === '' ? [] : text.split(',');
  if (parts.length !== expected) throw new Error('the vocabulary is corrupt: counts do not match');
  const counts = new Uint32Array(parts.length);
  for (let at = 0; at < parts.length; at++) {
    const count = Number(parts[at]);
    if (!Number.isInteger(count) || count < 0) throw new Error('the vocabulary is corrupt: a count is not a whole number');
    counts[at] = count;
  }
  return counts;
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}
