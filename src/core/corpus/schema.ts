/**
 * The corpus file: its schema, the check of a user's corpus file (every paper and topic with zod, one
 * bad entry costing only itself), and the bundled corpus, which the build checked and the extension trusts.
 */
import { formatPath } from '../diagnostics';
import { paperSchema, type Paper } from '../paper';
import { topicRuleSchema } from '../topics/topicSchema';
import type { Corpus, Diagnostic, TopicRule } from '../types';
import * as z from '../zod';

/** The outer shape of a corpus file; `loadCorpus` checks its topics and papers one by one, so one bad entry does not cost the rest. */
const corpusShapeSchema = z.object({ version: z.literal(1), topics: z._default(z.array(z.unknown()), []), papers: z.array(z.unknown()) });

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
  const shape = corpusShapeSchema.safeParse(json);
  if (!shape.success) {
    for (const issue of shape.error.issues) report(issue.path, issue.message);
    return { ok: false, diagnostics };
  }
  const topics: TopicRule[] = [];
  shape.data.topics.forEach((topic, index) => {
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

/** Checks one paper against `paperSchema`. Page papers and users' JSON papers both come through here. */
export function checkPaper(value: unknown): PaperCheck {
  const parsed = paperSchema.safeParse(value);
  if (parsed.success) return { ok: true, paper: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
}

/**
 * The bundled corpus as the build wrote it (dist/corpus.json). The build checked every paper and topic
 * against these schemas and fails on any problem (scripts/buildCorpus.ts), so only the outer shape is
 * checked here; activation does not pay to check 224 papers again. Throws, naming the file, when the
 * shape is not a corpus file's.
 */
export function trustedCorpus(json: unknown, file: string): Corpus {
  const shape = corpusShapeSchema.safeParse(json);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    throw new Error(`${file}: not a corpus file as the build writes it (${formatPath(issue.path) || 'the whole file'}: ${issue.message})`);
  }
  return { version: 1, topics: shape.data.topics as TopicRule[], papers: shape.data.papers as Paper[] };
}
