/**
 * The one table of the languages Paper Scout knows, by VS Code language id: how a file of the language
 * is read and cited (its kind), which file endings VS Code opens as it, and how it writes comments,
 * both the comment Paper Scout writes a citation into and what reading its comments must skip.
 * Everything else asks this table: the citation scanner, the passage reader, completion, insertion,
 * the file lists of the citation index and the CLI, and (checked by the unit tests) the manifest's
 * `onLanguage` activation events.
 */

/**
 * How a file is read and cited: LaTeX (`\cite{key}`), pandoc Markdown (`[@key]`), a BibTeX database
 * (entries define keys), prose without a citation syntax of its own, or code, whose prose lives in comments.
 */
export type TextKind = 'latex' | 'markdown' | 'bibtex' | 'prose' | 'code';

/** How a language writes a comment: a line prefix, a block with start and end, or none at all. */
export type CommentStyle = { line: string } | { block: [string, string] } | null;

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

/** One row of the table. */
export interface Language {
  /** How its files are read and cited. */
  kind: TextKind;
  /** The comment Paper Scout writes (and joins) in it; `null` where it has none. */
  comment: CommentStyle;
  /** File name endings, lower case without the dot, that VS Code opens as this language. */
  extensions?: readonly string[];
  /** Whole file names, lower case, that VS Code opens as this language (`makefile`, `cmakelists.txt`); also read before an unknown ending (`makefile.am`). */
  names?: readonly string[];
  /** What reading its comments needs beyond `comment` (more comment forms, strings to skip). */
  reading?: Partial<CommentSyntax>;
}

const HTML: CommentStyle = { block: ['<!--', '-->'] };
const PERCENT: CommentStyle = { line: '%' };
const SLASHES: CommentStyle = { line: '//' };
const HASH: CommentStyle = { line: '#' };
const DASHES: CommentStyle = { line: '--' };
const SEMICOLON: CommentStyle = { line: ';' };
const C_BLOCK: readonly [string, string] = ['/*', '*/'];
const PYTHON_STRINGS: Partial<CommentSyntax> = { longStrings: ['"""', "'''"], docstrings: true };
const BACKTICKS: Partial<CommentSyntax> = { longStrings: ['`'] };
const TRIPLE_QUOTES: Partial<CommentSyntax> = { longStrings: ['"""'] };
const HASKELL_BLOCKS: Partial<CommentSyntax> = { blocks: [['{-', '-}']] };

const code = (comment: CommentStyle, extensions?: readonly string[], reading?: Partial<CommentSyntax>): Language => ({ kind: 'code', comment, extensions, reading });

