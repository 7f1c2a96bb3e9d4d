/**
 * The built-in citation formats, each a pure function of a paper.
 *
 * Why no citation library: citation-js (with its BibTeX and CSL plugins, which bring citeproc-js) is
 * well kept, but it would not carry its weight here. citeproc-js alone would take a large share of
 * the extension's 1 MB .vsix budget, and citation-js's core depends on a synchronous-fetch shim made
 * for Node, which has no place in the web-worker build. Nor would it do the hard part: our titles
 * already hold LaTeX (`S$^{2}$FT`, `93\%`), which a generic Unicode-to-BibTeX writer escapes a second
 * time. What remains is small and fully specified (brace balancing and a handful of special
 * characters), kept in `bibtexEscape.ts` and checked against an independent parser
 * (`@retorquere/bibtex-parser`, a dev dependency only) over the whole corpus in the unit tests.
 *
 * Honest entries: a format writes only what is known of the paper (`citationFacts`), and no field that
 * a bibliography would print wrongly. The bundled corpus names no authors, so its entries have none
 * (not a note saying "6 authors", which a style prints as if it were one); a date only when the page
 * gives one; a URL, DOI or arXiv id only when the user's library gives one (never a search page). The
 * panel says what is missing. When the user's library has the paper, its authors, venue, type and
 * identifiers come through the paper's own fields, so its data wins.
 */
import { escapeBibtexLiteral, escapeBibtexTitle } from './bibtexEscape';
import { authorsShort, citationFacts, paperLink, type CitablePaper, type CitationFacts, type PersonName, type WorkType } from './citationFacts';
import { readableTitle } from './latexText';
import { type PublishedParts } from './paperFacts';
import { paperLookupUrls } from './urls';

/** The id of a built-in citation format. */
export type CitationFormat = 'bibtex' | 'biblatex' | 'csl-json' | 'markdown' | 'plain' | 'pandoc' | 'latex' | 'citep' | 'autocite' | 'comment';

/** The built-in formats in menu order, with a label and a one-line description for pickers and settings. */
export const CITATION_FORMATS: { id: CitationFormat; label: string; description: string }[] = [
  { id: 'bibtex', label: 'BibTeX', description: 'BibTeX entry of what is known: title and date, authors, venue and DOI from your library' },
  { id: 'biblatex', label: 'BibLaTeX', description: 'BibLaTeX entry of what is known: title and date, authors, venue and DOI from your library' },
  { id: 'csl-json', label: 'CSL-JSON', description: 'CSL-JSON item (for Pandoc, Zotero, citeproc)' },
  { id: 'markdown', label: 'Markdown link', description: '[Title](link) (year)' },
  { id: 'plain', label: 'Plain text', description: 'Authors (year). Title. Venue. Link — as far as known' },
  { id: 'pandoc', label: 'Pandoc citation', description: '[@key]' },
  { id: 'latex', label: 'LaTeX \\cite', description: '\\cite{key}' },
  { id: 'citep', label: 'natbib \\citep', description: '\\citep{key}' },
  { id: 'autocite', label: 'biblatex \\autocite', description: '\\autocite{key}' },
  { id: 'comment', label: 'Code comment', description: 'Authors, Title (year), link — as far as known' },
];

/** The formats that are a citation command or mark in running text (`[@key]`, `\cite{key}`), not a reference. */
export const IN_TEXT_FORMATS: ReadonlySet<string> = new Set<CitationFormat>(['pandoc', 'latex', 'citep', 'autocite']);

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The formats that are prose: in a LaTeX document their text is escaped whole (see `formatCitation`). */
const PROSE_FORMATS: ReadonlySet<CitationFormat> = new Set(['plain', 'markdown']);

/**
 * A paper cited in one of the built-in formats. BibTeX, BibLaTeX and CSL-JSON span several lines.
 * With `latex` (the citation goes into a LaTeX document), a prose format's text is escaped as LaTeX
 * text, so nothing from the title is a command there (`\input{...}` would run; `%` would hide the rest
 * of the line). The other formats are LaTeX already, or hold no title.
 */
export function formatCitation(paper: CitablePaper, format: CitationFormat, options: { latex?: boolean } = {}): string {
  const text = formatText(paper, format);
  return options.latex && PROSE_FORMATS.has(format) ? escapeBibtexLiteral(text) : text;
}

function formatText(paper: CitablePaper, format: CitationFormat): string {
  switch (format) {
    case 'bibtex': return renderEntry(entry(paper, 'bibtex'));
    case 'biblatex': return renderEntry(entry(paper, 'biblatex'));
    case 'csl-json': return JSON.stringify([cslItem(paper)], null, 2);
    case 'markdown': return markdownLink(paper);
    case 'plain': return plainReference(citationFacts(paper));
    case 'pandoc': return `[@${paper.key}]`;
    case 'latex': return `\\cite{${paper.key}}`;
    case 'citep': return `\\citep{${paper.key}}`;
    case 'autocite': return `\\autocite{${paper.key}}`;
    case 'comment': return commentReference(citationFacts(paper));
  }
}

