import { uniqueKeys } from '../citations/citationKey';
import { runToEnd, type Progress } from '../slices';
import { assignTopics, compileTopicsSteps, type CompiledTopic } from '../topics/assignTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import { corpusPaperSteps, type PaperNames } from './buildCorpus';
import { readCorpusJsonSteps } from './jsonPapers';
import { createMerger, normalizeTitle } from './merge';
import { parsePageSteps, type PagePaper } from './parsePage';
import { clip } from './records';
import { uniqueIds } from './slug';

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
 * How far a merge has come: reading the sources (`done` of `total` characters of their text), then
 * making the new papers (`done` of `total` papers: ids, keys, topics).
 */
export interface MergeProgress extends Progress {
  phase: 'reading' | 'papers';
}

/**
 * Merges users' own sources into a base corpus (usually the bundled one) by the same rules as the
 * bundled pages: a paper whose normalised title is already known fills that paper's unknown fields
 * and adds its source; a new paper gets an id and citation key that no existing paper has, so keys
 * already issued never change. Never throws: a source that cannot be read, or whose reading fails in
 * any way, costs only itself and is reported by its file name, and a paper that breaks something costs
 * only itself, reported at its file and line; the base papers always stay. The work is linear in the
 * size of the sources (merging, membership, names and topic assignment).
 */
export function mergeUserSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[]): MergedCorpus {
  return runToEnd(mergeUserSourcesSteps(base, sources, rules));
}

/** `mergeUserSources` in small steps (a paper or a pass over a page each), for `runInSlices`. */
export function* mergeUserSourcesSteps(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[]): Generator<MergeProgress, MergedCorpus> {
  const diagnostics: Diagnostic[] = [];
  try {
    return yield* mergeSteps(base, sources, rules, diagnostics);
  } catch (error) {
    // Every source and every paper is guarded on its own below; only a bug in the merge itself reaches here.
    diagnostics.push({ file: sources.map((source) => source.file).join(', ') || 'your corpora', line: null, message: `merging your corpora failed (${describeError(error)}); only the bundled papers are shown`, severity: 'error' });
    return { papers: [...base], diagnostics };
  }
}

function* mergeSteps(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], diagnostics: Diagnostic[]): Generator<MergeProgress, MergedCorpus> {
  const total = sources.reduce((sum, source) => sum + textLength(source), 0);
  const compiled = yield* reading(compileTopicsSteps(rules, 'topics'), 0, total, 0);
  for (const diagnostic of compiled.diagnostics) diagnostics.push(diagnostic);
  const merging = new Merging(base);
  let before = 0;
  for (const source of sources) {
    // Each source is read completely before any of it is merged, so that a failure part-way leaves
    // the papers already merged untouched.
    let read: SourcePapers;
    try {
      read = yield* reading(readSourceSteps(source), before, total);
    } catch (error) {
      diagnostics.push({ file: source.file, line: null, message: `could not be read (${describeError(error)}); its papers are left out`, severity: 'error' });
      before += textLength(source);
      continue;
    }
    before += textLength(source);
    for (const diagnostic of read.diagnostics) diagnostics.push(diagnostic);
    for (const paper of read.json) {
      merging.addJson(paper, source.file);
      yield { phase: 'reading', done: before, total };
    }
    for (const paper of read.pages) {
      merging.absorb(paper);
      yield { phase: 'reading', done: before, total };
    }
  }
  const names: PaperNames = { ids: uniqueIds(merging.papers.map((paper) => paper.id)), keys: uniqueKeys(merging.papers.map((paper) => paper.key)) };
  const count = merging.keep.length + merging.fresh.length;
  const kept: Paper[] = [];
  const renamed: PagePaper[] = [];
  for (const [index, paper] of merging.keep.entries()) {
    keepJsonPaper(paper, names, compiled.topics, kept, renamed, diagnostics);
    yield { phase: 'papers', done: index + 1, total: count };
  }
  // JSON papers whose id or key was taken get new ones, before the page papers get theirs.
  const fresh = [...renamed, ...merging.fresh];
  const steps = corpusPaperSteps(fresh, compiled.topics, names, diagnostics);
  let added: Paper[];
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      added = step.value;
      break;
    }
    yield { phase: 'papers', done: count - fresh.length + step.value.done, total: count };
  }
  return { papers: [...merging.papers, ...kept, ...added], diagnostics };
}

