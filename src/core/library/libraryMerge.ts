/**
 * The user's library merged over the other papers (the bundled ones and the user's corpora). A library
 * entry and a paper that are the same paper (the same arXiv id, else DOI, else title once read and
 * folded) are one paper: it takes the library's key (its old key stays an alias), the library's
 * authors, venue and identifiers, and lists every library entry that is it. A key defined by two
 * entries keeps the first (files in the order given, entries in file order), as BibTeX does, and the
 * second is reported. A library key is never renamed: a paper outside the library that had it gets
 * another. Work per merge is linear; papers whose entries did not change are the same objects as in
 * the last merge, so the search index is told only of the changed ones.
 */
import { readableTitle } from '../citations/latexText';
import { checkPaper } from '../corpus/schema';
import { clip } from '../corpus/records';
import { formatPath } from '../diagnostics';
import type { Progress } from '../slices';
import type { Diagnostic, LibraryRecord, Paper } from '../types';
import type { LibraryEntry, LibraryFileRead } from './libraryEntry';
import { slugify } from '../corpus/slug';
import { entryLinks, libraryId, libraryPaper, MAX_ABSTRACT, MAX_TITLE, type LibraryTopics } from './libraryPapers';

/** A library file read, with how messages name it and where it is. */
export interface LibrarySource {
  file: string;
  location: string;
  read: LibraryFileRead;
}

/** The papers with the library merged in, and what the merge reported. */
export interface LibraryMerge {
  papers: Paper[];
  diagnostics: Diagnostic[];
  /** How many papers are in the library (merged with another paper or not). */
  libraryPapers: number;
}

/** Entries merged between two steps. */
const STEP = 256;

/** Merges libraries over papers, remembering what it made so an unchanged entry costs next to nothing. */
export class LibraryMerger {
  /** Papers made from entries, by the entry's identity (file, key, hash, line) and the topics they were made with. */
  private built = new Map<string, Paper | null>();
  /** The papers of the last merge by id, with what they were made from. */
  private previous = new Map<string, { signature: Signature; paper: Paper }>();
  /** Each entry's record and memo, made once per entry object (an unchanged entry is the same object read after read). */
  private readonly entryRecords = new WeakMap<LibraryEntry, { file: string; location: string; record: LibraryRecord; memo: string }>();
  /** The slug of each library key of the last merge (see `libraryId`). */
  private slugs = new Map<string, string>();
  private topics: LibraryTopics | undefined;
  private readonly baseNumbers = new WeakMap<Paper, number>();
  private readonly paperIdentities = new WeakMap<Paper, string[]>();
  /** Papers outside the library that lost a key to it, as they were given last. */
  private readonly renamed = new WeakMap<Paper, { lost: string; paper: Paper }>();
  private nextBaseNumber = 1;
  private identities: { base: readonly Paper[]; byIdentity: Map<string, Paper> } | undefined;

