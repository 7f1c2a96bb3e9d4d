import * as z from '../zod';
import { CITATION_KEY, CITATION_KEY_RULE } from '../citations/citationKey';
import type { Corpus, Diagnostic, Paper, TopicRule } from '../types';
import { cleanText } from '../cleanText';
import { formatPath } from '../diagnostics';
import { topicRuleSchema } from '../topics/topicSchema';
import { isIsoCalendarDate } from './dates';
import { checkPaperFast, checkTopicFast } from './fastCheck';

/** A one-line text field, control characters removed (see `cleanText`). */
const line = (): z.ZodMiniString => z.string().check(z.overwrite((text) => cleanText(text)));

const citationKeySchema = z.string().check(z.regex(CITATION_KEY, CITATION_KEY_RULE));

/**
 * One paper of the corpus file. Page papers pass it too (see `validatePapers`), so both kinds hold to
 * the same rules: real calendar dates in `YEAR_RANGE`, upvotes a safe non-negative integer, and no
 * control characters in any text (only the abstract may keep line breaks).
 */
export const paperSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase slug')),
  key: citationKeySchema,
  aliases: z.optional(z.array(citationKeySchema)),
  title: line().check(z.minLength(1)),
  abstract: z.string().check(z.overwrite((text) => cleanText(text, { multiline: true }))),
  published: z.nullable(z.string().check(z.refine(isIsoCalendarDate, 'a real date "YYYY-MM-DD" from 1900 to 2100'))),
  upvotes: z.nullable(z.int().check(z.nonnegative())),
  authorsCount: z.nullable(z.int().check(z.positive())),
  organization: z.nullable(line().check(z.minLength(1))),
  topics: z.array(line()),
  links: z.array(line().check(z.regex(/^https?:\/\//, 'an http(s) URL'))),
  sources: z.array(line()),
});

/** The corpus file as a whole; `loadCorpus` checks papers one by one so one bad paper does not cost the rest. */
export const corpusSchema = z.object({
  version: z.literal(1),
  topics: z.array(topicRuleSchema),
  papers: z.array(paperSchema),
});

const corpusShapeSchema = z.object({ version: z.literal(1), topics: z._default(z.array(z.unknown()), []), papers: z.array(z.unknown()) });

/** The outer shape of a corpus file, checked by hand (null when zod should explain what is wrong). */
function isCorpusShape(json: unknown): { topics: unknown[]; papers: unknown[] } | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const value = json as Record<string, unknown>;
  if (value.version !== 1 || !Array.isArray(value.papers)) return null;
  if (value.topics === undefined) return { topics: [], papers: value.papers };
  return Array.isArray(value.topics) ? { topics: value.topics, papers: value.papers } : null;
}

/** Result of loading a corpus file: what could be used, and what was wrong with the rest. */
export interface CorpusLoadResult {
  corpus: Corpus;
  diagnostics: Diagnostic[];
}

/**
 * Validates parsed corpus JSON. Never throws: a paper or topic that fails the schema is skipped with a
 * diagnostic naming the file and the JSON path, and everything valid is kept.
 */
export function loadCorpus(json: unknown, file: string): CorpusLoadResult {
  const head = checkCorpusHead(json, file);
  if (!head.ok) return { corpus: { version: 1, topics: [], papers: [] }, diagnostics: head.diagnostics };
  const papers = new PaperChecker(file);
  head.papers.forEach((paper, index) => papers.add(paper, index));
  return { corpus: { version: 1, topics: head.topics, papers: papers.papers }, diagnostics: [...head.diagnostics, ...papers.diagnostics] };
}

/** A corpus file's outer shape and topics, checked; its papers still to check (see `PaperChecker`). */
export type CorpusHead = { ok: true; topics: TopicRule[]; papers: unknown[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Checks the outer shape of corpus JSON (`version`, `topics`, `papers`) and its topics, not its papers. */
export function checkCorpusHead(json: unknown, file: string): CorpusHead {
  const diagnostics: Diagnostic[] = [];
  const report = (path: (string | number | symbol)[], message: string): void => {
    diagnostics.push({ file, line: null, path: formatPath(path), message, severity: 'error' });
  };
  const fastShape = isCorpusShape(json);
  const shape = fastShape ? { success: true as const, data: fastShape } : corpusShapeSchema.safeParse(json);
  if (!shape.success) {
    for (const issue of shape.error.issues) report(issue.path, issue.message);
    return { ok: false, diagnostics };
  }
  const topics: TopicRule[] = [];
  shape.data.topics.forEach((topic, index) => {
    const fast = checkTopicFast(topic);
    if (fast) {
      topics.push(fast);
      return;
    }
    const parsed = topicRuleSchema.safeParse(topic);
    if (parsed.success) topics.push(parsed.data);
    else for (const issue of parsed.error.issues) report(['topics', index, ...issue.path], issue.message);
  });
  return { ok: true, topics, papers: shape.data.papers, diagnostics };
}

/**
 * The papers of one corpus file, checked one at a time (`checkPaper`): a paper that fails, or repeats
 * an id, is left out with a diagnostic naming the file and its path (`papers[3].title`).
 */
export class PaperChecker {
  /** The papers that passed, in order. */
  readonly papers: Paper[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly file: string) {}

  /** Checks the paper at `index` of the file's `papers` array. */
  add(value: unknown, index: number): void {
    const checked = checkPaper(value);
    if (!checked.ok) {
      for (const issue of checked.issues) this.report(['papers', index, ...issue.path], issue.message);
      return;
    }
    const valid = checked.paper;
    if (this.ids.has(valid.id)) {
      this.report(['papers', index, 'id'], `duplicate id "${valid.id}"`);
    } else {
      this.ids.add(valid.id);
      this.papers.push(valid);
    }
  }

  private report(path: (string | number | symbol)[], message: string): void {
    this.diagnostics.push({ file: this.file, line: null, path: formatPath(path), message, severity: 'error' });
  }
}

/** A paper that passed `paperSchema` (as zod returns it), or the schema's issues with their paths. */
export type PaperCheck = { ok: true; paper: Paper } | { ok: false; issues: { path: PropertyKey[]; message: string }[] };

/**
 * Checks one paper against `paperSchema`: the hand-written fast check first, zod when the fast check
 * refuses (for its messages, or to clean text the fast check will not). Page papers and JSON papers
 * both come through here.
 */
export function checkPaper(value: unknown): PaperCheck {
  const fast = checkPaperFast(value);
  if (fast) return { ok: true, paper: fast };
  const parsed = paperSchema.safeParse(value);
  if (parsed.success) return { ok: true, paper: parsed.data as Paper };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
}
