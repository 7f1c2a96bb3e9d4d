import { assignCitationKeys } from '../citations/citationKey';
import { assignTopics, compileTopics } from '../topics/assignTopics';
import type { Corpus, Diagnostic, Paper, TopicRule } from '../types';
import { keyAliases } from '../citations/keyAliases';
import { mergePapers, normalizeTitle } from './merge';
import type { PagePaper } from './parsePage';
import { parsePage } from './parsePage';
import { clip } from './records';
import { checkPaper, formatPath } from './schema';
import { assignIds } from './slug';

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
  /** Where a paper that fails `paperSchema` is reported (it is left out either way). */
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
export function toCorpusPapers(
  merged: readonly IncomingPaper[],
  topics: ReturnType<typeof compileTopics>['topics'],
  options: CorpusPaperOptions = {},
): CorpusPapers {
  const identities = merged.map((paper) => normalizeTitle(paper.title));
  const ids = assignIds(merged.map((paper, index) => ({ identity: identities[index], title: paper.title, claimed: paper.claimedId })), options.reservedIds);
  const keys = assignCitationKeys(
    merged.map((paper, index) => ({ identity: identities[index], title: paper.title, published: paper.published, claimed: paper.claimedKey })),
    { reserved: options.reservedKeys, previous: options.previousKeys },
  );
  const oldKeys = new Map<string, string[]>();
  for (const [key, identity] of options.reservedKeys ?? []) oldKeys.set(identity, [...(oldKeys.get(identity) ?? []), key]);
  const aliases = keyAliases(merged.map((paper, index) => [...(oldKeys.get(identities[index]) ?? []), ...(paper.aliases ?? [])]), keys.keys, options.reservedKeys, identities);
  const papers: Paper[] = [];
  merged.forEach((paper, index) => {
    const checked = checkPaper(toPaper(paper, ids.ids[index], keys.keys[index], aliases[index], topics));
    if (checked.ok) papers.push(checked.paper);
    else {
      const problems = checked.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
      options.diagnostics?.push({ file: paper.sources[0] ?? 'corpus', line: paper.line || null, message: `paper "${clip(paper.title)}" skipped: ${problems}`, severity: 'error' });
    }
  });
  return { papers, ids: ids.ids, keys: keys.keys, refusedIds: ids.refused, refusedKeys: keys.refused };
}

function toPaper(paper: IncomingPaper, id: string, key: string, aliases: readonly string[], topics: ReturnType<typeof compileTopics>['topics']): Paper {
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
    topics: paper.topics && paper.topics.length > 0 ? paper.topics : assignTopics(paper.title, paper.abstract, topics),
    links: paper.links,
    sources: paper.sources,
  };
}
