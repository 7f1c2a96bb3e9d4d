import { assignCitationKeys } from '../citations/citationKey';
import { assignTopics, compileTopics } from '../topics/assignTopics';
import type { Corpus, Diagnostic, Paper, TopicRule } from '../types';
import { mergePapers } from './merge';
import type { PagePaper } from './parsePage';
import { parsePage } from './parsePage';
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
    read.push(...result.papers);
    diagnostics.push(...result.diagnostics);
  }
  const compiled = compileTopics(rules);
  diagnostics.push(...compiled.diagnostics);
  const papers = toCorpusPapers(mergePapers(read), compiled.topics);
  return { corpus: { version: 1, topics: [...rules], papers }, diagnostics };
}

/** Gives merged page papers their ids, citation keys and topics. */
export function toCorpusPapers(
  merged: readonly PagePaper[],
  topics: ReturnType<typeof compileTopics>['topics'],
  options: CorpusPaperOptions = {},
): Paper[] {
  const ids = assignIds(merged.map((paper) => paper.title), options.takenIds);
  const keys = assignCitationKeys(merged.map((paper) => ({ title: paper.title, published: paper.published })), options.takenKeys);
  return merged.map((paper, index) => ({
    id: ids[index],
    key: keys[index],
    title: paper.title,
    abstract: paper.abstract,
    published: paper.published,
    upvotes: paper.upvotes,
    authorsCount: paper.authorsCount,
    organization: paper.organization,
    topics: assignTopics(paper.title, paper.abstract, topics),
    links: paper.links,
    sources: paper.sources,
  }));
}
