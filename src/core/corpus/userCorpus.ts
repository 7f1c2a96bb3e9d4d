import { runToEnd, type Progress } from '../slices';
import { compileTopicsSteps } from '../topics/assignTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import { corpusPaperSteps, type IncomingPaper } from './buildCorpus';
import { readCorpusJsonSteps } from './jsonPapers';
import { createMerger, normalizeTitle } from './merge';
import { parsePageSteps } from './parsePage';

/** A user's corpus file as read from disk: Daily Papers page dumps (`.txt`) or corpus JSON (`.json`). */
export interface UserSource {
  /** Path or name shown in messages. */
  file: string;
  text: string;
  /** Where the file is, for opening it (a URI string in the extension); `file` when absent. */
  location?: string;
}

/** The papers of all sources merged, every problem met (each naming its file), and the keys issued. */
export interface MergedCorpus {
  papers: Paper[];
  diagnostics: Diagnostic[];
  /**
   * The key of every paper the sources added, by identity (normalised title). Pass it back as
   * `previousKeys` on the next merge (the extension keeps it across sessions) so that adding, removing
   * or reordering sources never moves a key that was handed out.
   */
  issuedKeys: Map<string, string>;
}

/** What a merge keeps from earlier merges. */
export interface MergeOptions {
  /** `issuedKeys` of an earlier merge: those papers keep their keys while no bundled paper has them. */
  previousKeys?: ReadonlyMap<string, string>;
}

/**
 * How far a merge has come: reading the sources (`done` of `total` characters of their text), then
 * making the new papers (`done` of `total` steps: two a paper, see `corpusPaperSteps`).
 */
export interface MergeProgress extends Progress {
  phase: 'reading' | 'papers';
}

/**
 * Merges users' own sources into a base corpus (usually the bundled one) by the same rules as the
 * bundled pages: a paper whose normalised title is already known (from the base or any source, JSON or
 * page, in any order) fills that paper's unknown fields and adds its source; a new paper gets an id
 * and citation key no base paper has. A JSON paper keeps its own id and key unless another paper has
 * them (reported); the key a JSON file gives a known paper becomes that paper's alias. Keys never
 * depend on the order of sources. Never throws: a source that cannot be read, or whose reading fails in
 * any way, costs only itself and is reported by its file name, and a paper that breaks something costs
 * only itself, reported at its file and line; the base papers always stay. The work is linear in the
 * size of the sources (merging, membership, names and topic assignment).
 */
export function mergeUserSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], options: MergeOptions = {}): MergedCorpus {
  return runToEnd(mergeUserSourcesSteps(base, sources, rules, options));
}

/** `mergeUserSources` in small steps (a paper or a pass over a page each), for `runInSlices`. */
export function* mergeUserSourcesSteps(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], options: MergeOptions = {}): Generator<MergeProgress, MergedCorpus> {
  const diagnostics: Diagnostic[] = [];
  try {
    return yield* mergeSteps(base, sources, rules, options, diagnostics);
  } catch (error) {
    // Every source and every paper is guarded on its own below; only a bug in the merge itself reaches here.
    diagnostics.push({ file: sources.map((source) => source.file).join(', ') || 'your corpora', line: null, message: `merging your corpora failed (${describeError(error)}); only the bundled papers are shown`, severity: 'error' });
    return { papers: [...base], diagnostics, issuedKeys: new Map() };
  }
}