/** The table. A language id it does not hold is code with `//` comments (see `languageOf`). Read it through the functions below. */
export const LANGUAGES: Readonly<Record<string, Readonly<Language>>> = {
  // Markdown and its dialects: pandoc citations.
  markdown: { kind: 'markdown', comment: HTML, extensions: ['md', 'markdown', 'mdown', 'mkd', 'mkdn'] },
  quarto: { kind: 'markdown', comment: HTML, extensions: ['qmd'] },
  rmd: { kind: 'markdown', comment: HTML, extensions: ['rmd'] },
  rmarkdown: { kind: 'markdown', comment: HTML },
  mdx: { kind: 'markdown', comment: { block: ['{/*', '*/}'] }, extensions: ['mdx'] },
  pandoc: { kind: 'markdown', comment: HTML },
  // LaTeX, its relatives and the documents that embed it (Sweave, Weave.jl, Pweave); ConTeXt too.
  latex: { kind: 'latex', comment: PERCENT, extensions: ['tex', 'ltx', 'latex', 'sty', 'cls'] },
  tex: { kind: 'latex', comment: PERCENT },
  doctex: { kind: 'latex', comment: PERCENT, extensions: ['dtx'] },
  'latex-expl3': { kind: 'latex', comment: PERCENT },
  context: { kind: 'latex', comment: PERCENT, extensions: ['mkiv', 'mkvi', 'mkxl'] },
  rsweave: { kind: 'latex', comment: PERCENT, extensions: ['rnw'] },
  jlweave: { kind: 'latex', comment: PERCENT },
  pweave: { kind: 'latex', comment: PERCENT },
  // Bibliographies: entries define keys; a citation goes in as written (a BibTeX entry belongs there).
  bibtex: { kind: 'bibtex', comment: PERCENT, extensions: ['bib'] },
  biblatex: { kind: 'bibtex', comment: PERCENT },
  // Prose without a citation syntax of its own: citations are found after the comment trigger and go in as written.
  plaintext: { kind: 'prose', comment: null, extensions: ['txt'] },
  text: { kind: 'prose', comment: null },
  scminput: { kind: 'prose', comment: null },
  'git-commit': { kind: 'prose', comment: HASH },
  restructuredtext: { kind: 'prose', comment: { line: '..' }, extensions: ['rst'] },
  asciidoc: { kind: 'prose', comment: SLASHES, extensions: ['adoc'] },
  org: { kind: 'prose', comment: HASH, extensions: ['org'] },
  typst: { kind: 'prose', comment: SLASHES, extensions: ['typ'] },
  // Code with `//` comments (and C's block comments).
  typescript: code(SLASHES, ['ts', 'mts', 'cts'], BACKTICKS),
  typescriptreact: code(SLASHES, ['tsx'], BACKTICKS),
  javascript: code(SLASHES, ['js', 'mjs', 'cjs'], BACKTICKS),
  javascriptreact: code(SLASHES, ['jsx'], BACKTICKS),
  c: code(SLASHES, ['c', 'h']),
  cpp: code(SLASHES, ['cc', 'cpp', 'cxx', 'hpp', 'hh']),
  'cuda-cpp': code(SLASHES, ['cu', 'cuh']),
  'objective-c': code(SLASHES),
  'objective-cpp': code(SLASHES),
  csharp: code(SLASHES, ['cs']),
  java: code(SLASHES, ['java']),
  kotlin: code(SLASHES, ['kt'], TRIPLE_QUOTES),
  scala: code(SLASHES, ['scala'], TRIPLE_QUOTES),
  groovy: code(SLASHES),
  go: code(SLASHES, ['go'], BACKTICKS),
  rust: code(SLASHES, ['rs']),
  swift: code(SLASHES, ['swift'], TRIPLE_QUOTES),
  dart: code(SLASHES, ['dart']),
  php: code(SLASHES, ['php'], { line: ['//', '#'] }),
  fsharp: code(SLASHES),
  jsonc: code(SLASHES),
  json5: code(SLASHES),
  scss: code(SLASHES, ['scss']),
  less: code(SLASHES, ['less']),
  stylus: code(SLASHES),
  zig: code(SLASHES, ['zig']),
  d: code(SLASHES),
  solidity: code(SLASHES),
  verilog: code(SLASHES),
  systemverilog: code(SLASHES),
  glsl: code(SLASHES),
  hlsl: code(SLASHES),
  wgsl: code(SLASHES),
  proto: code(SLASHES),
  proto3: code(SLASHES),
  odin: code(SLASHES),
  v: code(SLASHES),
  gradle: code(SLASHES),
  haxe: code(SLASHES),
  // Code with `#` comments.
  python: code(HASH, ['py', 'pyi'], PYTHON_STRINGS),
  jupyter: code(HASH, ['ipynb'], PYTHON_STRINGS),
  shellscript: code(HASH, ['sh', 'bash', 'zsh']),
  bash: code(HASH),
  sh: code(HASH),
  zsh: code(HASH),
  fish: code(HASH),
  powershell: code(HASH, ['ps1'], { blocks: [['<#', '#>']] }),
  r: code(HASH, ['r']),
  julia: code(HASH, ['jl'], { blocks: [['#=', '=#']], longStrings: ['"""'] }),
  ruby: code(HASH, ['rb'], { blocks: [['=begin', '=end']] }),
  perl: code(HASH, ['pl']),
  perl6: code(HASH),
  raku: code(HASH),
  yaml: code(HASH, ['yaml', 'yml']),
  toml: code(HASH, ['toml']),
  dockerfile: { ...code(HASH), names: ['dockerfile'] },
  makefile: { ...code(HASH), names: ['makefile'] },
  cmake: { ...code(HASH), names: ['cmakelists.txt'] },
  coffeescript: code(HASH),
  elixir: code(HASH, ['ex', 'exs']),
  nim: code(HASH, ['nim']),
  crystal: code(HASH),
  tcl: code(HASH),
  nix: code(HASH),
  hcl: code(HASH),
  terraform: code(HASH, ['tf']),
  graphql: code(HASH),
  properties: code(HASH),
  dotenv: code(HASH),
  ignore: code(HASH),
  gitignore: code(HASH),
  snakemake: code(HASH),
  starlark: code(HASH),
  bazel: code(HASH),
  awk: code(HASH),
  requirements: code(HASH),
  'pip-requirements': code(HASH),
  conda: code(HASH),
  // Code with `--` comments.
  lua: code(DASHES, ['lua'], { blocks: [['--[[', ']]']] }),
  sql: code(DASHES, ['sql'], { blocks: [C_BLOCK] }),
  haskell: code(DASHES, ['hs'], HASKELL_BLOCKS),
  elm: code(DASHES, undefined, HASKELL_BLOCKS),
  purescript: code(DASHES),
  ada: code(DASHES),
  vhdl: code(DASHES),
  applescript: code(DASHES),
  agda: code(DASHES),
  idris: code(DASHES),
  plsql: code(DASHES),
  postgres: code(DASHES),
  mysql: code(DASHES),
  // Code with `%` comments.
  matlab: code(PERCENT, ['m'], { blocks: [['%{', '%}']] }),
  octave: code(PERCENT),
  erlang: code(PERCENT, ['erl']),
  prolog: code(PERCENT),
  postscript: code(PERCENT),
  mercury: code(PERCENT),
  // Code with `;` comments.
  clojure: code(SEMICOLON, ['clj']),
  lisp: code(SEMICOLON),
  commonlisp: code(SEMICOLON),
  scheme: code(SEMICOLON, ['scm']),
  racket: code(SEMICOLON),
  elisp: code(SEMICOLON),
  'emacs-lisp': code(SEMICOLON, ['el']),
  ini: code(SEMICOLON),
  asm: code(SEMICOLON),
  nasm: code(SEMICOLON),
  autohotkey: code(SEMICOLON),
  fennel: code(SEMICOLON),
  // Code with other line comments.
  vb: code({ line: "'" }),
  vbscript: code({ line: "'" }),
  vba: code({ line: "'" }),
  fortran: code({ line: '!' }),
  'fortran-modern': code({ line: '!' }, ['f90']),
  FortranFreeForm: code({ line: '!' }),
  bat: code({ line: '::' }),
  // Code with block comments only.
  html: code(HTML, ['html', 'htm'], { quotes: [] }),
  xml: code(HTML, ['xml'], { quotes: [] }),
  xsl: code(HTML),
  svg: code(HTML),
  vue: code(HTML, ['vue']),
  svelte: code(HTML, ['svelte']),
  astro: code(HTML),
  razor: code({ block: ['@*', '*@'] }),
  css: code({ block: ['/*', '*/'] }, ['css']),
  ocaml: code({ block: ['(*', '*)'] }, ['ml']),
  pascal: code({ block: ['(*', '*)'] }),
  handlebars: code({ block: ['{{!--', '--}}'] }),
  jinja: code({ block: ['{#', '#}'] }),
  'jinja-html': code({ block: ['{#', '#}'] }),
  twig: code({ block: ['{#', '#}'] }),
  // Data without comments: a citation goes in as it is.
  json: code(null),
  csv: code(null),
  tsv: code(null),
  log: code(null),
  'code-text-binary': code(null),
};

