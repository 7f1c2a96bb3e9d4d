import type { Diagnostic, Paper, TopicRule } from '../types';
import { formatPath } from '../diagnostics';
import { runToEnd, type Progress } from '../slices';
import { topicRuleSchema } from './topicSchema';
import { assignTopics, compileTopics, compileTopicsSteps } from './assignTopics';

/** Topics read from a setting: the valid rules, and one diagnostic per problem with the entry's index. */
export interface UserTopicsResult {
  rules: TopicRule[];
  diagnostics: Diagnostic[];
}

/**
 * Validates the value of a topics setting (an array of topic rules). Never throws: an entry that
 * fails the schema is left out with a diagnostic naming the setting and the path (`[2].terms[0].weight`),
 * and so is a regular expression that does not compile or cannot run in linear time.
 */
export function parseUserTopics(value: unknown, setting: string): UserTopicsResult {
  return runToEnd(parseUserTopicsSteps(value, setting));
}

/** `parseUserTopics` one entry at a time, yielding after each (a setting may hold many patterns). */
export function* parseUserTopicsSteps(value: unknown, setting: string): Generator<Progress, UserTopicsResult> {
  const diagnostics: Diagnostic[] = [];
  const report = (path: string, message: string): void => {
    diagnostics.push({ file: setting, line: null, path, message, severity: 'error' });
  };
  if (value === undefined || value === null) return { rules: [], diagnostics };
  if (!Array.isArray(value)) {
    report('', 'expected an array of topics ({ "name", "icon", "description", "terms" })');
    return { rules: [], diagnostics };
  }
  // By lower-case name, in order; a later entry of the same name replaces the earlier one and goes last.
  const rules = new Map<string, { rule: TopicRule; index: number }>();
  for (const [index, entry] of (value as unknown[]).entries()) {
    yield { done: index, total: value.length };
    const parsed = topicRuleSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(formatPath([index, ...issue.path]), issue.message);
      continue;
    }
    const { diagnostics: patternProblems } = compileTopics([parsed.data], setting);
    if (patternProblems.length > 0) {
      for (const problem of patternProblems) report(`[${index}]${problem.path?.replace(/^\[0\]/, '') ?? ''}`, problem.message);
      continue;
    }
    const name = parsed.data.name.toLowerCase();
    const earlier = rules.get(name);
    if (earlier !== undefined) {
      report(`[${index}].name`, `topic "${parsed.data.name}" is defined twice (also at [${earlier.index}]); the later one wins`);
      rules.delete(name);
    }
    rules.set(name, { rule: parsed.data, index });
  }
  return { rules: [...rules.values()].map(({ rule }) => rule), diagnostics };
}

/**
 * Built-in rules with the user's merged in: a user topic whose name matches a built-in one
 * (case-insensitively) replaces it in place; the others are added after the built-in topics.
 */
export function mergeTopicRules(builtIn: readonly TopicRule[], user: readonly TopicRule[]): TopicRule[] {
  const byName = new Map(user.map((rule) => [rule.name.toLowerCase(), rule] as const));
  const merged = builtIn.map((rule) => byName.get(rule.name.toLowerCase()) ?? rule);
  const builtInNames = new Set(builtIn.map((rule) => rule.name.toLowerCase()));
  return [...merged, ...user.filter((rule) => !builtInNames.has(rule.name.toLowerCase()))];
}

/** Papers with their topics assigned again from `rules` (new objects; the input is left alone). */
export function reassignTopics(papers: readonly Paper[], rules: readonly TopicRule[]): Paper[] {
  return runToEnd(reassignTopicsSteps(papers, rules));
}

/** `reassignTopics` one paper at a time, yielding after each, for `runInSlices`. */
export function* reassignTopicsSteps(papers: readonly Paper[], rules: readonly TopicRule[]): Generator<Progress, Paper[]> {
  const compiling = compileTopicsSteps(rules);
  let step = compiling.next();
  for (; !step.done; step = compiling.next()) yield { done: 0, total: papers.length };
  const { topics } = step.value;
  const reassigned: Paper[] = [];
  for (const [index, paper] of papers.entries()) {
    reassigned.push({ ...paper, topics: assignTopics(paper.title, paper.abstract, topics) });
    yield { done: index + 1, total: papers.length };
  }
  return reassigned;
}