  /**
   * `base` with the libraries of `sources` (in priority order) merged in, in steps of a few hundred
   * entries. Never throws for an entry: one that fails the paper schema is reported and left out.
   */
  *mergeSteps(base: readonly Paper[], sources: readonly LibrarySource[], topics: LibraryTopics): Generator<Progress, LibraryMerge> {
    if (topics !== this.topics) {
      // Other topics: every paper is made anew.
      this.built = new Map();
      this.previous = new Map();
      this.topics = topics;
    }
    const total = sources.reduce((sum, source) => sum + source.read.entries.length, 0);
    const diagnostics: Diagnostic[] = [];
    const baseIdentity = yield* this.baseIdentitySteps(base);
    const takenIds = new Set(base.map((paper) => paper.id));
    const built = new Map<string, Paper | null>();
    /** Library keys, first definition first, with the slot of the paper each went to. */
    const keys = new Map<string, { record: LibraryRecord; slot: Slot }>();
    const slots: Slot[] = [];
    const byIdentity = new Map<string, Slot>();
    const baseSlots = new Map<Paper, Slot>();
    let done = 0;
    for (const source of sources) {
      for (const entry of source.read.entries) {
        if (++done % STEP === 0) yield { done, total };
        const { record, memo } = this.recordOf(entry, source);
        let paper = built.get(memo) ?? this.built.get(memo);
        if (paper === undefined) {
          paper = checked(libraryPaper(entry, record, '', topics), record, diagnostics);
          if (entry.abstract.length > MAX_ABSTRACT || entry.title.length > MAX_TITLE) {
            diagnostics.push({ file: source.file, line: entry.line, message: `the ${entry.title.length > MAX_TITLE ? 'title' : 'abstract'} of "${clip(entry.key)}" is cut to ${entry.title.length > MAX_TITLE ? MAX_TITLE : MAX_ABSTRACT} characters`, severity: 'warning' });
          }
        }
        built.set(memo, paper);
        if (!paper) continue;
        const identity = this.identitiesOf(paper);
        const first = keys.get(entry.key);
        if (first) {
          diagnostics.push({ file: source.file, line: entry.line, message: `the key "${clip(entry.key)}" is defined again (first in ${first.record.file}:${first.record.line}); the first definition is kept`, severity: 'warning' });
          // The same paper under the same key in two files (a project's refs.bib and the Zotero export): one more source of it.
          if (identity.some((name) => byIdentity.get(name) === first.slot)) first.slot.records.push({ record, memo });
          continue;
        }
        let slot = identity.map((name) => byIdentity.get(name)).find((found) => found !== undefined);
        if (!slot) {
          const match = identity.map((name) => baseIdentity.get(name)).find((found) => found !== undefined);
          if (match) {
            slot = baseSlots.get(match);
            if (!slot) {
              slot = { base: match, records: [], papers: [] };
              baseSlots.set(match, slot);
              slots.push(slot);
            }
          } else {
            slot = { records: [], papers: [] };
            slots.push(slot);
          }
        }
        slot.records.push({ record, memo });
        slot.papers.push(paper);
        keys.set(entry.key, { record, slot });
        for (const name of identity) if (!byIdentity.has(name)) byIdentity.set(name, slot);
      }
    }
    this.built = built;
    const libraryKeys = new Set(keys.keys());
    const previous = this.previous;
    const next = new Map<string, { signature: Signature; paper: Paper }>();
    const slugs = new Map<string, string>();
    const replaced = new Map<Paper, Paper>();
    const added: Paper[] = [];
    for (const slot of slots) {
      const own = slot.records.filter(({ record }) => keys.get(record.key)?.slot === slot);
      const key = own[0].record.key;
      // The slot's other own keys, and the base paper's keys unless the library gives them to another paper.
      const aliases = [...new Set([...own.slice(1).map(({ record }) => record.key), ...(slot.base ? [slot.base.key, ...(slot.base.aliases ?? [])] : [])])]
        .filter((alias) => alias !== key && (keys.get(alias)?.slot ?? slot) === slot).sort();
      let id = slot.base?.id;
      if (id === undefined) {
        const slug = this.slugs.get(key) ?? slugify(key);
        slugs.set(key, slug);
        id = libraryId(key, (candidate) => takenIds.has(candidate), slug);
      }
      takenIds.add(id);
      const signature: Signature = { base: slot.base ? this.baseNumber(slot.base) : 0, aliases: aliases.join(' '), memos: slot.records.map(({ memo }) => memo) };
      const known = previous.get(id);
      const paper = known && sameSignature(known.signature, signature) ? known.paper : mergedPaper(slot, id, key, aliases);
      next.set(id, { signature, paper });
      if (slot.base) replaced.set(slot.base, paper);
      else added.push(paper);
      if (++done % STEP === 0) yield { done: Math.min(done, total), total };
    }
    this.previous = next;
    this.slugs = slugs;
    const papers: Paper[] = [];
    const taken = takenKeys(base, libraryKeys);
    for (const paper of base) papers.push(replaced.get(paper) ?? this.withoutLibraryKeys(paper, libraryKeys, taken, diagnostics));
    for (const paper of added) papers.push(paper);
    return { papers, diagnostics, libraryPapers: next.size };
  }

