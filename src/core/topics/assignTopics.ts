import { lowerBound } from '../binarySearch';
import { runToEnd, type Progress } from '../slices';
import type { Diagnostic, TopicRule } from '../types';
import { OTHER_TOPIC } from './taxonomy';
import { compileTerm, mayMatch, wordsOf, type TermMatcher } from './termMatcher';

/** A topic rule with its terms compiled once, ready to score many papers. */
export interface CompiledTopic {
  rule: TopicRule;
  matchers: { matcher: TermMatcher; weight: number }[];
}

/**
 * How topic scores turn into topics: a paper gets every topic its title names by a strong term and
 * every topic near its best one, up to `maxTopics`.
 */
export interface TopicAssignmentOptions {
  /** A topic needs at least this score. */
  minScore: number;
  /** ...and at least this share of the paper's best score. */
  relativeToBest: number;
  maxTopics: number;
}

export const DEFAULT_ASSIGNMENT: TopicAssignmentOptions = { minScore: 3, relativeToBest: 0.45, maxTopics: 3 };

const TITLE_FACTOR = 2;
const ABSTRACT_FACTOR = 0.5;
const MAX_ABSTRACT_HITS = 3;

/**
 * Compiles topic rules. A plain term matches on word boundaries, case-insensitively, with `*` standing
 * for any word ending; a `regex` term is used as written (case-sensitive). Matching is linear in the
 * text for every term (see `termMatcher.ts`); a term that cannot be matched so, or does not compile, is
 * left out with a diagnostic naming where it came from (`[2].terms[0].match`). Never throws.
 */
export function compileTopics(rules: readonly TopicRule[], origin = 'topics'): CompiledTopics {
  return runToEnd(compileTopicsSteps(rules, origin));
}

/** Compiled topic rules, and the terms left out. */
export interface CompiledTopics {
  topics: CompiledTopic[];
  diagnostics: Diagnostic[];
}

/**
 * `compileTopics` one rule at a time, yielding after each (the first regular expression also loads
 * RE2), so that compiling a large taxonomy never holds the thread for long.
 */
export function* compileTopicsSteps(rules: readonly TopicRule[], origin = 'topics'): Generator<Progress, CompiledTopics> {
  const diagnostics: Diagnostic[] = [];
  const topics: CompiledTopic[] = [];
  for (const [ruleIndex, rule] of rules.entries()) {
    topics.push(compileRule(rule, ruleIndex, origin, diagnostics));
    yield { done: ruleIndex + 1, total: rules.length };
  }
  return { topics, diagnostics };
}

function compileRule(rule: TopicRule, ruleIndex: number, origin: string, diagnostics: Diagnostic[]): CompiledTopic {
  const matchers: CompiledTopic['matchers'] = [];
  rule.terms.forEach((term, termIndex) => {
    let compiled: ReturnType<typeof compileTerm>;
    try {
      compiled = compileTerm(term);
    } catch (error) {
      compiled = { problem: `the term "${term.match}" cannot be used (${(error as Error).message})` };
    }
    if ('problem' in compiled) {
      diagnostics.push({ file: origin, line: null, path: `[${ruleIndex}].terms[${termIndex}].match`, message: `topic "${rule.name}": ${compiled.problem}`, severity: 'error' });
    } else matchers.push({ matcher: compiled, weight: term.weight });
  });
  return { rule, matchers };
}

/** How well a topic fits a paper: its score, and whether the title names the topic by a strong term. */
export interface TopicScore {
  score: number;
  namedInTitle: boolean;
}

/** Term weight from which a title match alone qualifies a paper for the topic. */
const STRONG_TERM_WEIGHT = 3;

/**
 * How much of a title and an abstract topics are read from: abstracts on the site run to about 2,500
 * characters, so this reads every real one whole, and bounds what one paper can cost: a 1 MB abstract
 * took 15 s of the extension host's thread in one step.
 */
export const MAX_TOPIC_TITLE = 1000;
export const MAX_TOPIC_ABSTRACT = 8000;

/** How strongly each topic fits a paper, by topic name; only topics with a positive score appear. */
export function scoreTopics(fullTitle: string, fullAbstract: string, topics: readonly CompiledTopic[]): Map<string, TopicScore> {
  const title = fullTitle.length > MAX_TOPIC_TITLE ? fullTitle.slice(0, MAX_TOPIC_TITLE) : fullTitle;
  const abstract = fullAbstract.length > MAX_TOPIC_ABSTRACT ? fullAbstract.slice(0, MAX_TOPIC_ABSTRACT) : fullAbstract;
  const scores = new Map<string, TopicScore>();
  // Most terms appear in few papers: a term whose needle is not among the text's words is not run at all.
  const titleWords = new Words(title);
  const abstractWords = new Words(abstract);
  for (const { rule, matchers } of topics) {
    let score = 0;
    let namedInTitle = false;
    for (const { matcher, weight } of matchers) {
      const inTitle = titleWords.mayMatch(matcher) ? matcher.count(title, 1) : 0;
      const inAbstract = abstractWords.mayMatch(matcher) ? matcher.count(abstract, MAX_ABSTRACT_HITS) : 0;
      score += weight * (inTitle * TITLE_FACTOR + inAbstract * ABSTRACT_FACTOR);
      if (inTitle > 0 && weight >= STRONG_TERM_WEIGHT) namedInTitle = true;
    }
    if (score > 0) scores.set(rule.name, { score, namedInTitle });
  }
  return scores;
}

/** A text's words, sorted once so that a prefix is found by binary search. */
class Words {
  private readonly words: Set<string>;
  private sorted: string[] | undefined;

  constructor(text: string) {
    this.words = wordsOf(text);
  }

  mayMatch(matcher: TermMatcher): boolean {
    return mayMatch(matcher.needle, this.words, (prefix) => {
      const sorted = (this.sorted ??= [...this.words].sort());
      const at = lowerBound(sorted, prefix);
      return at < sorted.length && sorted[at].startsWith(prefix);
    });
  }
}

/** The topics a paper belongs to, best first; `Other` when no topic fits well enough. */
export function assignTopics(
  title: string,
  abstract: string,
  topics: readonly CompiledTopic[],
  options: TopicAssignmentOptions = DEFAULT_ASSIGNMENT,
): string[] {
  const ranked = [...scoreTopics(title, abstract, topics)].sort((a, b) => b[1].score - a[1].score);
  const best = ranked[0]?.[1].score ?? 0;
  const chosen = ranked
    .filter(([, { score, namedInTitle }]) => score >= options.minScore && (namedInTitle || score >= best * options.relativeToBest))
    .slice(0, options.maxTopics)
    .map(([name]) => name);
  return chosen.length > 0 ? chosen : [OTHER_TOPIC.name];
}
