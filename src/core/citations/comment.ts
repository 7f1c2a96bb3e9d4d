/**
 * Citations written into code as comments: each language's comment syntax, and a wrapper that makes
 * any citation text (every format, every template) one comment line that nothing in it can end early.
 */
import { escapeRegExp } from '../regex';

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

/** Every language id whose comment syntax is known (by line prefix or block). */
export function languagesWithComments(): string[] {
  return [...LINE_BY_LANGUAGE.keys(), ...Object.keys(BLOCKS)];
}

/**
 * The comment syntax for a VS Code language id; `null` for languages without comments (plain text,
 * JSON). Unknown languages get `//`, the line comment of most C-family languages VS Code users add.
 */
export function commentStyle(languageId: string): CommentStyle {
  if (NO_COMMENTS.has(languageId)) return null;
  const block = Object.hasOwn(BLOCKS, languageId) ? BLOCKS[languageId] : undefined;
  if (block) return { block };
  return { line: LINE_BY_LANGUAGE.get(languageId) ?? '//' };
}

/**
 * Every character that ends a line in some language (LF, CR, VT, FF, NEL U+0085, LS U+2028, PS U+2029),
 * every other control character, and the invisible format characters that reorder or hide text
 * (bidirectional overrides and isolates, zero-width characters, the BOM, interlinear annotation).
 */
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** Text as one line: line breaks, control and invisible format characters become spaces, runs of white space one space. */
export function oneLine(text: string): string {
  return text.replace(BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Text made into one comment line of the language: `# text` (line comments) or `<!-- text -->`
 * (block comments), with `commentBody` making sure nothing in the text ends the comment early. Every
 * citation format and template goes through here, so none can break out. Languages without comments
 * get the text unchanged.
 */
export function wrapAsComment(text: string, languageId: string): string {
  const style = commentStyle(languageId);
  if (style === null) return text;
  const body = commentBody(text, style, languageId);
  if ('line' in style) return body.length > 0 ? `${style.line} ${body}` : style.line;
  return `${style.block[0]} ${body} ${style.block[1]}`;
}

/**
 * Text made safe to stand inside a comment of `style` in a file of `languageId`, as one line:
 * line breaks and control characters collapsed (`oneLine`); in a block comment, its start and end
 * markers broken with a space (`*\/` becomes `* /`; in HTML and XML every `--`, which also defuses
 * `-->` and `--!>`); in a line comment, what would continue it onto the next line removed from its
 * end (a backslash in C and make, `^` in batch files, ` _` in Visual Basic) and PHP's `?>` broken.
 * Editor and encoding directives (`coding:`, `vim:`) are broken too, so a title cannot change how the
 * file is read, and OCaml's string quotes inside comments are made harmless.
 */
export function commentBody(text: string, style: Exclude<CommentStyle, null>, languageId: string): string {
  // Python reads `coding[:=]` anywhere in its first two lines' comments; vim reads ` vim:` modelines.
  let body = oneLine(text).replace(/coding(?=[:=])/g, 'coding ').replace(/(?<![A-Za-z])(vim?|ex)(?=:)/g, '$1 ');
  // OCaml reads string literals inside comments: an unpaired quote would run past the comment's end.
  if (languageId === 'ocaml') body = breakMarker(body.replace(/"/g, "'"), '{|');
  if ('block' in style) {
    const [start, end] = style.block;
    const markers = new Set([start, end]);
    if (start.includes('--') || end.includes('--')) markers.add('--');
    if (end.includes('*/')) markers.add('*/').add('/*');
    for (const marker of markers) body = breakMarker(body, marker);
    return body;
  }
  if (languageId === 'php') body = breakMarker(body, '?>');
  const continuation = languageId === 'bat' ? /[\s\\^]+$/ : LINE_PREFIXES["'"].includes(languageId) ? /[\s\\_]+$/ : /[\s\\]+$/;
  return body.replace(continuation, '');
}

/** `text` with a space after the first character of every occurrence of `marker` (`-->` becomes `- ->`). */
function breakMarker(text: string, marker: string): string {
  return text.replace(new RegExp(`${escapeRegExp(marker[0])}(?=${escapeRegExp(marker.slice(1))})`, 'g'), `${marker[0]} `);
}
