/**
 * The words of a passage that say what it is about. Noise is blanked out first, keeping every offset:
 * code (fences, inline code, code-looking comment lines, calls and dotted names), markup (link
 * targets, HTML tags, images), math (`$...$`, `\[...\]`, equation environments), LaTeX command names
 * and the arguments that are not prose (labels, references, URLs), existing citations of every
 * syntax, URLs and e-mail addresses. What is left is split into words as the search engine splits them.
 */
import { escapeRegExp } from '../regex';
import type { TextKind } from '../languages';
import type { Passage } from './extractPassage';

/** A word of the passage and where it stands in the document. */
export interface PassageWord {
  word: string;
  offset: number;
}

/** Rules that apply to every kind of text. */
const COMMON: readonly RegExp[] = [
  /<!--[\s\S]*?-->/g,
  /\b(?:https?|ftp):\/\/[^\s)>\]}]+/g,
  /\bwww\.[^\s)>\]}]+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\$\$[\s\S]*?\$\$/g,
  /\$[^$\n]+\$/g,
  /\\\([\s\S]*?\\\)/g,
  /\\\[[\s\S]*?\\\]/g,
  /\\begin\{(equation|align|gather|multline|eqnarray|math|displaymath|flalign|alignat|tikzpicture|lstlisting|verbatim|minted)\*?\}[\s\S]*?\\end\{\1\*?\}/g,
  // Citation commands with all their argument groups, then commands whose first argument is not prose.
  /\\[A-Za-z]*[Cc]ite[A-Za-z]*\*?(?:\s*(?:\[[^\]]*\]|\([^)]*\)|\{[^{}]*\}))*/g,
  /\\(?:[A-Za-z]*ref|label|url|href|includegraphics|input|include|bibliography[A-Za-z]*|begin|end|usepackage|documentclass|(?:re)?newcommand|[hv]space|bibitem)\*?(?:\s*\[[^\]]*\])*\s*(?:\{[^{}]*\})?/g,
];

const LATEX: readonly RegExp[] = [/(?<!\\)%.*$/gm, /\\[A-Za-z@]+\*?/g, /\\./g];

const MARKDOWN: readonly RegExp[] = [
  /^\s*(```|~~~)[\s\S]*?^\s*\1/gm,
  /(`+)[^`]*?\1/g,
  /!\[[^\]]*\]\([^)]*\)/g,
  /\]\([^)]*\)/g,
  /\]\[[^\]]*\]/g,
  /\[\^[^\]]*\]/g,
  /<\/?[A-Za-z][^>]*>/g,
  /\[[^[\]]*@[^[\]]*\]/g,
  /(?<![\p{L}\p{N}_])-?@(?:\{[^}]*\}|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu,
];

const CODE: readonly RegExp[] = [
  /^\s*>>>.*$/gm,
  /(`+)[^`]*?\1/g,
  /\[[^[\]]*@[^[\]]*\]/g,
  /(?:^|\s):(?:param|type|returns?|rtype|raises?)\b[^:\n]*:/gm,
  /@(?:param|arg|argument|prop|property|throws|exception)\s+(?:\{[^}]*\}\s*)?[\w$.[\]]+/g,
  /@[A-Za-z]+\b(?:\s+\{[^}]*\})?/g,
  /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\([^)\n]*\))?/g,
  /[A-Za-z_$][\w$]*\([^)\n]*\)/g,
  /[A-Za-z_$][\w$]*\s*(?:[-+*/]?=|<-)\s*[^\s,;]+/g,
];

/** Words a writer uses around citations that say nothing about the topic. */
const PASSAGE_STOPWORDS: ReadonlySet<string> = new Set(
  ('cite cites cited citation citations ref refs see also cf eg ie etc al et todo fixme xxx note notes nb section sec ' +
    'figure fig table tab equation eq appendix above below following follows like similar here prior work works recent ' +
    'recently approach approaches idea ideas paper papers implement implements implementation implemented code function ' +
    'class method returns return args arg param params true false none null self this that der die').split(' '),
);

const RULES: Readonly<Record<TextKind, readonly RegExp[]>> = {
  latex: [...COMMON, ...LATEX],
  markdown: [...MARKDOWN, ...COMMON],
  code: [...CODE, ...COMMON],
  prose: [...MARKDOWN, ...COMMON],
  bibtex: COMMON,
};

/**
 * A comment line that is code rather than prose: fewer than seven words, and an assignment,
 * statement end, brace or index with one more symbol, or four and more parentheses.
 */
function isCodeLine(line: string): boolean {
  const strong = line.match(/[=;{}[\]]/g)?.length ?? 0;
  const weak = line.match(/[()]/g)?.length ?? 0;
  const words = line.match(/[A-Za-z]{3,}/g)?.length ?? 0;
  return words < 7 && ((strong >= 1 && strong + weak >= 2) || weak >= 4);
}

/** `text` with every match of `patterns` replaced by spaces, so offsets stay where they were. */
function blank(text: string, patterns: readonly RegExp[]): string {
  let result = text;
  for (const pattern of patterns) result = result.replace(pattern, (match) => match.replace(/[^\n]/g, ' '));
  return result;
}

/** The passage's topical words in order, with their offsets in the document. */
export function passageWords(passage: Passage, commentTrigger = '@cite:'): PassageWord[] {
  const trigger = commentTrigger.trim();
  const triggerRule = trigger ? [new RegExp(`${escapeRegExp(trigger)}\\S*`, 'g')] : [];
  const rules = [...triggerRule, ...RULES[passage.textKind]];
  const words: PassageWord[] = [];
  for (const piece of passage.pieces) {
    const lines = passage.textKind === 'code' ? piece.text.replace(/[^\n]+/g, (line) => (isCodeLine(line) ? ' '.repeat(line.length) : line)) : piece.text;
    const clean = blank(lines, rules);
    for (const match of clean.matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = match[0];
      if (word.length < 2 || /^\d+$/.test(word) || PASSAGE_STOPWORDS.has(word.toLowerCase())) continue;
      words.push({ word, offset: piece.offset + match.index });
    }
  }
  return words;
}
