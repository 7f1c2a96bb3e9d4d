import { assignKeyNamesSteps, keyNameRequest } from '../citations/citationKey';
import type { NameRequest } from '../citations/uniqueNames';
import { formatPath } from '../diagnostics';
import { runToEnd, type Progress } from '../slices';
import { assignTopics, compileTopics, type CompiledTopic } from '../topics/assignTopics';
import type { Corpus, Diagnostic, Paper, TopicRule } from '../types';
import { keyAliasesSteps } from '../citations/keyAliases';
import { mergePapers, normalizeTitle } from './merge';
import type { PagePaper } from './parsePage';
import { parsePage } from './parsePage';
import { clip } from './records';
import { checkPaper } from './schema';
import { assignIdNamesSteps, idNameRequest } from './slug';

/** A page dump's name and text. */
export interface PageSource {
  file: string;
  text: string;
}

/** Names already handed out, for turning parsed papers into corpus papers. */
export interface CorpusPaperOptions {
  /** Ids of papers outside this call (id → identity of its paper): never given to another paper. */
  reservedIds?: ReadonlyMap<string, string>;
  /**
   * Keys and aliases of papers outside this call, and old keys kept as aliases (key → identity of its
   * paper): never given to another paper. An old key of a paper in this call becomes its alias.
   */
  reservedKeys?: ReadonlyMap<string, string>;
  /** Keys issued to these papers before, by identity: each keeps its key while it is free. */
  previousKeys?: ReadonlyMap<string, string>;
  /** Where a paper that fails `paperSchema` or breaks on the way is reported (it is left out either way). */
  diagnostics?: Diagnostic[];
}

/** A merged paper about to enter the corpus, with what its own file (corpus JSON) says about it. */
export interface IncomingPaper extends PagePaper {
  /** The id and key its file gives it: kept when no other paper has them. */
  claimedId?: string;
  claimedKey?: string;
  /** Keys its file lists as aliases, and keys other copies of it claimed. */
  aliases?: string[];
  /** Topics its file gives it; assigned by the rules when absent or empty. */
  topics?: string[];
}

/** Corpus papers with the incoming papers whose claimed id or key another paper already had. */
export interface CorpusPapers {
  /** The papers that passed `paperSchema` (one that fails is reported in `diagnostics` and left out). */
  papers: Paper[];
  /** The id and key given to each incoming paper, by its index in `merged`. */
  ids: string[];
  keys: string[];
  /** Indexes in `merged` of the papers whose claimed id or key was refused. */
  refusedIds: number[];
  refusedKeys: number[];
}

/** What a corpus build keeps from earlier versions. */
export interface BuildCorpusOptions {
  /** Keys the papers had under an earlier key rule (key → identity of its paper): kept as aliases. */
  legacyKeys?: ReadonlyMap<string, string>;
}

/**
 * Parses page dumps into a corpus: papers read, merged across pages, given ids, citation keys (with
 * `legacyKeys` as aliases) and topics. Never throws; what was skipped is in the diagnostics.
 */
export function buildCorpus(pages: readonly PageSource[], rules: readonly TopicRule[], options: BuildCorpusOptions = {}): { corpus: Corpus; diagnostics: Diagnostic[] } {
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
  const { papers } = toCorpusPapers(mergePapers(read), compiled.topics, { reservedKeys: options.legacyKeys, diagnostics });
  return { corpus: { version: 1, topics: [...rules], papers }, diagnostics };
}
/**
 * Gives merged papers their ids, citation keys (see `assignCitationKeys`: order-free, so the result
 * does not depend on the order of `merged`), aliases and topics, and checks each against `paperSchema`
 * like a paper read from JSON: one that fails is left out and reported at its file and line.
 */
export function toCorpusPapers(merged: readonly IncomingPaper[], topics: readonly CompiledTopic[], options: CorpusPaperOptions = {}): CorpusPapers {
  return runToEnd(corpusPaperSteps(merged, topics, options));
}

/**
 * `toCorpusPapers` in steps: a pass over each paper (what can break: its slug, its readable title for
 * the key, its topics), the naming of all of them at once (order-free, so it needs every paper; linear, see
 * `assignUniqueNamesSteps`), then a pass over each paper to check it;
 * progress counts two steps a paper.
 * A paper whose title breaks something on the way is left out before naming, so it claims no name,
 * and is reported at its file and line like one that fails the schema: every other paper is kept.
 */
