/**
 * A library entry as a paper: its text kept so every view renders it as written (`latexLiteral`), its
 * people, date, venue, keywords and identifiers, links to its DOI, arXiv page and URL, and topics
 * from its keywords where they name a topic, else from the taxonomy's rules. Its key is the entry's,
 * exactly; its id is made from the key (see `libraryId`).
 */
import { cleanText } from '../cleanText';
import { slugify } from '../corpus/slug';
import { assignTopics, type CompiledTopic } from '../topics/assignTopics';
import type { LibraryRecord, Paper, PersonName } from '../types';
import type { LibraryEntry } from './libraryEntry';
import { latexLiteral } from './texText';

/** The longest title and abstract a library paper keeps (a field of a megabyte is cut, with a note). */
export const MAX_TITLE = 1000;
export const MAX_ABSTRACT = 20_000;

/** The rules that give library papers their topics, compiled, with the topic names they know. */
export interface LibraryTopics {
  compiled: readonly CompiledTopic[];
  /** Topic names by their lower-case form, for matching keywords. */
  byName: ReadonlyMap<string, string>;
}

/** `LibraryTopics` for compiled rules. */
export function libraryTopics(compiled: readonly CompiledTopic[]): LibraryTopics {
  return { compiled, byName: new Map(compiled.map((topic) => [topic.rule.name.toLowerCase(), topic.rule.name])) };
}

/**
 * The paper an entry of `record`'s file is, with the id `id`. Text fields are cut at `MAX_TITLE` and
 * `MAX_ABSTRACT` characters; the caller checks the result with `checkPaper`.
 */
export function libraryPaper(entry: LibraryEntry, record: LibraryRecord, id: string, topics: LibraryTopics): Paper {
  const title = latexLiteral(oneLine(clipText(entry.title, MAX_TITLE)));
  const abstract = latexLiteral(cleanText(clipText(entry.abstract, MAX_ABSTRACT), { multiline: true }));
  const paper: Paper = {
    id,
    key: entry.key,
    title,
    abstract,
    published: entry.published,
    upvotes: null,
    authorsCount: entry.authors.length > 0 && !entry.moreAuthors ? entry.authors.length : null,
    organization: null,
    topics: topicsOf(entry, title, abstract, topics),
    links: entryLinks(entry),
    sources: [],
    library: [record],
  };
  if (entry.authors.length > 0) paper.authors = entry.authors.map(cleanName);
  if (entry.editors.length > 0) paper.editors = entry.editors.map(cleanName);
  if (entry.moreAuthors) paper.moreAuthors = true;
  if (entry.venue) paper.venue = oneLine(clipText(entry.venue, MAX_TITLE));
  if (entry.keywords.length > 0) paper.keywords = entry.keywords.map(oneLine).filter(Boolean);
  if (entry.doi) paper.doi = entry.doi;
  if (entry.arxiv) paper.arxiv = entry.arxiv;
  if (entry.url) paper.url = entry.url;
  return paper;
}

/** The links a library paper carries: its URL, its DOI's and its arXiv page. */
export function entryLinks(entry: Pick<LibraryEntry, 'url' | 'doi' | 'arxiv'>): string[] {
  const links = [entry.url, entry.doi ? doiUrl(entry.doi) : null, entry.arxiv ? arxivUrl(entry.arxiv) : null].filter((link): link is string => link !== null);
  return [...new Set(links)];
}

/** The resolver URL of a DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map((part, at) => (at === 0 ? part : encodeURIComponent(part).replace(/%2F/gi, '/'))).join('/')}`;
}

/** The abstract page of an arXiv id. */
export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/**
 * An id for a library paper from its key: the key's slug (`Vaswani2017Attention` → `vaswani2017attention`),
 * with a hash of the key after it when `taken` already holds that slug, so the id never depends on
 * the order the entries came in.
 */
export function libraryId(key: string, taken: (id: string) => boolean, slug = slugify(key)): string {
  if (!taken(slug)) return slug;
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  const hashed = `${slug}-${(hash >>> 0).toString(36)}`;
  for (let count = 2; ; count++) {
    const id = count === 2 ? hashed : `${hashed}-${count}`;
    if (!taken(id)) return id;
  }
}

/** The topics a keyword names (case aside), else those the rules find in the title and abstract. */
function topicsOf(entry: LibraryEntry, title: string, abstract: string, topics: LibraryTopics): string[] {
  const named = new Set<string>();
  for (const keyword of entry.keywords) {
    const name = topics.byName.get(keyword.toLowerCase());
    if (name) named.add(name);
  }
  return named.size > 0 ? [...named] : assignTopics(title, abstract, topics.compiled);
}

function cleanName(name: PersonName): PersonName {
  const family = oneLine(clipText(name.family, 200));
  return name.given ? { family, given: oneLine(clipText(name.given, 200)) } : { family };
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** `text` cut at `max` characters (between words where it can). */
function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
}