  /** An entry's record (where it is) and its memo (what its paper is made from: file, key, text and place). */
  private recordOf(entry: LibraryEntry, source: LibrarySource): { record: LibraryRecord; memo: string } {
    const known = this.entryRecords.get(entry);
    if (known && known.file === source.file && known.location === source.location) return known;
    const record: LibraryRecord = { file: source.file, location: source.location, key: entry.key, line: entry.line, ...(entry.column && entry.column > 1 ? { column: entry.column } : {}), type: entry.type };
    const memo = `${source.location}\u0000${entry.key}\u0000${entry.hash}\u0000${entry.line}:${entry.column ?? 1}`;
    const made = { file: source.file, location: source.location, record, memo };
    this.entryRecords.set(entry, made);
    return made;
  }

  /** The base papers by every identity they have (first paper first), made once per list of papers, in steps. */
  private *baseIdentitySteps(base: readonly Paper[]): Generator<Progress, Map<string, Paper>> {
    if (this.identities?.base !== base) {
      const byIdentity = new Map<string, Paper>();
      for (const [index, paper] of base.entries()) {
        for (const name of identitiesOf(paper)) if (!byIdentity.has(name)) byIdentity.set(name, paper);
        if (index % (4 * STEP) === 4 * STEP - 1) yield { done: 0, total: 1 };
      }
      this.identities = { base, byIdentity };
    }
    return this.identities.byIdentity;
  }

  /** `withoutLibraryKeys`, the same object as last time when the paper and the keys it loses are the same. */
  private withoutLibraryKeys(paper: Paper, libraryKeys: ReadonlySet<string>, taken: () => Set<string>, diagnostics: Diagnostic[]): Paper {
    if (!libraryKeys.has(paper.key) && !(paper.aliases ?? []).some((alias) => libraryKeys.has(alias))) return paper;
    const lost = [paper.key, ...(paper.aliases ?? [])].filter((key) => libraryKeys.has(key)).join(' ');
    const known = this.renamed.get(paper);
    if (known && known.lost === lost) {
      if (known.paper.key !== paper.key) diagnostics.push(renamedKey(paper, known.paper.key));
      return known.paper;
    }
    const renamed = withoutLibraryKeys(paper, libraryKeys, taken);
    if (renamed.key !== paper.key) diagnostics.push(renamedKey(paper, renamed.key));
    this.renamed.set(paper, { lost, paper: renamed });
    return renamed;
  }

  /** `identitiesOf` a paper made from an entry, worked out once per paper. */
  private identitiesOf(paper: Paper): string[] {
    let names = this.paperIdentities.get(paper);
    if (!names) this.paperIdentities.set(paper, (names = identitiesOf(paper)));
    return names;
  }

  private baseNumber(paper: Paper): number {
    let number = this.baseNumbers.get(paper);
    if (number === undefined) this.baseNumbers.set(paper, (number = this.nextBaseNumber++));
    return number;
  }
}

/** What a merged paper was made of (besides its id): its base paper's number, its aliases and its entries' memos. */
interface Signature {
  base: number;
  aliases: string;
  memos: string[];
}

function sameSignature(a: Signature, b: Signature): boolean {
  if (a.base !== b.base || a.aliases !== b.aliases || a.memos.length !== b.memos.length) return false;
  for (let at = 0; at < a.memos.length; at++) if (a.memos[at] !== b.memos[at]) return false;
  return true;
}

/** The papers one merged paper is made of: a base paper (maybe), and library papers with their records. */
interface Slot {
  base?: Paper;
  records: { record: LibraryRecord; memo: string }[];
  papers: Paper[];
}

/** The names a paper is known by across sources: its arXiv id, its DOI, its title read and folded. */
export function identitiesOf(paper: Pick<Paper, 'title' | 'arxiv' | 'doi'>): string[] {
  const names: string[] = [];
  if (paper.arxiv) names.push(`arxiv:${paper.arxiv.toLowerCase()}`);
  if (paper.doi) names.push(`doi:${paper.doi.toLowerCase()}`);
  const title = titleIdentity(paper.title);
  if (title) names.push(`title:${title}`);
  return names;
}

