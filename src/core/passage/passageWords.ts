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

/** A word of the passage, where it stands in the document, and its place among the passage's sentences and phrases. */
export interface PassageWord {
  word: string;
  offset: number;
  /** Which sentence of the passage holds it (0, 1, ... in order). */
  sentence: number;
  /** Whether it follows the previous word directly (only spaces between), so the two may form a phrase ("attention heads"). */
  joined: boolean;
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

/**
 * Words that never say what a passage is about: those a writer uses around citations, and English
 * function words and fillers (pronouns, determiners, auxiliaries, connectives, hedges and intensifiers)
 * that the search's own stopwords leave in. A rare one ("whose") would otherwise weigh like a rare term.
 */
const PASSAGE_STOPWORDS: ReadonlySet<string> = new Set(
  ('cite cites cited citation citations ref refs see also cf eg ie etc al et todo fixme xxx note notes nb section sec ' +
    'figure fig table tab equation eq appendix above below following follows like similar here prior work works recent ' +
    'recently approach approaches idea ideas paper papers implement implements implementation implemented code function ' +
    'class method returns return args arg param params true false none null self this that der die ' +
    'whose whoever whomever whatever whichever wherever whenever hence thereby whereby whereas although though since unless ' +
    'onto toward towards beside besides per either neither every another else ever never always already still even instead ' +
    'rather quite really almost nearly barely hardly merely simply mostly mainly largely fairly pretty somewhat slightly ' +
    'much many lot lots bit thing things stuff something anything everything nothing someone anyone maybe perhaps probably ' +
    'possibly actually basically obviously clearly certainly indeed anyway though okay ok yes etc ' +
    'get gets got getting make makes made making want wants wanted need needs needed try tries tried trying think thought ' +
    'know known seem seems seemed look looks looked hurt hurts hurting help helps helped let lets put puts say says said ' +
    'goes going went come comes came give gives gave take takes took way ways thus able unable whole kind sort').split(' '),
);

/** Where a sentence ends: its punctuation before white space, or a blank line. */
const SENTENCE_END = /[.!?](?=\s)|\n[ \t]*\n/g;

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
  let sentence = 0;
  let passed = 0;
  for (const piece of passage.pieces) {
    const lines = passage.textKind === 'code' ? piece.text.replace(/[^\n]+/g, (line) => (isCodeLine(line) ? ' '.repeat(line.length) : line)) : piece.text;
    const clean = blank(lines, rules);
    const ends = [...clean.matchAll(SENTENCE_END)].map((end) => end.index);
    let end = 0;
    let previousEnd = -1;
    for (const match of clean.matchAll(/[\p{L}\p{N}]+/gu)) {
      const word = match[0];
      while (end < ends.length && ends[end] < match.index) end++;
      sentence += end - passed;
      passed = end;
      const joined = previousEnd >= 0 && /^[ \t]+$/.test(clean.slice(previousEnd, match.index));
      previousEnd = match.index + word.length;
      if (word.length < 2 || /^\d+$/.test(word) || PASSAGE_STOPWORDS.has(word.toLowerCase())) {
        previousEnd = -1;
        continue;
      }
      words.push({ word, offset: piece.offset + match.index, sentence, joined });
    }
    // A new piece (the next comment of a block) starts a new sentence only where its text says so.
    passed = 0;
  }
  return words;
}
