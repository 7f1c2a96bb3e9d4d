import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { compileTopics, assignTopics, type CompiledTopic } from '../topics/assignTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import { toCorpusPapers } from './buildCorpus';
import { createMerger, normalizeTitle } from './merge';
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
 * already issued never change. Never throws: a source that cannot be read, or whose reading fails in
 * any way, costs only itself and is reported by its file name; the base papers always stay. The work
 * is linear in the number of papers (merging, membership and topic assignment).
 */
export function mergeUserSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[]): MergedCorpus {
  const diagnostics: Diagnostic[] = [];
  try {
    return mergeSources(base, sources, rules, diagnostics);
  } catch (error) {
    // Every source was read on its own below; only a bug in the merge itself reaches here.
    diagnostics.push({ file: sources.map((source) => source.file).join(', ') || 'your corpora', line: null, message: `merging your corpora failed (${describeError(error)}); only the bundled papers are shown`, severity: 'error' });
    return { papers: [...base], diagnostics };
  }
}

function mergeSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], diagnostics: Diagnostic[]): MergedCorpus {
  const compiled = compileTopics(rules, 'topics');
  for (const diagnostic of compiled.diagnostics) diagnostics.push(diagnostic);
  const mergeInto = createMerger();
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
    // Read each source completely before any of it is merged, so that a failure part-way leaves
    // the papers already merged untouched.
    let read: ReturnType<typeof readSource>;
    try {
      read = readSource(source);
    } catch (error) {
      diagnostics.push({ file: source.file, line: null, message: `could not be read (${describeError(error)}); its papers are left out`, severity: 'error' });
      continue;
    }
    for (const diagnostic of read.diagnostics) diagnostics.push(diagnostic);
    for (const paper of read.json) {
      const title = normalizeTitle(paper.title);
      if (byTitle.has(title) || freshByTitle.has(title)) absorb({ ...paper, sources: [...paper.sources, source.file], line: 0 });
      else keep.push({ ...paper, sources: paper.sources.length > 0 ? paper.sources : [source.file] });
    }
    for (const paper of read.pages) absorb(paper);
  }

  const taken = { takenIds: papers.map((paper) => paper.id), takenKeys: papers.map((paper) => paper.key) };
  const kept = keepJsonPapers(keep, taken, compiled.topics, diagnostics);
  const added = addFresh(fresh, compiled.topics, new Set([...taken.takenIds, ...kept.map((paper) => paper.id)]), new Set([...taken.takenKeys, ...kept.map((paper) => paper.key)]), diagnostics);
  return { papers: [...papers, ...kept, ...added], diagnostics };
}

/**
 * New papers with ids, keys and topics. Should that throw for some paper (a title no key can be made
 * of), the papers are done in halves until the ones that fail are found; those are reported at their
 * file and line and left out, and every other paper is kept. Without a failure this is one pass.
 */
function addFresh(fresh: PagePaper[], topics: CompiledTopic[], ids: Set<string>, keys: Set<string>, diagnostics: Diagnostic[]): Paper[] {
  if (fresh.length === 0) return [];
  let added: Paper[];
  try {
    added = toCorpusPapers(fresh, topics, { takenIds: ids, takenKeys: keys, diagnostics });
  } catch (error) {
    if (fresh.length === 1) {
      const [paper] = fresh;
      diagnostics.push({ file: paper.sources[0] ?? 'your corpora', line: paper.line || null, message: `paper "${paper.title.slice(0, 60)}" left out: ${describeError(error)}`, severity: 'error' });
      return [];
    }
    const middle = fresh.length >>> 1;
    const first = addFresh(fresh.slice(0, middle), topics, ids, keys, diagnostics);
    return [...first, ...addFresh(fresh.slice(middle), topics, ids, keys, diagnostics)];
  }
  for (const paper of added) {
    ids.add(paper.id);
    keys.add(paper.key);
  }
  return added;
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

/** One source's papers and problems: corpus JSON for `.json` files, a page dump otherwise. */
function readSource(source: UserSource): { json: Paper[]; pages: PagePaper[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!/\.json$/i.test(source.file)) {
    const result = parsePage(source.text, source.file);
    return { json: [], pages: result.papers, diagnostics: result.diagnostics };
  }
  const json = parseJson(source, diagnostics);
  if (json === undefined) return { json: [], pages: [], diagnostics };
  const loaded = loadCorpus(json, source.file);
  for (const diagnostic of loaded.diagnostics) diagnostics.push(diagnostic);
  return { json: loaded.corpus.papers, pages: [], diagnostics };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