/** The papers known so far: the base papers (copies), and the new papers by normalised title. */
class Merging {
  /** Copies of the base papers, which merged papers may fill in. */
  readonly papers: Paper[];
  /** New JSON papers, to keep with their own id and key where those are free. */
  readonly keep: Paper[] = [];
  /** New page papers (and JSON papers of a title already new), still to be named. */
  readonly fresh: PagePaper[] = [];
  private readonly byTitle: Map<string, Paper>;
  private readonly freshByTitle = new Map<string, PagePaper>();
  private readonly mergeInto = createMerger();

  constructor(base: readonly Paper[]) {
    this.papers = base.map((paper) => ({ ...paper, links: [...paper.links], sources: [...paper.sources], topics: [...paper.topics] }));
    this.byTitle = new Map(this.papers.map((paper) => [normalizeTitle(paper.title), paper]));
  }

  /** A paper of a corpus JSON file: merged into a known paper of its title, else kept as it is. */
  addJson(paper: Paper, file: string): void {
    const title = normalizeTitle(paper.title);
    if (this.byTitle.has(title) || this.freshByTitle.has(title)) this.absorb({ ...paper, sources: [...paper.sources, file], line: 0 }, title);
    else this.keep.push({ ...paper, sources: paper.sources.length > 0 ? paper.sources : [file] });
  }

  /** A paper of a page: merged into a known paper of its title, else new. */
  absorb(incoming: PagePaper, title = normalizeTitle(incoming.title)): void {
    const known = this.byTitle.get(title) ?? this.freshByTitle.get(title);
    if (known) {
      this.mergeInto(known, incoming);
      return;
    }
    const copy = { ...incoming, links: [...incoming.links], sources: [...incoming.sources] };
    this.fresh.push(copy);
    this.freshByTitle.set(title, copy);
  }
}

/**
 * A JSON paper keeps its own id and key unless another paper has one of them already; then it is
 * named again (`renamed`). One without topics gets them from the rules. A paper whose topics cannot be
 * scored is left out, reported by its file.
 */
function keepJsonPaper(paper: Paper, names: PaperNames, topics: readonly CompiledTopic[], kept: Paper[], renamed: PagePaper[], diagnostics: Diagnostic[]): void {
  const file = paper.sources[0] ?? 'your corpora';
  if (names.ids.has(paper.id) || names.keys.has(paper.key)) {
    diagnostics.push({ file, line: null, message: `paper "${paper.id}" clashes with an existing id or key; it was given new ones`, severity: 'warning' });
    renamed.push({ ...paper, line: 0 });
    return;
  }
  try {
    kept.push(paper.topics.length > 0 ? paper : { ...paper, topics: assignTopics(paper.title, paper.abstract, topics) });
  } catch (error) {
    diagnostics.push({ file, line: null, message: `paper "${clip(paper.title)}" left out: ${describeError(error)}`, severity: 'error' });
    return;
  }
  names.ids.reserve(paper.id);
  names.keys.reserve(paper.key);
}

/** One source's papers and problems. */
interface SourcePapers {
  json: Paper[];
  pages: PagePaper[];
  diagnostics: Diagnostic[];
}

/** One source read in steps: corpus JSON for `.json` files, a page dump otherwise. */
function* readSourceSteps(source: UserSource): Generator<Progress, SourcePapers> {
  if (!/\.json$/i.test(source.file)) {
    const result = yield* parsePageSteps(source.text, source.file);
    return { json: [], pages: result.papers, diagnostics: result.diagnostics };
  }
  const loaded = yield* readCorpusJsonSteps(source.text, source.file);
  return { json: loaded.corpus.papers, pages: [], diagnostics: loaded.diagnostics };
}

/**
 * Steps of the reading phase whose progress counts `scale` of their own units as characters of the
 * sources (1 for reading a source; 0 for work that reads none), after the `before` already read.
 */
function* reading<T>(steps: Generator<Progress, T>, before: number, total: number, scale = 1): Generator<MergeProgress, T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    yield { phase: 'reading', done: before + scale * step.value.done, total };
  }
}

/** The length of a source's text; 0 when it has none to measure (it is reported when read). */
function textLength(source: UserSource): number {
  try {
    return typeof source.text === 'string' ? source.text.length : 0;
  } catch {
    return 0;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
