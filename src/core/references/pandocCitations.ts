/**
 * Pandoc Markdown citations: `[@a; @b, p. 4]`, `[see -@a]`, in-text `@a`, and `@{braced keys}`, read
 * with pandoc's rules. `@` starts a citation only where no word comes right before it, so
 * `user@example.com` and `\@` are not citations. A key starts with a letter, digit or `_` and goes on
 * with those and single internal punctuation (`:.#$%&-+?<>~/`), so `@doe:2020.` is `doe:2020`.
 * Code (fenced blocks, inline code spans) and HTML comments are skipped; raw LaTeX `\cite{...}` counts.
 *
 * Only citations are citations. Markdown written by others is full of `@`: "thanks @octocat", "install
 * @types/node", `[@octocat](https://github.com/octocat)`. So a bracketed `[@key]` is a citation (a
 * bracket that is a link, `[...](url)` or `[...][ref]`, is not), while a bare `@key` is a citation only
 * in a document that shows it cites: a bracketed citation, a raw LaTeX `\cite`, or citation metadata
 * in its YAML front matter (`bibliography:`, `references:`, `nocite:`, `csl:`). Elsewhere a bare
 * `@key` is a *mention*: it counts only for a key Paper Scout or a workspace bibliography knows,
 * which the caller decides. A bare `@scope/package` is never a citation, nor is a Quarto or
 * pandoc-crossref cross-reference (`@fig-plot`, `@sec:intro`). Keys listed as `id:` under
 * `references:` in the front matter are definitions.
 */
import { scanLatex } from './latexCitations';
import { inRanges, mergeRanges, type Range } from './ranges';
import type { KeySpan } from './keyOccurrences';

