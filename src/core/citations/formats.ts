/**
 * The built-in citation formats, each a pure function of a paper.
 *
 * Why no citation library: citation-js (with its BibTeX and CSL plugins, which bring citeproc-js) is
 * well kept, but it would not carry its weight here. citeproc-js alone would take a large share of
 * the extension's 1 MB .vsix budget, and citation-js's core depends on a synchronous-fetch shim made
 * for Node, which has no place in the web-worker build. Nor would it do the hard part: our titles
 * already hold LaTeX (`S$^{2}$FT`, `93\%`), which a generic Unicode-to-BibTeX writer escapes a second
 * time, and our papers have no author names for its name handling to work on. What remains is small
 * and fully specified (brace balancing and a handful of special characters), kept in
 * `bibtexEscape.ts` and checked against an independent parser (`@retorquere/bibtex-parser`, a dev
 * dependency only) over the whole corpus in the unit tests.
 *
 * Authors: BibTeX and BibLaTeX entries have no `author` field. The corpus has no names, and every
 * made-up value is wrong somewhere (`{others}` prints "et al." alone; an organisation as a corporate
 * author claims authorship the source does not). `@misc` needs no author in BibTeX's standard
 * styles, and biblatex styles sort and label an `@online` entry without one by its title. What is known goes into
 * `note` ("6 authors", "Organization: OpenBMB").
 */
import type { Paper } from '../types';
import { escapeBibtexLiteral, escapeBibtexTitle } from './bibtexEscape';
import { UNKNOWN_DATE_LABEL } from './displayText';
import { readableTitle } from './latexText';
import { authorsNote, publishedParts, type PublishedParts } from './paperFacts';
import { paperLookupUrls } from './urls';

/** The id of a built-in citation format. */
export type CitationFormat = 'bibtex' | 'biblatex' | 'csl-json' | 'markdown' | 'plain' | 'pandoc' | 'latex' | 'comment';

/** The built-in formats in menu order, with a label and a one-line description for pickers and settings. */
export const CITATION_FORMATS: { id: CitationFormat; label: string; description: string }[] = [
  { id: 'bibtex', label: 'BibTeX', description: '@misc entry with title, year, month, URL and note' },
  { id: 'biblatex', label: 'BibLaTeX', description: '@online entry with date, URL and note' },
  { id: 'csl-json', label: 'CSL-JSON', description: 'CSL-JSON item (for Pandoc, Zotero, citeproc)' },
  { id: 'markdown', label: 'Markdown link', description: '[Title](url) (year)' },
  { id: 'plain', label: 'Plain text', description: 'Title. (year). Authors. URL' },
  { id: 'pandoc', label: 'Pandoc citation', description: '[@key]' },
  { id: 'latex', label: 'LaTeX \\cite', description: '\\cite{key}' },
  { id: 'comment', label: 'Code comment', description: 'Title (year), url — one comment line' },
];

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The formats that are prose: in a LaTeX document their text is escaped whole (see `formatCitation`). */
const PROSE_FORMATS: ReadonlySet<CitationFormat> = new Set(['plain', 'markdown']);

/**
 * A paper cited in one of the built-in formats. BibTeX, BibLaTeX and CSL-JSON span several lines.
 * With `latex` (the citation goes into a LaTeX document), a prose format's text is escaped as LaTeX
 * text, so nothing from the title is a command there (`\input{...}` would run; `%` would hide the rest
 * of the line). The other formats are LaTeX already, or hold no title.
 */
export function formatCitation(paper: Paper, format: CitationFormat, options: { latex?: boolean } = {}): string {
  const text = formatText(paper, format);
  return options.latex && PROSE_FORMATS.has(format) ? escapeBibtexLiteral(text) : text;
}

function formatText(paper: Paper, format: CitationFormat): string {
  switch (format) {
    case 'bibtex': return bibtexEntry(paper, 'bibtex');
    case 'biblatex': return bibtexEntry(paper, 'biblatex');
    case 'csl-json': return JSON.stringify([cslItem(paper)], null, 2);
    case 'markdown': return `[${escapeMarkdown(readableTitle(paper.title))}](${paperLookupUrls(paper).huggingFace}) (${yearText(paper)})`;
    case 'plain': return plainReference(paper);
    case 'pandoc': return `[@${paper.key}]`;
    case 'latex': return `\\cite{${paper.key}}`;
    case 'comment': return `${readableTitle(paper.title)} (${yearText(paper)}), ${paperLookupUrls(paper).huggingFace}`;
  }
}

/** The year, or "n.d." (no date, `UNKNOWN_DATE_LABEL`) when it is unknown. */
function yearText(paper: Paper): string {
  return publishedParts(paper.published)?.year.toString() ?? UNKNOWN_DATE_LABEL;
}

/** Year, month and day as far as they are known, stopping at the first unknown part. */
function knownParts(date: PublishedParts): number[] {
  if (date.month === null) return [date.year];
  return date.day === null ? [date.year, date.month] : [date.year, date.month, date.day];
}

function bibtexEntry(paper: Paper, dialect: 'bibtex' | 'biblatex'): string {
  const date = publishedParts(paper.published);
  const fields: [string, string][] = [['title', `{{${escapeBibtexTitle(paper.title)}}}`]];
  if (dialect === 'bibtex' && date) {
    fields.push(['year', `{${date.year}}`]);
    if (date.month) fields.push(['month', MONTH_MACROS[date.month - 1]]);
  } else if (date) {
    fields.push(['date', `{${knownParts(date).map((part) => String(part).padStart(2, '0')).join('-')}}`]);
  }
  fields.push(['url', `{${paperLookupUrls(paper).huggingFace}}`]);
  const note = authorsNote(paper);
  if (note) fields.push(['note', `{${escapeBibtexLiteral(note)}}`]);
  if (paper.topics.length > 0) fields.push(['keywords', `{${escapeBibtexLiteral(paper.topics.join(', '))}}`]);
  const type = dialect === 'bibtex' ? 'misc' : 'online';
  return `@${type}{${paper.key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}

/** A CSL-JSON item: type "article", the readable title, `issued` date-parts as far as known. */
function cslItem(paper: Paper): Record<string, unknown> {
  const date = publishedParts(paper.published);
  const item: Record<string, unknown> = { id: paper.key, type: 'article', title: readableTitle(paper.title) };
  if (date) {
    item.issued = { 'date-parts': [knownParts(date)] };
  }
  item.URL = paperLookupUrls(paper).huggingFace;
  const note = authorsNote(paper);
  if (note) item.note = note;
  if (paper.topics.length > 0) item.keyword = paper.topics.join(', ');
  return item;
}

/** `Title. (2024). 6 authors. URL` — the title leads, as style guides do when there are no author names. */
function plainReference(paper: Paper): string {
  const title = readableTitle(paper.title);
  const note = authorsNote(paper);
  const parts = [/[.?!]$/.test(title) ? title : `${title}.`, `(${yearText(paper)}).`];
  if (note) parts.push(`${note}.`);
  parts.push(paperLookupUrls(paper).huggingFace);
  return parts.join(' ');
}

/** Escapes the characters that would end or restyle Markdown link text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (char) => `\\${char}`);
}
