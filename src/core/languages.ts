/**
 * The one list of the languages Paper Scout treats as prose: which VS Code language ids cite with
 * pandoc's `[@key]` (Markdown and its dialects), which with `\cite{key}` (LaTeX), and which other ones
 * take a citation as written rather than as a code comment. The manifest's `onLanguage` activation
 * events (with `servedLanguages`) and the bibliography export's file extensions are checked against
 * it by the unit tests.
 */

/** Language ids whose citations are pandoc's `[@key]`. */
export const MARKDOWN_LANGUAGES: readonly string[] = ['markdown', 'quarto', 'rmd', 'rmarkdown', 'mdx', 'pandoc'];

/** Language ids whose citations are `\cite{key}` and its relatives. */
export const LATEX_LANGUAGES: readonly string[] = ['latex', 'tex', 'doctex', 'latex-expl3', 'rsweave', 'jlweave', 'pweave'];

/** Other prose and bibliography language ids: a citation goes in as its format reads, not as a comment. */
const OTHER_PROSE_LANGUAGES: readonly string[] = [
  'context', 'bibtex', 'plaintext', 'restructuredtext', 'asciidoc', 'org', 'typst', 'text', 'scminput',
];

/** File extensions (lower case, without the dot) of Markdown files, for files not opened as documents. */
export const MARKDOWN_FILE_EXTENSIONS: readonly string[] = ['md', 'markdown', 'qmd', 'rmd', 'mdx'];

/** File extensions (lower case, without the dot) of LaTeX files. */
export const LATEX_FILE_EXTENSIONS: readonly string[] = ['tex', 'ltx'];

/** How a language cites: pandoc Markdown, LaTeX, or code (comments only). */
export type CitationSyntax = 'markdown' | 'latex' | 'code';

const MARKDOWN = new Set(MARKDOWN_LANGUAGES);
const LATEX = new Set(LATEX_LANGUAGES);
/** Every prose and bibliography language id: Markdown, LaTeX and the others. */
export const PROSE_LANGUAGES: readonly string[] = [...MARKDOWN_LANGUAGES, ...LATEX_LANGUAGES, ...OTHER_PROSE_LANGUAGES];
const PROSE = new Set(PROSE_LANGUAGES);

/** The citation syntax of a VS Code language id. */
export function citationSyntax(languageId: string): CitationSyntax {
  if (MARKDOWN.has(languageId)) return 'markdown';
  if (LATEX.has(languageId)) return 'latex';
  return 'code';
}

/** True for prose and bibliography languages (Markdown, LaTeX, BibTeX, plain text, ...). */
export function isProseLanguage(languageId: string): boolean {
  return PROSE.has(languageId);
}

/** The citation syntax of a file by its name's extension (for files read without opening them). */
export function citationSyntaxOfFile(path: string): CitationSyntax {
  const extension = /\.([^./]+)$/.exec(path)?.[1].toLowerCase() ?? '';
  if (MARKDOWN_FILE_EXTENSIONS.includes(extension)) return 'markdown';
  if (LATEX_FILE_EXTENSIONS.includes(extension)) return 'latex';
  return 'code';
}