function* mergeSteps(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], options: MergeOptions, diagnostics: Diagnostic[]): Generator<MergeProgress, MergedCorpus> {
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
    for (const paper of read.papers) {
      merging.absorb(paper);
      yield { phase: 'reading', done: before, total };
    }
  }

  const reservedIds = new Map(merging.papers.map((paper) => [paper.id, normalizeTitle(paper.title)]));
  const reservedKeys = new Map<string, string>();
  for (const paper of merging.papers) for (const key of [paper.key, ...(paper.aliases ?? [])]) reservedKeys.set(key, normalizeTitle(paper.title));
  const incoming = [...merging.fresh.values()];
  const steps = corpusPaperSteps(incoming, compiled.topics, { reservedIds, reservedKeys, previousKeys: options.previousKeys, diagnostics });
  let step = steps.next();
  for (; !step.done; step = steps.next()) yield { phase: 'papers', done: step.value.done, total: step.value.total };
  const added = step.value;
  for (const index of added.refusedKeys) diagnostics.push(refusal(incoming[index], 'key', incoming[index].claimedKey!, added.keys[index]));
  for (const index of added.refusedIds) diagnostics.push(refusal(incoming[index], 'id', incoming[index].claimedId!, added.ids[index]));
  addBaseAliases(merging.baseAliases, added.papers, diagnostics);
  // By the identity each new paper was merged under (the fresh map's keys, in the order of `incoming`).
  const identities = [...merging.fresh.keys()];
  const keptIds = new Set<string>();
  const issuedKeys = new Map<string, string>();
  const last = { phase: 'papers', done: 1, total: 1 } as const;
  for (const [index, paper] of added.papers.entries()) {
    keptIds.add(paper.id);
    if (index % NAMING_STEP === NAMING_STEP - 1) yield last;
  }
  for (const [index, key] of added.keys.entries()) {
    if (key && keptIds.has(added.ids[index])) issuedKeys.set(identities[index], key);
    if (index % NAMING_STEP === NAMING_STEP - 1) yield last;
  }
  return { papers: [...merging.papers, ...added.papers], diagnostics, issuedKeys };
}

/** Papers handled between two steps of a pass over many papers. */
const NAMING_STEP = 2000;

/** The papers known so far: the base papers (copies), and the new papers by normalised title. */
class Merging {
  /** Copies of the base papers, which merged papers may fill in. */
  readonly papers: Paper[];
  /** New papers by normalised title, copies of one paper merged (see `mergeCopies`). */
  readonly fresh = new Map<string, FreshPaper>();
  /** Keys JSON files give papers of the base corpus, to keep as their aliases. */
  readonly baseAliases = new Map<Paper, { key: string; file: string }[]>();
  private readonly byTitle: Map<string, Paper>;
  private readonly mergeInto = createMerger();

  constructor(base: readonly Paper[]) {
    this.papers = base.map((paper) => ({ ...paper, links: [...paper.links], sources: [...paper.sources], topics: [...paper.topics] }));
    this.byTitle = new Map(this.papers.map((paper) => [normalizeTitle(paper.title), paper]));
  }

  /** A paper of a source: merged into a known paper of its title, or into a new one, else new. */
  absorb(incoming: FreshPaper): void {
    const title = normalizeTitle(incoming.title);
    const known = this.byTitle.get(title);
    if (known) {
      this.mergeInto(known, incoming);
      const claims = [incoming.claimedKey, ...(incoming.aliases ?? [])].filter((key): key is string => key !== undefined && key !== known.key);
      if (claims.length > 0) this.baseAliases.set(known, [...(this.baseAliases.get(known) ?? []), ...claims.map((key) => ({ key, file: incoming.file }))]);
      return;
    }
    const seen = this.fresh.get(title);
    if (seen) mergeCopies(seen, incoming, this.mergeInto);
    else this.fresh.set(title, { ...incoming, links: [...incoming.links], sources: [...incoming.sources] });
  }
}

/** A paper read from a user's source, not yet in the corpus, with the file it came from. */
type FreshPaper = IncomingPaper & { file: string };

/** A corpus JSON paper as an incoming paper that claims its id and key. */
function fromJson(paper: Paper, file: string): FreshPaper {
  const { id, key, aliases, topics, links, sources, ...fields } = paper;
  return {
    ...fields,
    links: [...links],
    sources: sources.includes(file) ? [...sources] : [...sources, file],
    line: 0,
    claimedId: id,
    claimedKey: key,
    aliases,
    topics,
    file,
  };
}

