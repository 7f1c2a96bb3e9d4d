/**
 * What kind of text a file holds, as far as reading prose and citations goes: LaTeX, pandoc Markdown,
 * a BibTeX database, plain prose, or code (whose prose lives in comments). Keyed by VS Code language
 * id; the CLI and the benchmark get the id from the file name with `languageIdForPath`.
 */
import { commentStyle, languagesWithComments } from '../citations/comment';
import { PROSE_LANGUAGES } from '../languages';

/** How a file is read: its prose and its citation syntax. */
export type TextKind = 'latex' | 'markdown' | 'bibtex' | 'prose' | 'code';

const MARKDOWN_IDS: ReadonlySet<string> = new Set(['markdown', 'quarto', 'rmd', 'rmarkdown', 'mdx', 'pandoc']);
const LATEX_IDS: ReadonlySet<string> = new Set(['latex', 'tex', 'doctex', 'latex-expl3', 'context', 'rsweave', 'jlweave', 'pweave']);
const BIBTEX_IDS: ReadonlySet<string> = new Set(['bibtex', 'biblatex']);
const PROSE_IDS: ReadonlySet<string> = new Set(['plaintext', 'restructuredtext', 'asciidoc', 'org', 'git-commit']);

/** The text kind of a VS Code language id; anything unknown is code. */
export function textKind(languageId: string): TextKind {
  if (MARKDOWN_IDS.has(languageId)) return 'markdown';
  if (LATEX_IDS.has(languageId)) return 'latex';
  if (BIBTEX_IDS.has(languageId)) return 'bibtex';
  if (PROSE_IDS.has(languageId)) return 'prose';
  return 'code';
}

/**
 * Languages that hold data, configuration or machine output rather than code or prose, and the Source
 * Control input box (`scminput`, a text model VS Code makes in every window with a repository):
 * citations do not go there, so Paper Scout neither starts for them nor offers its editor menu in them.
 */
const NOT_SERVED: ReadonlySet<string> = new Set([
  'json', 'jsonc', 'json5', 'yaml', 'toml', 'ini', 'properties', 'dotenv', 'ignore', 'gitignore', 'git-commit',
  'git-rebase', 'scminput', 'requirements', 'pip-requirements', 'conda', 'csv', 'tsv', 'log', 'code-text-binary',
]);

/**
 * The languages Paper Scout serves, sorted: Markdown, LaTeX, BibTeX and other prose, and code whose
 * comments it reads and writes. The `when` clauses of its editor menu list exactly these, and its
 * `onLanguage` activation events all but one (see `activationLanguages`; the unit tests check both):
 * data and configuration languages (JSON, YAML, ...) and the output panel's log are not among them.
 */
export function servedLanguages(): string[] {
  return [...new Set([...PROSE_LANGUAGES, 'biblatex', ...languagesWithComments()])].filter((id) => !NOT_SERVED.has(id)).sort();
}

/**
 * The languages whose documents start Paper Scout (`onLanguage` activation events): those it serves
 * but plain text, since VS Code makes plain-text models of its own in every window (the chat input box
 * is one), and `onLanguage:plaintext` would start Paper Scout everywhere. A plain-text document gets
 * Paper Scout once anything else starts it (a command, its menu, another document).
 */
export function activationLanguages(): string[] {
  return servedLanguages().filter((id) => id !== 'plaintext');
}

/** The `when` clause that holds in an editor of a language Paper Scout serves (for its editor menu). */
export function servedLanguagesWhen(): string {
  return `editorLangId =~ /^(?:${servedLanguages().join('|')})$/`;
}

