import { baseCitationKey, uniqueKeys } from '../citations/citationKey';
import { formatPath } from '../diagnostics';
import { runToEnd, type Progress } from '../slices';
import { assignTopics, compileTopics, type CompiledTopic } from '../topics/assignTopics';
import type { Corpus, Diagnostic, Paper, TopicRule } from '../types';
import type { UniqueNames } from '../uniqueNames';
import { mergePapers } from './merge';
import type { PagePaper } from './parsePage';
import { parsePage } from './parsePage';
import { clip } from './records';
import { checkPaper } from './schema';
import { slugify, uniqueIds } from './slug';

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
  topics: readonly CompiledTopic[],
  options: CorpusPaperOptions = {},
): Paper[] {
  const naming = { ids: uniqueIds(options.takenIds), keys: uniqueKeys(options.takenKeys) };
  return runToEnd(corpusPaperSteps(merged, topics, naming, options.diagnostics));
}

/** The ids and citation keys handed out so far (see `uniqueIds`, `uniqueKeys`). */
export interface PaperNames {
  ids: UniqueNames;
  keys: UniqueNames;
}

/**
 * `toCorpusPapers` one paper at a time, yielding after each. A paper whose title breaks something on
 * the way (no key can be made of it, its topics cannot be scored) is left out and reported at its file
 * and line like one that fails the schema: every other paper is kept.
 */
export function* corpusPaperSteps(
  merged: readonly PagePaper[],
  topics: readonly CompiledTopic[],
  names: PaperNames,
  diagnostics?: Diagnostic[],
): Generator<Progress, Paper[]> {
  const papers: Paper[] = [];
  for (const [index, paper] of merged.entries()) {
    const report = (message: string): void => {
      diagnostics?.push({ file: paper.sources[0] ?? 'corpus', line: paper.line || null, message: `paper "${clip(paper.title)}" ${message}`, severity: 'error' });
    };
    try {
      // Everything that can break first, so a paper left out claims no name.
      const [idBase, keyBase] = [slugify(paper.title), baseCitationKey(paper.title, paper.published)];
      const assigned = assignTopics(paper.title, paper.abstract, topics);
      const checked = checkPaper(toPaper(paper, names.ids.claim(idBase), names.keys.claim(keyBase), assigned));
      if (checked.ok) papers.push(checked.paper);
      else report(`skipped: ${checked.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ')}`);
    } catch (error) {
      report(`left out: ${error instanceof Error ? error.message : String(error)}`);
    }
    yield { done: index + 1, total: merged.length };
  }
  return papers;
}

function toPaper(paper: PagePaper, id: string, key: string, topics: string[]): Paper {
  return {
    id,
    key,
    title: paper.title,
    abstract: paper.abstract,
    published: paper.published,
    upvotes: paper.upvotes,
    authorsCount: paper.authorsCount,
    organization: paper.organization,
    topics,
    links: paper.links,
    sources: paper.sources,
  };
}