/** A language the table does not hold: code with the line comment of most C-family languages VS Code users add. */
const UNKNOWN: Language = code(SLASHES);

/** The table's row for `languageId`, or `UNKNOWN`. */
function languageOf(languageId: string): Language {
  return Object.hasOwn(LANGUAGES, languageId) ? LANGUAGES[languageId] : UNKNOWN;
}

const ENTRIES = Object.entries(LANGUAGES);
const BY_EXTENSION: ReadonlyMap<string, string> = new Map(ENTRIES.flatMap(([id, language]) => (language.extensions ?? []).map((extension) => [extension, id] as const)));
const BY_NAME: ReadonlyMap<string, string> = new Map(ENTRIES.flatMap(([id, language]) => (language.names ?? []).map((name) => [name, id] as const)));

/** The kind of a VS Code language id: how its files are read and cited; anything unknown is code. */
export function textKind(languageId: string): TextKind {
  return languageOf(languageId).kind;
}

/** The language ids of one kind, in the table's order (the Markdown ones, the LaTeX ones, ...). */
export function languagesOfKind(kind: TextKind): string[] {
  return ENTRIES.filter(([, language]) => language.kind === kind).map(([id]) => id);
}

/** Language ids whose citations are pandoc's `[@key]`. */
export const MARKDOWN_LANGUAGES: readonly string[] = languagesOfKind('markdown');

