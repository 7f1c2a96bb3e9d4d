import { assignCitationKeys } from '../citations/citationKey';
import { assignTopics, compileTopics } from '../topics/assignTopics';
import type { Corpus, Diagnostic, Paper, TopicRule } from '../types';
import { mergePapers } from './merge';
import type { PagePaper } from './parsePage';
import { parsePage } from './parsePage';
import { clip } from './records';
import { formatPath } from '../diagnostics';
import { checkPaper } from './schema';
import { assignIds } from './slug';

/** A page dump's name and text. */
export interface PageSource {
  file: string;
  text: string;
}

/** Options for turning parsed papers into corpus papers. */
export interface CorpusPaperOptions {
  /** Ids and citation keys already issued (for example to the bundled corpus): never reused. */
  takenIds?: Iterable<string>;
  takenKeys?: Iterable<string>;
  /** Where a paper that fails `paperSchema` is reported (it is left out either way). */
  diagnostics?: Diagnostic[];
}

/**
 * Parses page dumps into a corpus: papers read, merged across pages, given ids, citation keys and
 * topics. Never throws; what was skipped is in the diagnostics.
 */
export function buildCorpus(pages: readonly PageSource[], rules: readonly TopicRule[]): { corpus: Corpus; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const read: PagePaper[] = [];
  for (const page of pages) {
    const result = parsePage(page.text, page.file);
    // Loops, not push(...array): a page can hold more papers than a call can take arguments.
    for (const paper of result.papers) read.push(paper);
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
  }
  const compiled = compileTopics(rules);
  for (const diagnostic of compiled.diagnostics) diagnostics.push(diagnostic);
  const papers = toCorpusPapers(mergePapers(read), compiled.topics, { diagnostics });
  return { corpus: { version: 1, topics: [...rules], papers }, diagnostics };
}

/**
 * Gives merged page papers their ids, citation keys and topics, and checks each against `paperSchema`
 * like a paper read from JSON: one that fails is left out and reported at its file and line.
 */
export function toCorpusPapers(
  merged: readonly PagePaper[],
  topics: ReturnType<typeof compileTopics>['topics'],
  options: CorpusPaperOptions = {},
): Paper[] {
  const ids = assignIds(merged.map((paper) => paper.title), options.takenIds);
  const keys = assignCitationKeys(merged.map((paper) => ({ title: paper.title, published: paper.published })), options.takenKeys);
  const papers: Paper[] = [];
  merged.forEach((paper, index) => {
    const checked = checkPaper(toPaper(paper, ids[index], keys[index], topics));
    if (checked.ok) papers.push(checked.paper);
    else {
      const problems = checked.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
      options.diagnostics?.push({ file: paper.sources[0] ?? 'corpus', line: paper.line || null, message: `paper "${clip(paper.title)}" skipped: ${problems}`, severity: 'error' });
    }
  });
  return papers;
}

function toPaper(paper: PagePaper, id: string, key: string, topics: ReturnType<typeof compileTopics>['topics']): Paper {
  return {
    id,
    key,
    title: paper.title,
    abstract: paper.abstract,
    published: paper.published,
    upvotes: paper.upvotes,
    authorsCount: paper.authorsCount,
    organization: paper.organization,
    topics: assignTopics(paper.title, paper.abstract, topics),
    links: paper.links,
    sources: paper.sources,
  };
}