const CITATION = /@(?:\{([^{}\n]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*))/gu;
/** Characters after which `@` is part of a word, an address or an escape, not a citation. */
const WORDLIKE_BEFORE = /[\p{L}\p{N}_.@\\/:+=&%#$]/u;
/** Where `-@key` (suppress author) may start: the start, white space, `[` or `;`. */
const SUPPRESS_BEFORE = /[\s[;(]/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** What brackets are made of: an escaped character (skipped), `[`, `]`, and blank lines (which end every bracket). */
const BRACKET_TOKEN = /\\[\s\S]|[[\]]|\n[ \t]*(?=\r?\n)/g;
/** The front matter's opening line. */
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*\r?\n/;
/** Front matter keys that say the document cites with pandoc. */
const CITING_METADATA = /^(?:bibliography|references|nocite|csl)[ \t]*:/;
/** A top-level key of the front matter (a line that starts with a name and a colon). */
const TOP_LEVEL_KEY = /^[A-Za-z_][\w-]*[ \t]*:/;
/** An entry's id under `references:` (`- id: doe2020`, `  id: "doe2020"`). */
const REFERENCE_ID = /^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([^\s"'#,{}[\]]+)/;
/**
 * Cross-references, not citations: Quarto's `@fig-plot`, `@tbl-`, `@sec-`, `@eq-`, ... and
 * pandoc-crossref's `@fig:plot`, `@tbl:`, `@sec:`, `@eq:`, `@lst:`.
 */
const CROSS_REFERENCE = /^(?:(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg)-|(?:fig|tbl|sec|eq|lst):)/;
/** A link reference definition's label (`[@octocat]: https://github.com/octocat`): brackets with the same text are links. */
const LINK_DEFINITION = /^[ \t]{0,3}\[([^\]\n]{1,999})\]:/gm;
/** Brackets longer than this are never compared with the link definitions' labels. */
const MAX_LABEL_LENGTH = 999;
const EMPTY_LABELS: ReadonlySet<string> = new Set();

/** An `@key` found where pandoc would start a citation, before deciding whether it is one. */
interface AtKey {
  key: string;
  offset: number;
  braced: boolean;
  /** Inside brackets that are a citation, inside a link's text, or bare. */
  place: 'bracket' | 'link' | 'bare';
}

/** Keys cited (or, bare in a document that shows no citing, mentioned) in Markdown `text`, and keys its front matter defines. */
export function scanPandoc(text: string): KeySpan[] {
  const hasAt = text.includes('@');
  const hasBackslash = text.includes('\\');
  if (!hasAt && !hasBackslash) return [];
  const skip = markdownCodeRanges(text);
  const front = frontMatter(text);
  const latex = hasBackslash ? scanLatex(text, { percentComments: false, skip }) : [];
  const atKeys = hasAt ? findAtKeys(text, skip) : [];
  const keys = atKeys.filter((at) => at.place !== 'link' && !CROSS_REFERENCE.test(at.key));
  // A package-shaped key (`@types/node`) is no sign of citing; bare it is never a citation, in brackets only in a file that cites.
  const packageShaped = (at: AtKey): boolean => !at.braced && at.key.includes('/');
  const cites = front.cites || latex.some((span) => span.kind === 'citation') || keys.some((at) => at.place === 'bracket' && !packageShaped(at));
  const found: KeySpan[] = [...front.definitions, ...latex];
  for (const at of keys) {
    if (packageShaped(at)) {
      if (at.place === 'bracket' && cites) found.push({ key: at.key, offset: at.offset, kind: 'citation' });
    } else found.push({ key: at.key, offset: at.offset, kind: at.place === 'bracket' || cites ? 'citation' : 'mention' });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Pandoc's rule: `@` at `at` starts a citation unless a word, an address or an escape comes right before it. */
function startsCitation(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1];
  if (before === '-') return at === 1 || SUPPRESS_BEFORE.test(text[at - 2]);
  return !WORDLIKE_BEFORE.test(before);
}

/**
 * Every `@key` outside code where pandoc would start a citation, with the brackets around it: inside
 * a link's brackets (at any depth) it is link text; else the innermost pair of `[` and `]` in the same
 * paragraph makes it bracketed. One pass over the brackets and the keys together, so the work is
 * linear in the text (plus a binary search per key in the links).
 */
function findAtKeys(text: string, skip: readonly Range[]): AtKey[] {
  const keys: AtKey[] = [];
  for (const match of text.matchAll(CITATION)) {
    const at = match.index;
    if (!startsCitation(text, at) || inRanges(skip, at)) continue;
    const braced = match[1];
    if (braced !== undefined) {
      const key = braced.trim();
      if (key) keys.push({ key, offset: at + 2 + braced.indexOf(key), braced: true, place: 'bare' });
    } else keys.push({ key: match[2], offset: at + 1, braced: false, place: 'bare' });
  }
  if (keys.length === 0 || !text.includes('[')) return keys;
  const labels = linkLabels(text);
  /**
   * Open brackets, innermost last, each with the keys directly inside it and whether a pair closed
   * inside it (then it is no link label, which holds no brackets: only innermost pairs, which never
   * overlap, are compared with the labels, so that costs at most one read of the text).
   */
  const open: Array<{ start: number; keys: number[]; nested: boolean }> = [];
  let next = 0;
  const takeKeysBefore = (position: number): void => {
    for (; next < keys.length && keys[next].offset <= position; next++) open[open.length - 1]?.keys.push(next);
  };
  const links: Range[] = [];
  for (const token of text.matchAll(BRACKET_TOKEN)) {
    const position = token.index;
    const kind = token[0];
    if ((kind !== '[' && kind !== ']') || inRanges(skip, position)) {
      if (kind[0] === '\n') {
        takeKeysBefore(position);
        open.length = 0; // a blank line ends the paragraph and every bracket left open in it
      }
      continue;
    }
    takeKeysBefore(position);
    if (kind === '[') open.push({ start: position, keys: [], nested: false });
    else {
      const pair = open.pop();
      if (!pair) continue;
      if (open.length > 0) open[open.length - 1].nested = true;
      if (isLink(text, pair.start, position, pair.nested ? EMPTY_LABELS : labels)) links.push([pair.start, position]);
      else for (const key of pair.keys) keys[key].place = 'bracket';
    }
  }
  const inLinks = mergeRanges(links);
  for (const key of keys) if (inRanges(inLinks, key.offset)) key.place = 'link';
  return keys;
}

/**
 * True when the brackets from `open` to `close` are a link: its text (followed by `(url)` or `[ref]`),
 * a link definition's label (at a line's start, followed by `:`), or a shortcut reference to one of
 * the `labels` defined in the document (`[@octocat]` with `[@octocat]: https://...` below).
 */
function isLink(text: string, open: number, close: number, labels: ReadonlySet<string>): boolean {
  const after = text[close + 1];
  if (after === '(' || after === '[') return true;
  if (after === ':' && startsLine(text, open)) return true;
  return labels.size > 0 && close - open <= MAX_LABEL_LENGTH && labels.has(normalLabel(text.slice(open + 1, close)));
}

/** True when at most three spaces or tabs come before `at` on its line. */
function startsLine(text: string, at: number): boolean {
  for (let before = at - 1; before >= at - 4; before--) {
    if (before < 0 || text[before] === '\n') return true;
    if (text[before] !== ' ' && text[before] !== '\t') return false;
  }
  return false;
}

/** The labels of the document's link reference definitions, normalized. */
function linkLabels(text: string): Set<string> {
  const labels = new Set<string>();
  if (text.includes(']:')) for (const match of text.matchAll(LINK_DEFINITION)) labels.add(normalLabel(match[1]));
  return labels;
}

/** A link label as CommonMark compares them: case-insensitive, white space runs as one space. */
function normalLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The YAML front matter at the start of `text`, as far as citing goes: whether it declares citation
 * metadata, and the ids of the entries under `references:` (definitions of their keys).
 */
function frontMatter(text: string): { cites: boolean; definitions: KeySpan[] } {
  const opening = FRONT_MATTER_OPEN.exec(text);
  if (!opening) return { cites: false, definitions: [] };
  let cites = false;
  let inReferences = false;
  const definitions: KeySpan[] = [];
  for (let lineStart = opening[0].length; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) break;
    if (TOP_LEVEL_KEY.test(line)) {
      inReferences = /^references[ \t]*:/.test(line);
      if (CITING_METADATA.test(line)) cites = true;
    } else if (inReferences) {
      const id = REFERENCE_ID.exec(line);
      if (id) definitions.push({ key: id[1], offset: lineStart + id[0].length - id[1].length, kind: 'definition' });
    }
    lineStart = lineEnd + 1;
  }
  return { cites, definitions };
}

/** Offset ranges of fenced code blocks, inline code spans and HTML comments, merged. */
export function markdownCodeRanges(text: string): Range[] {
  const comments: Range[] = [];
  if (text.includes('<!--')) for (const match of text.matchAll(HTML_COMMENT)) comments.push([match.index, match.index + match[0].length]);
  return mergeRanges(text.includes('```') || text.includes('~~~') ? fencedBlocks(text) : [], text.includes('`') ? codeSpans(text) : [], comments);
}

/**
 * Inline code spans, CommonMark's way: a run of n backticks opens a span that the next run of exactly
 * n backticks in the same paragraph closes; a run with no such partner is literal. Linear: each run
 * looks up the next run of its length in a table built from the end, reset at each blank line.
 */
export function codeSpans(text: string): Range[] {
  const blankLines = [...text.matchAll(/\n[ \t]*\r?\n/g)].map((match) => match.index);
  let paragraph = 0;
  const runs = [...text.matchAll(/`+/g)].map((match) => {
    while (paragraph < blankLines.length && blankLines[paragraph] < match.index) paragraph++;
    return { start: match.index, length: match[0].length, paragraph };
  });
  const nextSameLength = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    if (i < runs.length - 1 && runs[i + 1].paragraph !== runs[i].paragraph) lastByLength.clear();
    nextSameLength[i] = lastByLength.get(runs[i].length) ?? -1;
    lastByLength.set(runs[i].length, i);
  }
  const spans: Range[] = [];
  for (let i = 0; i < runs.length; ) {
    const close = nextSameLength[i];
    if (close < 0) {
      i++;
      continue;
    }
    spans.push([runs[i].start, runs[close].start + runs[close].length]);
    i = close + 1;
  }
  return spans;
}

/**
 * Fenced code blocks, CommonMark's way: from an opening fence line to the closing fence of the same
 * kind (or the end). A backtick fence's info string holds no backtick, so "```code``` and text" at a
 * line's start is an inline code span, not a fence; a closing fence has nothing after it but spaces.
 */
export function fencedBlocks(text: string): Range[] {
  const ranges: Range[] = [];
  let open: { start: number; fence: string } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const match = FENCE.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 64)));
    if (match) {
      const fence = match[1];
      const rest = lineStart + match[0].length;
      if (!open) {
        const backtickInInfo = fence[0] === '`' && text.slice(rest, lineEnd).includes('`');
        if (!backtickInInfo) open = { start: lineStart, fence };
      } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && text.slice(rest, lineEnd).trim() === '') {
        ranges.push([open.start, lineEnd]);
        open = undefined;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (open) ranges.push([open.start, text.length]);
  return ranges;
}
