import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { compileTopics } from '../topics/assignTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import { toCorpusPapers, type IncomingPaper } from './buildCorpus';
import { createMerger, normalizeTitle } from './merge';
import { parsePage } from './parsePage';
import { loadCorpus } from './schema';

/** A user's corpus file as read from disk: Daily Papers page dumps (`.txt`) or corpus JSON (`.json`). */
export interface UserSource {
  /** Path or name shown in messages. */
  file: string;
  text: string;
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
 * Merges users' own sources into a base corpus (usually the bundled one) by the same rules as the
 * bundled pages: a paper whose normalised title is already known (from the base or any source, JSON or
 * page, in any order) fills that paper's unknown fields and adds its source; a new paper gets an id
 * and citation key no base paper has. A JSON paper keeps its own id and key unless another paper has
 * them (reported); the key a JSON file gives a known paper becomes that paper's alias. Keys never
 * depend on the order of sources. Never throws: a source that cannot be read, or whose reading fails in
 * any way, costs only itself and is reported by its file name; the base papers always stay. The work is
 * linear in the number of papers (merging, membership and topic assignment).
 */
export function mergeUserSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], options: MergeOptions = {}): MergedCorpus {
  const diagnostics: Diagnostic[] = [];
  try {
    return mergeSources(base, sources, rules, options, diagnostics);
  } catch (error) {
    // Every source was read on its own below; only a bug in the merge itself reaches here.
    diagnostics.push({ file: sources.map((source) => source.file).join(', ') || 'your corpora', line: null, message: `merging your corpora failed (${describeError(error)}); only the bundled papers are shown`, severity: 'error' });
    return { papers: [...base], diagnostics, issuedKeys: new Map() };
  }
}

function mergeSources(base: readonly Paper[], sources: readonly UserSource[], rules: readonly TopicRule[], options: MergeOptions, diagnostics: Diagnostic[]): MergedCorpus {
  const compiled = compileTopics(rules, 'topics');
  for (const diagnostic of compiled.diagnostics) diagnostics.push(diagnostic);
  const mergeInto = createMerger();
  const papers = base.map((paper) => ({ ...paper, links: [...paper.links], sources: [...paper.sources], topics: [...paper.topics] }));
  const byTitle = new Map(papers.map((paper) => [normalizeTitle(paper.title), paper]));
  const fresh = new Map<string, FreshPaper>();
  /** Keys JSON files give papers of the base corpus, to keep as their aliases. */
  const baseAliases = new Map<Paper, { key: string; file: string }[]>();

  const absorb = (incoming: FreshPaper): void => {
    const title = normalizeTitle(incoming.title);
    const known = byTitle.get(title);
    if (known) {
      mergeInto(known, incoming);
      const claims = [incoming.claimedKey, ...(incoming.aliases ?? [])].filter((key): key is string => key !== undefined && key !== known.key);
      if (claims.length > 0) baseAliases.set(known, [...(baseAliases.get(known) ?? []), ...claims.map((key) => ({ key, file: incoming.file }))]);
      return;
    }
    const seen = fresh.get(title);
    if (seen) mergeCopies(seen, incoming, mergeInto);
    else fresh.set(title, { ...incoming, links: [...incoming.links], sources: [...incoming.sources] });
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
    for (const paper of read.papers) absorb(paper);
  }

  const reservedIds = new Map(papers.map((paper) => [paper.id, normalizeTitle(paper.title)]));
  const reservedKeys = new Map<string, string>();
  for (const paper of papers) for (const key of [paper.key, ...(paper.aliases ?? [])]) reservedKeys.set(key, normalizeTitle(paper.title));
  const incoming = [...fresh.values()];
  const added = toCorpusPapers(incoming, compiled.topics, { reservedIds, reservedKeys, previousKeys: options.previousKeys, diagnostics });
  for (const index of added.refusedKeys) diagnostics.push(refusal(incoming[index], 'key', incoming[index].claimedKey!, added.keys[index]));
  for (const index of added.refusedIds) diagnostics.push(refusal(incoming[index], 'id', incoming[index].claimedId!, added.ids[index]));
  addBaseAliases(baseAliases, added.papers, diagnostics);
  const issuedKeys = new Map(added.papers.map((paper) => [normalizeTitle(paper.title), paper.key]));
  return { papers: [...papers, ...added.papers], diagnostics, issuedKeys };
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
  const taken = new Set(added.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])]));
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

/** One source's papers and problems: corpus JSON for `.json` files, a page dump otherwise. */
function readSource(source: UserSource): { papers: FreshPaper[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!/\.json$/i.test(source.file)) {
    const result = parsePage(source.text, source.file);
    return { papers: result.papers.map((paper) => ({ ...paper, file: source.file })), diagnostics: result.diagnostics };
  }
  const json = parseJson(source, diagnostics);
  if (json === undefined) return { papers: [], diagnostics };
  const loaded = loadCorpus(json, source.file);
  for (const diagnostic of loaded.diagnostics) diagnostics.push(diagnostic);
  return { papers: loaded.corpus.papers.map((paper) => fromJson(paper, source.file)), diagnostics };
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
