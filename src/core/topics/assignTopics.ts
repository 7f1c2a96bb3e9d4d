import { escapeRegExp } from '../regex';
import type { Diagnostic, TopicRule } from '../types';
import { OTHER_TOPIC } from './taxonomy';

/** A topic rule with its terms compiled once, ready to score many papers. */
export interface CompiledTopic {
  rule: TopicRule;
  matchers: { regex: RegExp; weight: number }[];
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
 * for any word ending; a `regex` term is used as written (case-sensitive). A term that does not
 * compile is left out with a diagnostic naming where it came from.
 */
export function compileTopics(rules: readonly TopicRule[], origin = 'topics'): { topics: CompiledTopic[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const topics = rules.map((rule, ruleIndex): CompiledTopic => {
    const matchers: CompiledTopic['matchers'] = [];
    rule.terms.forEach((term, termIndex) => {
      try {
        const source = term.regex ? term.match : phrasePattern(term.match);
        matchers.push({ regex: new RegExp(source, term.regex ? 'gu' : 'giu'), weight: term.weight });
      } catch (error) {
        diagnostics.push({
          file: origin,
          line: null,
          path: `[${ruleIndex}].terms[${termIndex}].match`,
          message: `topic "${rule.name}": the pattern "${term.match}" is not a valid regular expression (${(error as Error).message})`,
          severity: 'error',
        });
      }
    });
    return { rule, matchers };
  });
  return { topics, diagnostics };
}

function phrasePattern(phrase: string): string {
  const body = phrase
    .trim()
    .split('*')
    .map((part) => escapeRegExp(part).replace(/\s+/g, '[\\s-]+'))
    .join('[\\p{L}\\p{N}]*');
  return `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
}

/** How well a topic fits a paper: its score, and whether the title names the topic by a strong term. */
export interface TopicScore {
  score: number;
  namedInTitle: boolean;
}

/** Term weight from which a title match alone qualifies a paper for the topic. */
const STRONG_TERM_WEIGHT = 3;

/** How strongly each topic fits a paper, by topic name; only topics with a positive score appear. */
export function scoreTopics(title: string, abstract: string, topics: readonly CompiledTopic[]): Map<string, TopicScore> {
  const scores = new Map<string, TopicScore>();
  for (const { rule, matchers } of topics) {
    let score = 0;
    let namedInTitle = false;
    for (const { regex, weight } of matchers) {
      const inTitle = countMatches(regex, title, 1);
      const inAbstract = countMatches(regex, abstract, MAX_ABSTRACT_HITS);
      score += weight * (inTitle * TITLE_FACTOR + inAbstract * ABSTRACT_FACTOR);
      if (inTitle > 0 && weight >= STRONG_TERM_WEIGHT) namedInTitle = true;
    }
    if (score > 0) scores.set(rule.name, { score, namedInTitle });
  }
  return scores;
}

function countMatches(regex: RegExp, text: string, limit: number): number {
  regex.lastIndex = 0;
  let count = 0;
  while (count < limit) {
    const match = regex.exec(text);
    if (!match) break;
    count++;
    if (match[0] === '') regex.lastIndex++;
  }
  return count;
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
