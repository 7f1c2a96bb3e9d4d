/**
 * The document's own citation style, for the `auto` format: a Markdown document that cites with
 * pandoc's `[@key]`, or declares a bibliography, gets `[@key]`; one with no sign of pandoc keeps the
 * Markdown link; a LaTeX document gets the command it already cites with (natbib's `\citep`,
 * biblatex's `\autocite`, else `\cite`). Pure and linear in the text's length.
 */
import { textKind } from '../languages';
import { scanPandoc } from '../references/pandocCitations';
import type { CitationFormat } from '../citations/formats';

/** The format id that stands for "the document's own style". */
export const AUTO_FORMAT = 'auto';

/** At most this much of a document is read to find its style (the signs are near its start, or everywhere). */
const MAX_READ = 2 * 1024 * 1024;

/** YAML front matter keys that mean the document is meant for pandoc's citeproc. */
const PANDOC_METADATA = /^(?:bibliography|references|csl|citation-style|cite-method|link-citations|nocite)\s*:/m;

/** How far before an `@` a `[` may stand for the citation to be a bracketed one. */
const BRACKET_REACH = 200;

/**
 * True when Markdown `text` uses pandoc citations: it cites a key in brackets (`[@key]`, `[see -@key,
 * p. 3]`) outside code, or its front matter declares a bibliography or a citation style.
 */
export function usesPandocCitations(text: string): boolean {
  const read = text.length > MAX_READ ? text.slice(0, MAX_READ) : text;
  if (declaresBibliography(read)) return true;
  if (!read.includes('[')) return false;
  let previous = 0;
  for (const span of scanPandoc(read)) {
    const at = read[span.offset - 1] === '@' ? span.offset - 1 : read.startsWith('@{', span.offset - 2) ? span.offset - 2 : -1;
    if (at < 0) continue; // a raw LaTeX \cite in Markdown
    if (inBrackets(read, at, Math.max(previous, at - BRACKET_REACH))) return true;
    previous = at;
  }
  return false;
}

/** True when a `[` opens before `at` (back to `floor`) with no `]` or line break closing it first. */
function inBrackets(text: string, at: number, floor: number): boolean {
  for (let index = at - 1; index >= floor; index--) {
    const char = text[index];
    if (char === '[') return true;
    if (char === ']' || char === '\n') return false;
  }
  return false;
}

/** True when the document starts with YAML front matter naming a bibliography or citation style. */
function declaresBibliography(text: string): boolean {
  const start = text.startsWith('\ufeff') ? 1 : 0;
  if (!text.startsWith('---', start)) return false;
  const firstLineEnd = text.indexOf('\n', start);
  if (firstLineEnd < 0 || text.slice(start, firstLineEnd).trim() !== '---') return false;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text.slice(firstLineEnd + 1, firstLineEnd + 1 + 64 * 1024));
  if (!close) return false;
  return PANDOC_METADATA.test(text.slice(firstLineEnd + 1, firstLineEnd + 1 + close.index));
}

/** natbib's and biblatex's parenthetical and textual citation commands, by family. */
const NATBIB_COMMANDS: ReadonlySet<string> = new Set(['citep', 'citet', 'citealp', 'citealt', 'Citep', 'Citet']);
const BIBLATEX_COMMANDS: ReadonlySet<string> = new Set(['autocite', 'Autocite', 'parencite', 'Parencite', 'textcite', 'Textcite', 'footcite', 'smartcite', 'supercite', 'autocites', 'parencites', 'textcites']);

/**
 * The citation command a LaTeX document cites with: `citep` when it uses natbib's commands (or loads
 * natbib and cites nothing yet), `autocite` for biblatex's, else `latex` (`\cite`). A document using
 * both gets the family it uses more.
 */
export function latexCitationFormat(text: string): Extract<CitationFormat, 'latex' | 'citep' | 'autocite'> {
  const read = text.length > MAX_READ ? text.slice(0, MAX_READ) : text;
  let natbib = 0;
  let biblatex = 0;
  for (const match of read.matchAll(/\\([A-Za-z]+)/g)) {
    if (NATBIB_COMMANDS.has(match[1])) natbib++;
    else if (BIBLATEX_COMMANDS.has(match[1])) biblatex++;
  }
  if (natbib > 0 || biblatex > 0) return biblatex > natbib ? 'autocite' : 'citep';
  if (loadsPackage(read, 'biblatex') || read.includes('\\addbibresource')) return 'autocite';
  if (loadsPackage(read, 'natbib')) return 'citep';
  return 'latex';
}

/** True when `\usepackage[options]{…}` names `name` (options and package list read within a bounded reach). */
function loadsPackage(text: string, name: string): boolean {
  return new RegExp(String.raw`\\usepackage[ \t]{0,20}(?:\[[^\]\n]{0,500}\][ \t]{0,20})?\{[^}\n]{0,500}\b${name}\b`).test(text);
}

/**
 * The format `auto` stands for in a document of `languageId` holding `text`: Markdown's `pandoc` or
 * `markdown` link, LaTeX's command, `bibtex` in a `.bib` file, `plain` in other prose, `comment` in code.
 */
export function documentFormat(text: string, languageId: string): CitationFormat {
  switch (textKind(languageId)) {
    case 'markdown': return usesPandocCitations(text) ? 'pandoc' : 'markdown';
    case 'latex': return latexCitationFormat(text);
    case 'bibtex': return 'bibtex';
    case 'prose': return 'plain';
    case 'code': return 'comment';
  }
}
