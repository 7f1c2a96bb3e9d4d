import { comparativeBase, foldWord, isStopword, processTerm, stem, tokenize } from './terms';
import { ML_THESAURUS } from './thesaurus';
import type { Vocabulary } from './vocabulary';

/**
 * How a query is widened. Prefix and typo expansion follow MiniSearch's own rules and weights
 * (`prefix`, `fuzzy`, `maxFuzzy`, `weights`), but pick their terms from the vocabulary, so each is
 * bounded: the most common completions of the word being typed, the closest words to a typo.
 */
export interface PlanTuning {
  /** The word being typed is completed once it has this many letters... */
  prefixMinLength: number;
  /** ...to at most this many words, the most common (a fifth as many for two letters). */
  maxPrefixTerms: number;
  /** Words of at least this many letters are also matched with a typo... */
  fuzzyMinLength: number;
  /** ...within this share of their length in edits (MiniSearch's `fuzzy`)... */
  fuzzy: number;
  /** ...but never more than this many (MiniSearch's `maxFuzzy`)... */
  maxFuzzy: number;
  /** ...to at most this many words, the closest and most common. */
  maxTypoTerms: number;
  /** A word papers hold as typed is also matched within this many edits (0: not at all)... */
  knownWordMaxEdits: number;
  /** ...when at most this share of papers hold it (a common word is rarely a typo for another). */
  knownWordTypoShare: number;
  /** MiniSearch's `weights` for prefix and typo matches... */
  weights: { prefix: number; fuzzy: number };
  /** ...but a word no paper holds is most likely a typo: its closest words get this weight instead of `weights.fuzzy`. */
  unknownWordWeight: number;
  /** Weight of thesaurus phrases and mined acronyms standing in for what was typed (0 turns each off). */
  synonymWeight: number;
  acronymWeight: number;
  /**
   * Weight of the terms the papers associate with the query's words (`associations.ts`, 0 turns them
   * off); a term associated with several query words sums their associations (Qiu and Frei's
   * concept-based expansion), and at most `maxAssociations` terms, the strongest, join the query.
   */
  associationWeight: number;
  maxAssociations: number;
  /** Queries of fewer words than this (a name, a key, a topic) are looked up as typed, without associations. */
  associationMinWords: number;
  /**
   * Weight of what a query's own words also go by in the papers: two neighbouring words written as
   * one ("non zero" -> "nonzero", "fine tuning" -> "finetuning"), a negated word's "-free" and
   * "post-" forms ("without retraining" -> "training-free", "post-training"), and a comparative's
   * adjective ("smaller" -> "small"); 0 turns each off.
   */
  compoundWeight: number;
  /**
   * Whether that joined form is also looked for among the papers' hyphenated words written as one (the
   * `compounds` field). A paper writing "low-dimensional" already matches "low" and "dimensional" word
   * by word, so there the joined form counts the same words twice; without it, the joined form finds
   * the papers that write the word solid ("nonzero", "finetuning").
   */
  joinedFormInCompounds: boolean;
  negationWeight: number;
  comparativeWeight: number;
  /**
   * How much rarer query words count in the number of words a paper matched: each counts its weight
   * times (its idf / the query's mean idf) to this power, so matching "bert" counts for more than
   * matching "model" (0: every word counts its weight alone).
   */
  coordinationIdfPower: number;
  /**
   * A paper matching only a weaker form of a query word (a completion, a typo neighbour, a synonym,
   * an association) earns (the form's weight / the word's) to this power of the word in that count
   * (0: all of it, as if it matched the word itself).
   */
  expansionCreditPower: number;
  /** Query words beyond this many are ignored. */
  maxQueryWords: number;
  /** Typo neighbours of known words, synonyms and acronyms held by more than this share of papers are left out: they cost most and tell least. */
  maxExpansionShare: number;
}

/** The tuning Paper Scout searches with. */
export const DEFAULT_PLAN_TUNING: PlanTuning = {
  prefixMinLength: 2,
  maxPrefixTerms: 50,
  fuzzyMinLength: 5,
  fuzzy: 0.2,
  maxFuzzy: 2,
  maxTypoTerms: 20,
  knownWordMaxEdits: 1,
  knownWordTypoShare: 0.1,
  weights: { prefix: 0.375, fuzzy: 0.45 },
  unknownWordWeight: 0.9,
  synonymWeight: 0.3,
  acronymWeight: 0.6,
  associationWeight: 0.3,
  maxAssociations: 4,
  associationMinWords: 3,
  compoundWeight: 1,
  joinedFormInCompounds: false,
  negationWeight: 1,
  comparativeWeight: 0.5,
  coordinationIdfPower: 1.5,
  expansionCreditPower: 0.5,
  maxQueryWords: 24,
  maxExpansionShare: 0.2,
};

