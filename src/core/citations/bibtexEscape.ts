import { unpairedDollarIndex } from './latexText';

/**
 * Escaping for BibTeX field values: titles keep the LaTeX they already hold, plain text is escaped
 * whole. Both always give balanced braces, which BibTeX needs to read a `{...}` value at all.
 */

/**
 * A title's LaTeX made safe inside a braced BibTeX value: `&`, `%` and `#` are escaped unless they
 * already are (`93\%` stays), `_` and `^` outside math too (`$x_1$` stays), an unpaired `$` becomes
 * `\$`, a trailing lone backslash becomes `\textbackslash{}`, and braces that close nothing or are
 * never closed are dropped (BibTeX counts `\{` and `\}` as braces too). Commands (`\cdot`, `{\alpha}`)
 * and math are kept as they are.
 */
export function escapeBibtexTitle(raw: string): string {
  const unpairedDollar = unpairedDollarIndex(raw);
  const dropped = unbalancedBraces(raw);
  let out = '';
  let math = false;
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index];
    if (char === '\\') {
      const next = raw[index + 1];
      if (next === undefined) {
        out += '\\textbackslash{}';
      } else if ((next === '{' || next === '}') && dropped.has(index + 1)) {
        out += next === '{' ? '\\textbraceleft{}' : '\\textbraceright{}';
        index++;
      } else {
        out += char + next;
        index++;
      }
    } else if (char === '$') {
      if (index === unpairedDollar) out += '\\$';
      else {
        math = !math;
        out += char;
      }
    } else if ((char === '{' || char === '}') && dropped.has(index)) {
      // a stray brace: dropped
    } else if (char === '&' || char === '%' || char === '#' || (!math && char === '_')) {
      out += '\\' + char;
    } else if (!math && char === '^') {
      out += '\\textasciicircum{}';
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Plain text (an organisation, a topic name) made safe inside a braced BibTeX value: every character
 * that BibTeX or LaTeX treats specially is escaped, so the text prints as it reads.
 */
export function escapeBibtexLiteral(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (char) => LITERAL_ESCAPES[char]);
}

const LITERAL_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', $: '\\$', '&': '\\&',
  '%': '\\%', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** Indexes of the brace characters (escaped or not, as BibTeX counts them) that have no partner. */
function unbalancedBraces(raw: string): Set<number> {
  const open: number[] = [];
  const unmatched = new Set<number>();
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] === '{') open.push(index);
    else if (raw[index] === '}') {
      if (open.length > 0) open.pop();
      else unmatched.add(index);
    }
  }
  for (const index of open) unmatched.add(index);
  return unmatched;
}