/** Language ids whose citations are `\cite{key}` and its relatives. */
export const LATEX_LANGUAGES: readonly string[] = languagesOfKind('latex');

/**
 * True where a citation goes in as its format reads (Markdown, LaTeX, bibliographies, prose); false in
 * code, where it goes in as a comment.
 */
export function takesCitationsAsWritten(languageId: string): boolean {
  return textKind(languageId) !== 'code';
}

/**
 * The VS Code language id for a file path (`/` or `\` separated), from its ending or name; undefined
 * for files Paper Scout does not read (images, archives, data, unknown endings).
 */
export function languageIdForPath(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return BY_NAME.get(name);
  return BY_NAME.get(name) ?? BY_EXTENSION.get(name.slice(dot + 1)) ?? BY_NAME.get(name.slice(0, dot));
}

/** The file endings `languageIdForPath` knows, for the glob of files the citation index reads. */
export function knownExtensions(): string[] {
  return [...BY_EXTENSION.keys()];
}

/** The file endings of the languages of one kind (`md`, `qmd`, ... for Markdown). */
export function fileExtensionsOfKind(kind: TextKind): string[] {
  return [...BY_EXTENSION].filter(([, id]) => LANGUAGES[id].kind === kind).map(([extension]) => extension);
}

/** The comment Paper Scout writes in a language; `null` for languages without comments (plain text, JSON). */
export function commentStyle(languageId: string): CommentStyle {
  return languageOf(languageId).comment;
}

/**
 * The comment syntax of a language id for reading: its line comment or block (the ones Paper Scout
 * writes), C's slash-star block wherever `//` is the line comment, strings to skip, and Python docstrings.
 */
export function commentSyntax(languageId: string): CommentSyntax {
  const language = languageOf(languageId);
  const style = language.comment;
  const reading = language.reading ?? {};
  const line = style && 'line' in style ? [style.line] : [];
  const blocks: Array<readonly [string, string]> = style && 'block' in style ? [style.block] : [];
  if (line[0] === '//') blocks.push(C_BLOCK);
  // Lisp and shell quotes are not string delimiters in the usual sense; C-family `'` is a character.
  const quotes = line[0] === ';' || line[0] === "'" ? ['"'] : ['"', "'"];
  return {
    line: reading.line ?? line,
    blocks: [...blocks, ...(reading.blocks ?? [])],
    quotes: reading.quotes ?? quotes,
    longStrings: reading.longStrings ?? [],
    docstrings: reading.docstrings ?? false,
  };
}

/** How a language cites, as completion reads it: pandoc Markdown, LaTeX, or neither (code comments only). */
export type CitationSyntax = 'markdown' | 'latex' | 'code';

/** The citation syntax of a VS Code language id: its kind where that is Markdown or LaTeX, else code. */
export function citationSyntax(languageId: string): CitationSyntax {
  const kind = textKind(languageId);
  return kind === 'markdown' || kind === 'latex' ? kind : 'code';
}

/**
 * Languages that hold data, configuration or machine output rather than code or prose, and the inputs
 * VS Code makes text models for (the Source Control input `scminput`, commit messages): citations do
 * not go there, so Paper Scout neither starts for them nor offers its editor menu or light bulb in them.
 */
const NOT_SERVED: ReadonlySet<string> = new Set([
  'json', 'jsonc', 'json5', 'yaml', 'toml', 'ini', 'properties', 'dotenv', 'ignore', 'gitignore', 'git-commit',
  'scminput', 'requirements', 'pip-requirements', 'conda', 'csv', 'tsv', 'log', 'code-text-binary',
]);

/**
 * The languages Paper Scout serves, sorted: Markdown, LaTeX, BibTeX and other prose, and code whose
 * comments it reads and writes. The `when` clauses of its editor menu list exactly these, and its
 * `onLanguage` activation events all but one (see `activationLanguages`; the unit tests check both).
 */
export function servedLanguages(): string[] {
  return Object.keys(LANGUAGES).filter((id) => !NOT_SERVED.has(id)).sort();
}

/** True when Paper Scout serves documents of `languageId` (its menu, its light bulb). */
export function isServedLanguage(languageId: string): boolean {
  return Object.hasOwn(LANGUAGES, languageId) && !NOT_SERVED.has(languageId);
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