/** Longest word looked up with typos (the edit-distance table grows with the square of the length). */
const MAX_TYPO_WORD = 40;

/** A query word: as typed (folded), its index term, and how much it counts. */
export interface PlanWord {
  word: string;
  term: string;
  weight: number;
  /** The term phrases are matched on: `term`, or for a word no paper holds, the term of its closest word. */
  meant: string;
  /** Where the word stands among the query's tokens (stopwords counted). */
  position: number;
  /** Whether a negation ("no", "not", "without", ...) comes just before it. */
  negated: boolean;
}

/** One index term the query looks for, its weight, and the query words it stands for. */
export interface PlanLeaf {
  term: string;
  boost: number;
  words: number[];
  /** Not looked for in the `compounds` field (two query words joined, see `joinedFormInCompounds`). */
  notInCompounds?: boolean;
}

/** What a query asks MiniSearch for: its words and the terms they expand to. */
export interface QueryPlan {
  words: PlanWord[];
  leaves: PlanLeaf[];
}

/** Per-query inputs of a plan. */
export interface PlanInput {
  /** Whether the last word is still being typed (complete it as a prefix). */
  typing: boolean;
  /** Weight per query word, keyed by the lower-cased word as typed; 1 when absent. */
  wordWeights?: ReadonlyMap<string, number>;
}

/** Builds the leaves for a query: each word's term, completions, typo neighbours, synonyms and acronyms. */
export function planQuery(text: string, vocabulary: Vocabulary, tuning: PlanTuning, input: PlanInput): QueryPlan {
  const tokens = tokenize(text);
  const words: PlanWord[] = [];
  const byTerm = new Map<string, PlanLeaf>();
  const add = (term: string, boost: number, wordsOf: number[], notInCompounds = false): void => {
    const existing = byTerm.get(term);
    if (!existing) byTerm.set(term, { term, boost, words: wordsOf, ...(notInCompounds ? { notInCompounds } : {}) });
    else {
      if (!notInCompounds) delete existing.notInCompounds;
      existing.boost = Math.max(existing.boost, boost);
      for (const word of wordsOf) if (!existing.words.includes(word)) existing.words.push(word);
    }
  };
  let lastIsTyped = false;
  let negatedUntil = -1;
  for (let at = 0; at < tokens.length && words.length < tuning.maxQueryWords; at++) {
    const word = foldWord(tokens[at]);
    if (NEGATIONS.has(word)) negatedUntil = at + NEGATION_SCOPE;
    if (isStopword(word)) continue;
    const term = stem(word);
    if (words.some((known) => known.term === term)) continue;
    const weight = input.wordWeights?.get(tokens[at].toLowerCase()) ?? input.wordWeights?.get(word) ?? 1;
    words.push({ word, term, weight, meant: term, position: at, negated: at <= negatedUntil });
    lastIsTyped = input.typing && at === tokens.length - 1;
  }
  words.forEach(({ term, weight }, index) => add(term, weight, [index]));
  const exactTerms = new Set(words.map((word) => word.term));
  const commonAt = Math.max(2, tuning.maxExpansionShare * vocabulary.papers);
  const complete = (term: string, boost: number, wordsOf: number[], notInCompounds = false): void => {
    if (!exactTerms.has(term) && boost > 0) add(term, boost, wordsOf, notInCompounds);
  };
  const expand = (term: string, boost: number, wordsOf: number[]): void => {
    if (vocabulary.papersWithTerm(term) <= commonAt) complete(term, boost, wordsOf);
  };
  words.forEach(({ word, weight }, index) => {
    if (lastIsTyped && index === words.length - 1 && word.length >= tuning.prefixMinLength) {
      const cap = word.length <= 2 ? Math.ceil(tuning.maxPrefixTerms / 5) : tuning.maxPrefixTerms;
      for (const completion of vocabulary.completions(word, cap)) {
        const length = completion.word.length;
        complete(stem(completion.word), weight * tuning.weights.prefix * (length / (length + 0.3 * (length - word.length))), [index]);
      }
    }
    // A word is known when papers hold it, or its term (written with a hyphen: "nonzero" for "non-zero").
    const held = vocabulary.papersWithWord(word) || vocabulary.papersWithTerm(stem(word));
    const known = held > 0;
    if (word.length >= tuning.fuzzyMinLength && word.length <= MAX_TYPO_WORD && held <= tuning.knownWordTypoShare * vocabulary.papers) {
      const maxEdits = Math.min(tuning.maxFuzzy, Math.round(word.length * tuning.fuzzy), known ? tuning.knownWordMaxEdits : Infinity);
      // A word papers hold is looked up more cheaply: its first letter is taken as typed.
      const typos = vocabulary.typos(word, maxEdits, tuning.maxTypoTerms, !known);
      const typoWeight = known ? tuning.weights.fuzzy : tuning.unknownWordWeight;
      for (const typo of typos) {
        const length = typo.word.length;
        // A word no paper holds was mistyped: what it meant counts however common it is.
        (known ? expand : complete)(stem(typo.word), weight * typoWeight * (length / (length + typo.distance)), [index]);
      }
      if (!known && typos.length > 0) words[index].meant = stem(typos[0].word);
    }
  });
  addPhrases(words, vocabulary, tuning, expand);
  addWordForms(words, vocabulary, tuning, lastIsTyped, complete);
  if (tuning.associationWeight > 0 && tuning.maxAssociations > 0 && words.length >= tuning.associationMinWords) addAssociations(words, vocabulary, tuning, (term) => byTerm.has(term), expand);
  return { words, leaves: [...byTerm.values()] };
}