export function* corpusPaperSteps(merged: readonly IncomingPaper[], topics: readonly CompiledTopic[], options: CorpusPaperOptions = {}): Generator<Progress, CorpusPapers> {
  const total = merged.length * 2;
  const ready: Prepared[] = [];
  for (const [index, paper] of merged.entries()) {
    try {
      const identity = normalizeTitle(paper.title);
      const key = keyNameRequest({ identity, title: paper.title, published: paper.published, claimed: paper.claimedKey });
      const assigned = paper.topics && paper.topics.length > 0 ? paper.topics : assignTopics(paper.title, paper.abstract, topics);
      ready.push({ index, id: idNameRequest({ identity, title: paper.title, claimed: paper.claimedId }), key, topics: assigned });
    } catch (error) {
      report(paper, `left out: ${error instanceof Error ? error.message : String(error)}`, options.diagnostics);
    }
    yield { done: index + 1, total };
  }
  // Naming needs every paper (order-free); it runs in steps of its own, counted as the first pass's end.
  const naming = <T>(steps: Generator<unknown, T>): Generator<Progress, T> => atProgress(steps, { done: merged.length, total });
  const ids = yield* naming(assignIdNamesSteps(ready.map((entry) => entry.id), options.reservedIds));
  const keys = yield* naming(assignKeyNamesSteps(ready.map((entry) => entry.key), { reserved: options.reservedKeys, previous: options.previousKeys }));
  yield { done: merged.length, total };
  const oldKeys = new Map<string, string[]>();
  for (const [key, identity] of options.reservedKeys ?? []) oldKeys.set(identity, [...(oldKeys.get(identity) ?? []), key]);
  const identities = ready.map((entry) => entry.key.identity);
  const wanted = ready.map((entry, at): readonly string[] => {
    const old = oldKeys.get(identities[at]);
    const own = merged[entry.index].aliases;
    return old || own ? [...(old ?? []), ...(own ?? [])] : NO_ALIASES;
  });
  const aliases = yield* naming(keyAliasesSteps(wanted, keys.keys, options.reservedKeys, identities));
  const result: CorpusPapers = { papers: [], ids: merged.map(() => ''), keys: merged.map(() => ''), refusedIds: ids.refused.map((at) => ready[at].index), refusedKeys: keys.refused.map((at) => ready[at].index) };
  for (const [at, entry] of ready.entries()) {
    const paper = merged[entry.index];
    result.ids[entry.index] = ids.ids[at];
    result.keys[entry.index] = keys.keys[at];
    try {
      const checked = checkPaper(toPaper(paper, ids.ids[at], keys.keys[at], aliases[at], entry.topics));
      if (checked.ok) result.papers.push(checked.paper);
      else report(paper, `skipped: ${checked.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ')}`, options.diagnostics);
    } catch (error) {
      report(paper, `left out: ${error instanceof Error ? error.message : String(error)}`, options.diagnostics);
    }
    yield { done: merged.length + entry.index + 1, total };
  }
  return result;
}

/** The aliases of a paper that wants none (most): one shared empty list. */
const NO_ALIASES: readonly string[] = [];

/** A paper that passed the first pass: its index in `merged`, what it asks for as id and key, its topics. */
interface Prepared {
  index: number;
  id: NameRequest;
  key: NameRequest;
  topics: string[];
}

/** The steps of `steps`, each reported as `progress`; their result. */
function* atProgress<T>(steps: Generator<unknown, T>, progress: Progress): Generator<Progress, T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    yield progress;
  }
}

function report(paper: IncomingPaper, message: string, diagnostics: Diagnostic[] | undefined): void {
  diagnostics?.push({ file: paper.sources[0] ?? 'corpus', line: paper.line || null, message: `paper "${clip(paper.title)}" ${message}`, severity: 'error' });
}

function toPaper(paper: IncomingPaper, id: string, key: string, aliases: readonly string[], topics: string[]): Paper {
  return {
    id,
    key,
    ...(aliases.length > 0 ? { aliases: [...aliases] } : {}),
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
