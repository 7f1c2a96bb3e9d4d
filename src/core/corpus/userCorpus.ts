import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { compileTopics, assignTopics, type CompiledTopic } from '../topics/assignTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import { toCorpusPapers } from './buildCorpus';
import { mergeInto, normalizeTitle } from './merge';
import { parsePage, type PagePaper } from './parsePage';
import { loadCorpus } from './schema';

/** A user's corpus file as read from disk: Daily Papers page dumps (`.txt`) or corpus JSON (`.json`). */
export interface UserSource {
  /** Path or name shown in messages. */
  file: string;
  text: string;
}

/** The papers of all sources merged, and every problem met, each naming its file. */
export interface MergedCorpus {
  papers: Paper[];
  diagnostics: Diagnostic[];
}

/**
 * Merges users' own sources into a base corpus (usually the bundled one) by the same rules as the
 * bundled pages: a paper whose normalised title is already known fills that paper's unknown fields
 * and adds its source; a new paper gets an id and citation key that no existing paper has, so keys
 * already issued never change. Never throws; a bad file costs only itself.
 */
export function mergeUserSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[]): MergedCorpus {
  const diagnostics: Diagnostic[] = [];
  const compiled = compileTopics(rules, 'topics');
  diagnostics.push(...compiled.diagnostics);
  const papers = base.map((paper) => ({ ...paper, links: [...paper.links], sources: [...paper.sources], topics: [...paper.topics] }));
  const byTitle = new Map(papers.map((paper) => [normalizeTitle(paper.title), paper]));
  const fresh: PagePaper[] = [];
  const freshByTitle = new Map<string, PagePaper>();
  const keep: Paper[] = [];

  const absorb = (incoming: PagePaper): void => {
    const title = normalizeTitle(incoming.title);
    const known = byTitle.get(title) ?? freshByTitle.get(title);
    if (known) {
      mergeInto(known, incoming);
      return;
    }
    const copy = { ...incoming, links: [...incoming.links], sources: [...incoming.sources] };
    fresh.push(copy);
    freshByTitle.set(title, copy);
  };

  for (const source of sources) {
    if (/\.json$/i.test(source.file)) {
      const json = parseJson(source, diagnostics);
      if (json === undefined) continue;
      const loaded = loadCorpus(json, source.file);
      diagnostics.push(...loaded.diagnostics);
      for (const paper of loaded.corpus.papers) {
        const title = normalizeTitle(paper.title);
        if (byTitle.has(title) || freshByTitle.has(title)) absorb({ ...paper, sources: [...paper.sources, source.file], line: 0 });
        else keep.push({ ...paper, sources: paper.sources.length > 0 ? paper.sources : [source.file] });
      }
    } else {
      const result = parsePage(source.text, source.file);
      diagnostics.push(...result.diagnostics);
      result.papers.forEach(absorb);
    }
  }

  const taken = { takenIds: papers.map((paper) => paper.id), takenKeys: papers.map((paper) => paper.key) };
  const kept = keepJsonPapers(keep, taken, compiled.topics, diagnostics);
  const added = toCorpusPapers(fresh, compiled.topics, {
    takenIds: [...taken.takenIds, ...kept.map((paper) => paper.id)],
    takenKeys: [...taken.takenKeys, ...kept.map((paper) => paper.key)],
  });
  return { papers: [...papers, ...kept, ...added], diagnostics };
}

/** JSON papers keep their own id and key unless another paper has it already; then they get new ones. */
function keepJsonPapers(papers: Paper[], taken: { takenIds: string[]; takenKeys: string[] }, topics: CompiledTopic[], diagnostics: Diagnostic[]): Paper[] {
  const ids = new Set(taken.takenIds);
  const keys = new Set(taken.takenKeys);
  const clashing: PagePaper[] = [];
  const kept: Paper[] = [];
  for (const paper of papers) {
    if (ids.has(paper.id) || keys.has(paper.key)) {
      diagnostics.push({ file: paper.sources[0] ?? 'user corpus', line: null, message: `paper "${paper.id}" clashes with an existing id or key; it was given new ones`, severity: 'warning' });
      clashing.push({ ...paper, line: 0 });
      continue;
    }
    ids.add(paper.id);
    keys.add(paper.key);
    kept.push(paper.topics.length > 0 ? paper : { ...paper, topics: assignTopics(paper.title, paper.abstract, topics) });
  }
  return [...kept, ...toCorpusPapers(clashing, topics, { takenIds: ids, takenKeys: keys })];
}

function parseJson(source: UserSource, diagnostics: Diagnostic[]): unknown {
  try {
    return JSON.parse(source.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // JSON.parse does not always say where; jsonc-parser (VS Code's own) reports the offset of the first error.
    const errors: ParseError[] = [];
    parseTree(source.text, errors, { disallowComments: true, allowTrailingComma: false });
    const offset = errors[0]?.offset;
    const line = offset === undefined ? null : source.text.slice(0, offset).split('\n').length;
    const reason = errors[0] ? printParseErrorCode(errors[0].error) : (error as Error).message;
    diagnostics.push({ file: source.file, line, message: `not valid JSON (${reason})`, severity: 'error' });
    return undefined;
  }
}