/** Words that negate the next few ("without retraining", "no calibration data"). */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', 'without', 'never', 'nor', 'neither']);
/** Tokens after a negation that it covers ("without any extra retraining"). */
const NEGATION_SCOPE = 3;

/**
 * Adds what the query's words are also written as in the papers, where the vocabulary holds it:
 * two neighbouring words written as one (the index also keeps "non-zero" as "nonzero"); a negated
 * word's "-free" and "post-" forms, with and without "re-" ("without retraining" -> "training-free",
 * "retraining-free", "post-training"); and the adjective of a comparative ("smaller" -> "small",
 * at a lower weight: "lower memory" is not "low rank"). A word still being typed has no forms yet.
 */
function addWordForms(
  words: readonly PlanWord[],
  vocabulary: Vocabulary,
  tuning: PlanTuning,
  lastIsTyped: boolean,
  add: (term: string, boost: number, wordsOf: number[], notInCompounds?: boolean) => void,
): void {
  const known = (word: string): boolean => vocabulary.papersWithTerm(stem(word)) > 0;
  words.forEach(({ word, weight, position, negated }, index) => {
    if (lastIsTyped && index === words.length - 1) return;
    const next = words[index + 1];
    if (tuning.compoundWeight > 0 && next && next.position === position + 1 && !(lastIsTyped && index + 1 === words.length - 1) && known(word + next.word)) {
      add(stem(word + next.word), Math.min(weight, next.weight) * tuning.compoundWeight, [index, index + 1], !tuning.joinedFormInCompounds);
    }
    if (tuning.negationWeight > 0 && negated) {
      const bases = [word, word.replace(/s$/, ''), ...(/^re.{4,}/.test(word) ? [word.slice(2)] : [])];
      for (const base of bases) {
        for (const form of [`${base}free`, `post${base}`]) if (known(form)) add(stem(form), weight * tuning.negationWeight, [index]);
      }
    }
    const adjective = tuning.comparativeWeight > 0 ? comparativeBase(word) : undefined;
    if (adjective && known(adjective)) add(stem(adjective), weight * tuning.comparativeWeight, [index]);
  });
}

/**
 * Adds the terms the papers associate with the query's words, as a whole: each candidate sums the
 * association of every query word with it, weighted by the words' weights, so a term tied to several
 * words of the query ("compress" to "smaller" and "model") outranks one tied to a single word. The
 * strongest few join the query at `associationWeight` times that sum (at most the weight of the
 * word it stands for), each standing for the query word it is most associated with.
 */