/**
 * What the paper's citation in `format` holds, exactly, for the panel's format cards: the entry type
 * and its fields for BibTeX and BibLaTeX, the item's fields for CSL-JSON, the parts of a one-line
 * reference, or the format's own description for a citation command.
 */
export function describeCitation(paper: CitablePaper, format: CitationFormat): string {
  switch (format) {
    case 'bibtex':
    case 'biblatex': {
      const { type, fields } = entry(paper, format);
      return `@${type} with ${listed(fields.map(([name]) => name))}`;
    }
    case 'csl-json': {
      const item = cslItem(paper);
      return `"${String(item.type)}" item with ${listed(Object.keys(item).filter((name) => name !== 'id' && name !== 'type'))}`;
    }
    case 'markdown': {
      const facts = citationFacts(paper);
      return `the title linking to ${paperLink(facts) ? 'the paper' : 'a Hugging Face search for it'}${facts.date ? ', and the year' : ''}`;
    }
    case 'plain':
    case 'comment': {
      const facts = citationFacts(paper);
      const parts = [facts.authors.length > 0 ? 'authors' : '', 'title', facts.date ? 'year' : '', facts.venue && format === 'plain' ? 'venue' : '', paperLink(facts) ? 'link' : ''];
      return `${listed(parts.filter(Boolean))}${format === 'comment' ? ', as one comment' : ''}`;
    }
    default:
      return CITATION_FORMATS.find((candidate) => candidate.id === format)?.description ?? '';
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Year, month and day as far as they are known, stopping at the first unknown part. */
function knownParts(date: PublishedParts): number[] {
  if (date.month === null) return [date.year];
  return date.day === null ? [date.year, date.month] : [date.year, date.month, date.day];
}

/** A BibTeX or BibLaTeX entry before it is written: its type, key and fields in order. */
interface Entry {
  type: string;
  key: string;
  fields: [name: string, value: string][];
}

/** BibTeX's field for the venue of each kind of work. */
const BIBTEX_VENUE: Readonly<Record<WorkType, string>> = {
  article: 'journal', inproceedings: 'booktitle', incollection: 'booktitle', book: 'publisher', phdthesis: 'school',
  mastersthesis: 'school', techreport: 'institution', misc: 'howpublished',
};

/** BibLaTeX's type and venue field for each kind of work. */
const BIBLATEX_TYPES: Readonly<Record<WorkType, [type: string, venue: string]>> = {
  article: ['article', 'journaltitle'], inproceedings: ['inproceedings', 'booktitle'], incollection: ['incollection', 'booktitle'],
  book: ['book', 'publisher'], phdthesis: ['thesis', 'institution'], mastersthesis: ['thesis', 'institution'],
  techreport: ['report', 'institution'], misc: ['misc', 'howpublished'],
};

/** A name as BibTeX reads it: `Family, Given`, an organisation braced so it is not split. */
function bibtexName(name: PersonName): string {
  const family = escapeBibtexLiteral(name.family);
  const given = name.given ? escapeBibtexLiteral(name.given) : '';
  if (!given) return /\s/.test(family) ? `{${family}}` : family;
  return `${family}, ${given}`;
}

function entry(paper: CitablePaper, dialect: 'bibtex' | 'biblatex'): Entry {
  const facts = citationFacts(paper);
  const work = facts.type ?? 'misc';
  const fields: Entry['fields'] = [];
  if (facts.authors.length > 0) fields.push(['author', `{${[...facts.authors.map(bibtexName), ...(facts.moreAuthors ? ['others'] : [])].join(' and ')}}`]);
  fields.push(['title', `{{${escapeBibtexTitle(facts.title)}}}`]);
  const [biblatexType, biblatexVenue] = BIBLATEX_TYPES[work];
  if (facts.venue) fields.push([dialect === 'bibtex' ? BIBTEX_VENUE[work] : biblatexVenue, `{${escapeBibtexLiteral(facts.venue)}}`]);
  if (facts.date && dialect === 'bibtex') {
    fields.push(['year', `{${facts.date.year}}`]);
    if (facts.date.month) fields.push(['month', MONTH_MACROS[facts.date.month - 1]]);
  } else if (facts.date) {
    fields.push(['date', `{${knownParts(facts.date).map((part) => String(part).padStart(2, '0')).join('-')}}`]);
  }
  if (facts.doi) fields.push(['doi', `{${escapeBibtexUrl(facts.doi)}}`]);
  if (facts.arxiv) {
    fields.push(['eprint', `{${escapeBibtexUrl(facts.arxiv)}}`]);
    fields.push(dialect === 'bibtex' ? ['archiveprefix', '{arXiv}'] : ['eprinttype', '{arxiv}']);
  }
  if (facts.url) fields.push(['url', `{${escapeBibtexUrl(facts.url)}}`]);
  // BibLaTeX's @online is for a work known by its URL; without one, @misc.
  const type = dialect === 'bibtex' ? work : facts.type === null && facts.url ? 'online' : biblatexType;
  return { type, key: paper.key, fields };
}

/** A URL, DOI or arXiv id inside a braced value (read verbatim by biblatex and the url package): no braces or spaces, `%` and `#` escaped. */
function escapeBibtexUrl(url: string): string {
  return url.replace(/[{}\s]/g, '').replace(/(?<!\\)([%#])/g, '\\$1');
}

function renderEntry({ type, key, fields }: Entry): string {
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}

/** CSL's type for each kind of work ("article" for a preprint or a work of unknown kind). */
const CSL_TYPES: Readonly<Record<WorkType, string>> = {
  article: 'article-journal', inproceedings: 'paper-conference', incollection: 'chapter', book: 'book', phdthesis: 'thesis',
  mastersthesis: 'thesis', techreport: 'report', misc: 'article',
};

/** A CSL-JSON item: the readable title, the authors, the date as far as known and the identifiers known. */
function cslItem(paper: CitablePaper): Record<string, unknown> {
  const facts = citationFacts(paper);
  const item: Record<string, unknown> = { id: paper.key, type: CSL_TYPES[facts.type ?? 'misc'] };
  if (facts.authors.length > 0) item.author = facts.authors.map((name) => (name.given ? { family: name.family, given: name.given } : { literal: name.family }));
  item.title = readableTitle(facts.title);
  if (facts.venue) item['container-title'] = facts.venue;
  if (facts.date) item.issued = { 'date-parts': [knownParts(facts.date)] };
  if (facts.doi) item.DOI = facts.doi;
  const link = facts.url ?? (facts.arxiv ? `https://arxiv.org/abs/${facts.arxiv}` : null);
  if (link) item.URL = link;
  return item;
}

/** `Lin, Y., Su, X., et al.`: family names with initials, as a reference list writes them. */
function authorsLong(facts: CitationFacts): string {
  const names = facts.authors.slice(0, 3).map((name) => {
    const initials = (name.given ?? '').split(/[\s-]+/).filter(Boolean).map((part) => `${[...part][0]}.`).join(' ');
    return initials ? `${name.family}, ${initials}` : name.family;
  });
  const more = facts.moreAuthors || facts.authors.length > 3;
  return `${names.join(', ')}${more ? ', et al.' : ''}`;
}

/** Ends `text` with a full stop unless it ends with sentence punctuation already. */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** `Lin, Y., et al. (2024). Title. Venue. https://doi.org/...` — each part only when known. */
function plainReference(facts: CitationFacts): string {
  const title = readableTitle(facts.title);
  const parts: string[] = [];
  if (facts.authors.length > 0) parts.push(facts.date ? `${authorsLong(facts)} (${facts.date.year}).` : sentence(authorsLong(facts)));
  parts.push(sentence(title));
  if (facts.authors.length === 0 && facts.date) parts.push(`(${facts.date.year}).`);
  if (facts.venue) parts.push(sentence(facts.venue));
  const link = paperLink(facts);
  if (link) parts.push(link);
  return parts.join(' ');
}

/** `Lin et al., Title (2024), https://doi.org/...` — each part only when known; one line. */
function commentReference(facts: CitationFacts): string {
  const who = authorsShort(facts);
  const title = readableTitle(facts.title);
  const link = paperLink(facts);
  return `${who ? `${who}, ` : ''}${title}${facts.date ? ` (${facts.date.year})` : ''}${link ? `, ${link}` : ''}`;
}

/** `[Title](link) (2024)`: the paper's own link when known, else a Hugging Face search for its title. */
function markdownLink(paper: CitablePaper): string {
  const facts = citationFacts(paper);
  const link = paperLink(facts) ?? paperLookupUrls(paper).huggingFace;
  return `[${escapeMarkdown(readableTitle(paper.title))}](${markdownDestination(link)})${facts.date ? ` (${facts.date.year})` : ''}`;
}

/** A link destination that cannot end early: `<…>` around one that holds spaces or parentheses. */
function markdownDestination(link: string): string {
  return /[\s()<>]/.test(link) ? `<${link.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>` : link;
}

/** Escapes the characters that would end or restyle Markdown link text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (char) => `\\${char}`);
}