/** File name endings (lower case, without the dot) and the language id VS Code gives them. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  tex: 'latex', ltx: 'latex', latex: 'latex', sty: 'latex', cls: 'latex', dtx: 'doctex',
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown', qmd: 'quarto', rmd: 'rmd',
  bib: 'bibtex', txt: 'plaintext', rst: 'restructuredtext', adoc: 'asciidoc', org: 'org',
  py: 'python', pyi: 'python', ipynb: 'jupyter', r: 'r', jl: 'julia', sh: 'shellscript', bash: 'shellscript',
  zsh: 'shellscript', rb: 'ruby', pl: 'perl', yaml: 'yaml', yml: 'yaml', toml: 'toml', ps1: 'powershell',
  ts: 'typescript', tsx: 'typescriptreact', mts: 'typescript', cts: 'typescript', js: 'javascript',
  jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp',
  cxx: 'cpp', hpp: 'cpp', hh: 'cpp', cu: 'cuda-cpp', cuh: 'cuda-cpp', java: 'java', kt: 'kotlin',
  scala: 'scala', go: 'go', rs: 'rust', swift: 'swift', cs: 'csharp', dart: 'dart', php: 'php', m: 'matlab',
  lua: 'lua', sql: 'sql', hs: 'haskell', html: 'html', htm: 'html', xml: 'xml', vue: 'vue', svelte: 'svelte',
  css: 'css', scss: 'scss', less: 'less', zig: 'zig', f90: 'fortran-modern', erl: 'erlang', clj: 'clojure',
  el: 'emacs-lisp', scm: 'scheme', ml: 'ocaml', nim: 'nim', ex: 'elixir', exs: 'elixir', tf: 'terraform',
};

/** File names (lower case) that are code without a telling ending. */
const NAMES: Readonly<Record<string, string>> = { makefile: 'makefile', dockerfile: 'dockerfile', cmakelists: 'cmake' };

/**
 * The VS Code language id for a file path (`/` or `\` separated), from its ending or name; undefined
 * for files Paper Scout does not read (images, archives, data, unknown endings).
 */
export function languageIdForPath(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return NAMES[name];
  return EXTENSIONS[name.slice(dot + 1)] ?? NAMES[name.slice(0, dot)];
}

/** The file endings `languageIdForPath` knows, for the glob of files to index. */
export function knownExtensions(): string[] {
  return Object.keys(EXTENSIONS);
}

/** How a language writes comments and strings, for reading its comments. */
export interface CommentSyntax {
  /** Line comment starters (`//`, `#`). */
  line: readonly string[];
  /** Block comment start and end pairs (C's slash-star pair, `<!--` and `-->`). */
  blocks: ReadonlyArray<readonly [string, string]>;
  /** Quote characters whose strings end at the quote or the line end. */
  quotes: readonly string[];
  /** Delimiters of strings that may span lines (Python `"""`, JavaScript and Go backticks). */
  longStrings: readonly string[];
  /** Triple-quoted strings that start a line are docstrings, read as comments (Python). */
  docstrings: boolean;
}

const C_BLOCK: readonly [string, string] = ['/*', '*/'];

/** Extra block comments and long strings of languages whose line comment `commentStyle` already knows. */
const EXTRAS: Readonly<Record<string, Partial<CommentSyntax>>> = {
  python: { longStrings: ['"""', "'''"], docstrings: true },
  jupyter: { longStrings: ['"""', "'''"], docstrings: true },
  julia: { blocks: [['#=', '=#']], longStrings: ['"""'] },
  lua: { blocks: [['--[[', ']]']] },
  sql: { blocks: [C_BLOCK] },
  haskell: { blocks: [['{-', '-}']] },
  elm: { blocks: [['{-', '-}']] },
  powershell: { blocks: [['<#', '#>']] },
  matlab: { blocks: [['%{', '%}']] },
  ruby: { blocks: [['=begin', '=end']] },
  php: { line: ['//', '#'] },
  javascript: { longStrings: ['`'] },
  javascriptreact: { longStrings: ['`'] },
  typescript: { longStrings: ['`'] },
  typescriptreact: { longStrings: ['`'] },
  go: { longStrings: ['`'] },
  kotlin: { longStrings: ['"""'] },
  scala: { longStrings: ['"""'] },
  swift: { longStrings: ['"""'] },
  html: { quotes: [] },
  xml: { quotes: [] },
};

/**
 * The comment syntax of a language id for reading: its line comment (from `commentStyle`, the one
 * Paper Scout writes), block comments (C's slash-star pair wherever `//` is the line comment), strings to skip,
 * and Python docstrings.
 */
export function commentSyntax(languageId: string): CommentSyntax {
  const style = commentStyle(languageId);
  const extra = EXTRAS[languageId] ?? {};
  const line = style && 'line' in style ? [style.line] : [];
  const blocks: Array<readonly [string, string]> = style && 'block' in style ? [style.block] : [];
  if (line[0] === '//') blocks.push(C_BLOCK);
  // Lisp and shell quotes are not string delimiters in the usual sense; C-family `'` is a character.
  const quotes = line[0] === ';' || line[0] === "'" ? ['"'] : ['"', "'"];
  return {
    line: extra.line ?? line,
    blocks: [...blocks, ...(extra.blocks ?? [])],
    quotes: extra.quotes ?? quotes,
    longStrings: extra.longStrings ?? [],
    docstrings: extra.docstrings ?? false,
  };
}