function addAssociations(
  words: readonly PlanWord[],
  vocabulary: Vocabulary,
  tuning: PlanTuning,
  inQuery: (term: string) => boolean,
  expand: (term: string, boost: number, wordsOf: number[]) => void,
): void {
  const candidates = new Map<string, { sum: number; best: number; word: number }>();
  words.forEach(({ meant, weight }, index) => {
    for (const { term, weight: strength } of vocabulary.associationsOf(meant)) {
      if (inQuery(term)) continue;
      const share = weight * strength;
      const candidate = candidates.get(term);
      if (!candidate) candidates.set(term, { sum: share, best: share, word: index });
      else {
        candidate.sum += share;
        if (share > candidate.best) Object.assign(candidate, { best: share, word: index });
      }
    }
  });
  const strongest = [...candidates].sort((a, b) => b[1].sum - a[1].sum || (a[0] < b[0] ? -1 : 1)).slice(0, tuning.maxAssociations);
  for (const [term, { sum, word }] of strongest) expand(term, tuning.associationWeight * Math.min(sum, words[word].weight), [word]);
}

/** A phrase as index terms, stopwords left out. */
type Phrase = readonly string[];

/** Thesaurus groups as index-term phrases, each phrase with the others of its group. */
const THESAURUS: ReadonlyArray<{ phrase: Phrase; others: Phrase[] }> = ML_THESAURUS.flatMap((group) => {
  const phrases = group.map(toTerms).filter((phrase) => phrase.length > 0);
  return phrases.map((phrase, at) => ({ phrase, others: phrases.filter((_, other) => other !== at) }));
});

function toTerms(text: string): string[] {
  return tokenize(text)
    .map((token) => processTerm(token))
    .filter((term): term is string => term !== null);
}

/**
 * Adds what the query's phrases also go by: other phrases of a thesaurus group, the long forms of a
 * mined acronym typed as a word, and the acronym of a long form typed out. What a phrase adds counts
 * for the query words the phrase covers; the terms of a long phrase share its weight.
 */
function addPhrases(words: readonly PlanWord[], vocabulary: Vocabulary, tuning: PlanTuning, expand: (term: string, boost: number, wordsOf: number[]) => void): void {
  const terms = words.map((word) => word.meant);
  const spread = (phrase: Phrase, boost: number, wordsOf: number[]): void => {
    for (const term of phrase) expand(term, boost / Math.sqrt(phrase.length), wordsOf);
  };
  const acronyms = acronymPhrases(vocabulary);
  for (let start = 0; start < terms.length; start++) {
    const weight = words[start].weight;
    if (tuning.synonymWeight > 0) {
      for (const { phrase, others } of THESAURUS) {
        if (!matchesAt(terms, start, phrase)) continue;
        const covered = range(start, phrase.length);
        for (const other of others) spread(other, weight * tuning.synonymWeight, covered);
      }
    }
    if (tuning.acronymWeight > 0) {
      const word = words[start].word;
      for (const long of acronyms.longForms.get(word) ?? acronyms.longForms.get(word.replace(/s$/, '')) ?? []) spread(long, weight * tuning.acronymWeight, [start]);
      for (const { phrase, short } of acronyms.byFirstTerm.get(terms[start]) ?? []) {
        if (matchesAt(terms, start, phrase)) expand(short, weight * tuning.acronymWeight, range(start, phrase.length));
      }
    }
  }
}

/** A vocabulary's mined acronyms as index-term phrases, both ways round. */
interface AcronymPhrases {
  longForms: Map<string, Phrase[]>;
  byFirstTerm: Map<string, Array<{ phrase: Phrase; short: string }>>;
}

const acronymCache = new WeakMap<Vocabulary, AcronymPhrases>();

function acronymPhrases(vocabulary: Vocabulary): AcronymPhrases {
  let phrases = acronymCache.get(vocabulary);
  if (!phrases) {
    phrases = { longForms: new Map(), byFirstTerm: new Map() };
    for (const [key, longs] of Object.entries(vocabulary.acronyms)) {
      const short = processTerm(key);
      if (!short) continue;
      const forms = longs.map(toTerms).filter((phrase) => phrase.length > 1);
      phrases.longForms.set(key, forms);
      for (const phrase of forms) {
        const list = phrases.byFirstTerm.get(phrase[0]) ?? [];
        list.push({ phrase, short });
        phrases.byFirstTerm.set(phrase[0], list);
      }
    }
    acronymCache.set(vocabulary, phrases);
  }
  return phrases;
}

function matchesAt(terms: readonly string[], start: number, phrase: Phrase): boolean {
  if (start + phrase.length > terms.length) return false;
  return phrase.every((term, offset) => terms[start + offset] === term);
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, offset) => start + offset);
}