/**
 * Merges a second copy of a new paper into the first, whatever their order: fields as `mergeInto`
 * does, the smaller claimed id and key (the other key becomes an alias), topics united.
 */
function mergeCopies(seen: FreshPaper, incoming: FreshPaper, mergeInto: ReturnType<typeof createMerger>): void {
  mergeInto(seen, incoming);
  const keys = [seen.claimedKey, incoming.claimedKey].filter((key): key is string => key !== undefined).sort();
  seen.claimedKey = keys[0];
  seen.aliases = [...(seen.aliases ?? []), ...(incoming.aliases ?? []), ...keys.slice(1)];
  const ids = [seen.claimedId, incoming.claimedId].filter((id): id is string => id !== undefined).sort();
  seen.claimedId = ids[0];
  if (incoming.topics && incoming.topics.length > 0) seen.topics = [...new Set([...(seen.topics ?? []), ...incoming.topics])];
  if (incoming.claimedKey !== undefined && incoming.claimedKey === keys[0]) seen.file = incoming.file;
}

/** Adds the keys JSON files gave base papers as their aliases, unless the key cites another paper. */
function addBaseAliases(wanted: Map<Paper, { key: string; file: string }[]>, added: readonly Paper[], diagnostics: Diagnostic[]): void {
  if (wanted.size === 0) return; // the common case: no JSON file gave a bundled paper a key
  const claimed = new Set<string>();
  for (const claims of wanted.values()) for (const { key } of claims) claimed.add(key);
  const taken = new Set<string>();
  for (const paper of added) {
    if (claimed.has(paper.key)) taken.add(paper.key);
    for (const alias of paper.aliases ?? []) if (claimed.has(alias)) taken.add(alias);
  }
  const claimants = new Map<string, number>();
  for (const claims of wanted.values()) for (const key of new Set(claims.map((claim) => claim.key))) claimants.set(key, (claimants.get(key) ?? 0) + 1);
  for (const [paper, claims] of wanted) {
    for (const { key, file } of claims) {
      if ((paper.aliases ?? []).includes(key)) continue;
      if (taken.has(key) || claimants.get(key)! > 1) {
        diagnostics.push({ file, line: null, message: `the key "${key}" given to "${paper.title}" also cites another paper, so it is not kept; cite it as "${paper.key}"`, severity: 'warning' });
        continue;
      }
      paper.aliases = [...(paper.aliases ?? []), key].sort();
    }
  }
}

/** The message for a claimed id or key that another paper already had. */
function refusal(paper: FreshPaper, what: 'id' | 'key', claimed: string, given: string): Diagnostic {
  return {
    file: paper.file,
    line: null,
    message: `"${paper.title}" claims ${what} "${claimed}", which another paper already has; that paper keeps it, and this one gets ${what} "${given}"`,
    severity: 'warning',
  };
}

/** One source's papers and problems. */
interface SourcePapers {
  papers: FreshPaper[];
  diagnostics: Diagnostic[];
}

/** One source read in steps: corpus JSON for `.json` files, a page dump otherwise. */
function* readSourceSteps(source: UserSource): Generator<Progress, SourcePapers> {
  if (!/\.json$/i.test(source.file)) {
    const result = yield* parsePageSteps(source.text, source.file);
    return { papers: result.papers.map((paper) => ({ ...paper, file: source.file })), diagnostics: result.diagnostics };
  }
  const loaded = yield* readCorpusJsonSteps(source.text, source.file);
  const papers: FreshPaper[] = [];
  const read = { done: source.text.length, total: source.text.length };
  for (const [index, paper] of loaded.corpus.papers.entries()) {
    papers.push(fromJson(paper, source.file));
    if (index % NAMING_STEP === NAMING_STEP - 1) yield read;
  }
  return { papers, diagnostics: loaded.diagnostics };
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