/** A title read (LaTeX rendered) and folded: case, accents, punctuation and spacing aside. */
export function titleIdentity(title: string): string {
  return readableTitle(title).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The paper a slot is: the base paper (or the first entry's) with the library's key, fields and records. */
function mergedPaper(slot: Slot, id: string, key: string, aliases: string[]): Paper {
  const [first, ...others] = slot.papers;
  const paper: Paper = slot.base
    ? { ...slot.base, links: [...slot.base.links], topics: [...slot.base.topics] }
    : { ...first, links: [...first.links] };
  paper.id = id;
  paper.key = key;
  if (aliases.length > 0) paper.aliases = aliases;
  else delete paper.aliases;
  paper.library = slot.records.map(({ record }) => record);
  for (const library of slot.base ? slot.papers : others) fill(paper, library);
  return paper;
}

/** Fills what `paper` does not know from a library paper that is the same paper. */
function fill(paper: Paper, library: Paper): void {
  paper.published ??= library.published;
  if (library.abstract.length > paper.abstract.length) paper.abstract = library.abstract;
  paper.authors ??= library.authors;
  paper.editors ??= library.editors;
  if (library.moreAuthors && !paper.authors?.length) paper.moreAuthors = true;
  paper.authorsCount ??= library.authorsCount;
  paper.venue ??= library.venue;
  paper.keywords ??= library.keywords;
  paper.doi ??= library.doi;
  paper.arxiv ??= library.arxiv;
  paper.url ??= library.url;
  for (const link of entryLinks({ url: library.url ?? null, doi: library.doi ?? null, arxiv: library.arxiv ?? null })) if (!paper.links.includes(link)) paper.links.push(link);
  for (const field of ['authors', 'editors', 'venue', 'keywords', 'doi', 'arxiv', 'url'] as const) if (paper[field] === undefined) delete paper[field];
}

/** A paper made from an entry, checked against the paper schema; null (reported) when it fails. */
function checked(paper: Paper, record: LibraryRecord, diagnostics: Diagnostic[]): Paper | null {
  const result = checkPaper({ ...paper, id: 'entry' });
  if (result.ok) return { ...result.paper, id: '' };
  const why = result.issues.slice(0, 2).map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
  diagnostics.push({ file: record.file, line: record.line, message: `the entry "${clip(record.key)}" cannot be shown as a paper (${why}); it is left out`, severity: 'error' });
  return null;
}

/** The keys of base papers, made once per merge only when a library key clashes with one. */
function takenKeys(base: readonly Paper[], libraryKeys: ReadonlySet<string>): () => Set<string> {
  let keys: Set<string> | undefined;
  return () => {
    keys ??= new Set([...base.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])]), ...libraryKeys]);
    return keys;
  };
}

/**
 * A paper outside the library whose key or alias a library entry defines: the alias goes, and a key
 * becomes the first free `<key>_2`, `<key>_3`, ..., since the library's key cites the library's paper.
 */
function withoutLibraryKeys(paper: Paper, libraryKeys: ReadonlySet<string>, taken: () => Set<string>): Paper {
  const aliases = (paper.aliases ?? []).filter((alias) => !libraryKeys.has(alias));
  let key = paper.key;
  if (libraryKeys.has(key)) {
    const keys = taken();
    let count = 2;
    while (keys.has(`${paper.key}_${count}`)) count++;
    key = `${paper.key}_${count}`;
    keys.add(key);
  }
  const renamed: Paper = { ...paper, key };
  if (aliases.length > 0) renamed.aliases = aliases;
  else delete renamed.aliases;
  return renamed;
}

/** The warning for a paper that lost its key to the library. */
function renamedKey(paper: Paper, key: string): Diagnostic {
  return { file: paper.sources[0] ?? 'corpus', line: null, message: `your library's key "${paper.key}" names another paper than "${clip(readableTitle(paper.title))}", which is cited as "${key}" while your library has that key`, severity: 'warning' };
}
