/** Comment syntax of VS Code language ids, for inserting citations into code as comments. */

/** How a language writes a comment: a line prefix, a block with start and end, or none at all. */
export type CommentStyle = { line: string } | { block: [string, string] } | null;

const LINE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  '//': [
    'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'c', 'cpp', 'cuda-cpp', 'objective-c',
    'objective-cpp', 'csharp', 'java', 'kotlin', 'scala', 'groovy', 'go', 'rust', 'swift', 'dart', 'php',
    'fsharp', 'jsonc', 'json5', 'scss', 'less', 'stylus', 'zig', 'd', 'solidity', 'verilog', 'systemverilog',
    'glsl', 'hlsl', 'wgsl', 'proto', 'proto3', 'odin', 'v', 'gradle', 'haxe', 'typst',
  ],
  '#': [
    'python', 'shellscript', 'bash', 'sh', 'zsh', 'fish', 'powershell', 'r', 'julia', 'ruby', 'perl', 'perl6',
    'raku', 'yaml', 'toml', 'dockerfile', 'makefile', 'cmake', 'coffeescript', 'elixir', 'nim', 'crystal',
    'tcl', 'nix', 'hcl', 'terraform', 'graphql', 'properties', 'dotenv', 'ignore', 'git-commit', 'gitignore',
    'snakemake', 'starlark', 'bazel', 'awk', 'jupyter', 'requirements', 'pip-requirements', 'conda',
  ],
  '--': ['lua', 'sql', 'haskell', 'elm', 'purescript', 'ada', 'vhdl', 'applescript', 'agda', 'idris', 'plsql', 'postgres', 'mysql'],
  '%': ['latex', 'tex', 'bibtex', 'context', 'doctex', 'latex-expl3', 'matlab', 'octave', 'erlang', 'prolog', 'postscript', 'mercury'],
  ';': ['clojure', 'lisp', 'commonlisp', 'scheme', 'racket', 'elisp', 'emacs-lisp', 'ini', 'asm', 'nasm', 'autohotkey', 'fennel'],
  "'": ['vb', 'vbscript', 'vba'],
  '!': ['fortran', 'fortran-modern', 'FortranFreeForm'],
  '::': ['bat'],
};

const BLOCKS: Readonly<Record<string, [string, string]>> = {
  html: ['<!--', '-->'], xml: ['<!--', '-->'], xsl: ['<!--', '-->'], svg: ['<!--', '-->'],
  markdown: ['<!--', '-->'], mdx: ['{/*', '*/}'], vue: ['<!--', '-->'], svelte: ['<!--', '-->'],
  astro: ['<!--', '-->'], razor: ['@*', '*@'], css: ['/*', '*/'], ocaml: ['(*', '*)'], pascal: ['(*', '*)'],
  handlebars: ['{{!--', '--}}'], jinja: ['{#', '#}'], 'jinja-html': ['{#', '#}'], twig: ['{#', '#}'],
};

/** Languages without comments, where a citation is inserted as it is. */
const NO_COMMENTS: ReadonlySet<string> = new Set(['plaintext', 'json', 'csv', 'tsv', 'log', 'code-text-binary']);

const LINE_BY_LANGUAGE: ReadonlyMap<string, string> = new Map(
  Object.entries(LINE_PREFIXES).flatMap(([prefix, ids]) => ids.map((id) => [id, prefix] as [string, string])),
);

/**
 * The comment syntax for a VS Code language id; `null` for languages without comments (plain text,
 * JSON). Unknown languages get `//`, the line comment of most C-family languages VS Code users add.
 */
export function commentStyle(languageId: string): CommentStyle {
  if (NO_COMMENTS.has(languageId)) return null;
  const block = BLOCKS[languageId];
  if (block) return { block };
  return { line: LINE_BY_LANGUAGE.get(languageId) ?? '//' };
}

/**
 * Text made into a comment of the language: each line behind the line-comment prefix (`# ...`), or
 * the whole text in one block (`<!-- ... -->`, with an end marker inside the text defused so the
 * comment cannot end early). Languages without comments get the text unchanged.
 */
export function wrapAsComment(text: string, languageId: string): string {
  const style = commentStyle(languageId);
  if (style === null) return text;
  const lines = text.split(/\r?\n/);
  if ('line' in style) return lines.map((line) => (line.length > 0 ? `${style.line} ${line}` : style.line)).join('\n');
  const [start, end] = style.block;
  const safe = lines.map((line) => line.split(end).join(end.split('').join(' ')));
  return safe.length === 1 ? `${start} ${safe[0]} ${end}` : [start, ...safe, end].join('\n');
}
