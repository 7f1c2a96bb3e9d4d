/**
 * What is known about a paper for citing it, and nothing made up: the one place every citation format,
 * the panel's "not known" line and the completion rows read a paper's bibliographic facts from.
 *
 * The bundled corpus knows a title and (for about half the papers) a date; it knows how many authors
 * there are, but not who. Everything else comes from the user's own library (a `.bib`, CSL-JSON or
 * CSL YAML file, read by the corpus loader): when the same paper is there, the loader puts the
 * library's fields on the paper (`authors`, `venue`, `doi`, `arxiv`, `url`, and the entry's `type` in
 * `library`), and they flow from here into every format, so the library's data wins.
 */
import type { Paper } from '../types';
import { publishedParts, type PublishedParts } from './paperFacts';

/** A person's name as a library gives it: the family name (or an organisation's whole name) and the given names. */
export interface PersonName {
  family: string;
  given?: string;
}

/**
 * The fields a user's library adds to a paper (all optional: the bundled corpus has none of them).
 * Structural, so a `Paper` that carries them passes as it is.
 */
export interface LibraryFields {
  authors?: readonly PersonName[];
  /** The library's author list ends with "and others". */
  moreAuthors?: true;
  /** The journal, the proceedings (booktitle) or CSL's container-title. */
  venue?: string;
  /** The DOI, without a resolver prefix. */
  doi?: string;
  /** The arXiv identifier, without a version. */
  arxiv?: string;
  /** The library's own link for the paper. */
  url?: string;
  /** The library entries that are this paper, the first giving its type (`article`, `inproceedings`, CSL `paper-conference`). */
  library?: readonly { type: string }[];
}

/** A paper as the citation formats read it. */
export type CitablePaper = Paper & LibraryFields;

/** The kind of work a citation is of, in BibTeX's terms (CSL types are mapped to these). */
export type WorkType = 'article' | 'inproceedings' | 'incollection' | 'book' | 'phdthesis' | 'mastersthesis' | 'techreport' | 'misc';

/** What is known about a paper for citing it. */
export interface CitationFacts {
  /** The title as the corpus holds it (LaTeX kept). */
  title: string;
  /** The authors; empty when nobody is named (the bundled corpus names nobody). */
  authors: readonly PersonName[];
  /** More authors than `authors` names ("and others"). */
  moreAuthors: boolean;
  date: PublishedParts | null;
  /** The kind of work, when the library says so. */
  type: WorkType | null;
  venue: string | null;
  doi: string | null;
  arxiv: string | null;
  /** The library's own link; never a search page. */
  url: string | null;
}

const BIBTEX_TYPES: ReadonlySet<string> = new Set(['article', 'inproceedings', 'incollection', 'book', 'phdthesis', 'mastersthesis', 'techreport', 'misc']);
const OTHER_TYPES: Readonly<Record<string, WorkType>> = {
  'article-journal': 'article', 'article-magazine': 'article', 'article-newspaper': 'article', conference: 'inproceedings',
  'paper-conference': 'inproceedings', chapter: 'incollection', thesis: 'phdthesis', report: 'techreport', proceedings: 'book',
};

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The facts of `paper`, from its own fields. */
export function citationFacts(paper: CitablePaper): CitationFacts {
  const rawType = paper.library?.[0]?.type.trim().toLowerCase() ?? '';
  const type = BIBTEX_TYPES.has(rawType) ? (rawType as WorkType) : Object.hasOwn(OTHER_TYPES, rawType) ? OTHER_TYPES[rawType] : rawType ? 'misc' : null;
  return {
    title: paper.title,
    authors: (paper.authors ?? []).filter((name) => name.family.trim().length > 0),
    moreAuthors: paper.moreAuthors === true,
    date: publishedParts(paper.published),
    type,
    venue: text(paper.venue),
    doi: text(paper.doi),
    arxiv: text(paper.arxiv),
    url: text(paper.url),
  };
}

/** The paper's own link, as far as one is known: its DOI, its arXiv page, the library's URL; null when none is. */
export function paperLink(facts: CitationFacts): string | null {
  if (facts.doi) return `https://doi.org/${facts.doi}`;
  if (facts.arxiv) return `https://arxiv.org/abs/${facts.arxiv}`;
  return facts.url;
}

/**
 * The authors as a reader names them in a line: "Lin", "Lin and Su", "Lin et al."; '' when nobody
 * is named.
 */
export function authorsShort(facts: CitationFacts): string {
  const [first, second] = facts.authors;
  if (!first) return '';
  if (facts.authors.length === 1 && !facts.moreAuthors) return first.family;
  if (facts.authors.length === 2 && !facts.moreAuthors) return `${first.family} and ${second.family}`;
  return `${first.family} et al.`;
}

/**
 * What a citation of the paper cannot say because it is not known, for the panel: "authors", "date",
 * "a DOI, arXiv id or URL". Empty when everything a reference needs is there.
 */
export function missingFacts(facts: CitationFacts): string[] {
  const missing: string[] = [];
  if (facts.authors.length === 0) missing.push('authors');
  if (!facts.date) missing.push('date');
  if (!paperLink(facts)) missing.push('a DOI, arXiv id or link');
  return missing;
}
