import { oneLine } from './comment';
import { ACCENTS, FORMATTING, SYMBOLS } from './latexTables';
import { unpairedDollarIndex } from './latexText';

/**
 * Escaping for BibTeX field values: titles keep the LaTeX that only formats text, plain text is
 * escaped whole. Both always give braces balanced the same way for BibTeX (which counts every brace)
 * and for LaTeX-aware parsers (which skip `\{` and `\}`).
 */

/** Delimiter commands (`\left(`): kept only as text, since a missing delimiter breaks the entry. */
const DELIMITER_COMMANDS: ReadonlySet<string> = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr']);

/** Commands that format one braced argument: kept only when that argument follows. */
const ARGUMENT_COMMANDS: ReadonlySet<string> = new Set([
  'textbf', 'textit', 'textsl', 'emph', 'texttt', 'textsc', 'textrm', 'textsf', 'textup', 'textmd', 'textnormal',
  'text', 'mbox', 'hbox', 'underline', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb',
  'mathfrak', 'mathscr', 'boldsymbol', 'bm', 'operatorname', 'ensuremath', 'hat', 'tilde', 'bar', 'vec', 'dot',
  'ddot', 'widehat', 'widetilde', 'overline', 'mathring', 'nolinkurl', 'frac', 'tfrac', 'dfrac',
  'textsuperscript', 'textsubscript', 'sqrt',
]);

/** Commands that exist only in math mode: outside `$...$` they are shown as text. */
const MATH_ONLY: ReadonlySet<string> = new Set([
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'boldsymbol', 'bm',
  'operatorname', 'frac', 'tfrac', 'dfrac', 'sqrt', 'hat', 'bar', 'vec', 'dot', 'ddot', 'widehat', 'widetilde', 'mathring',
]);

/** Letter commands a title may keep: symbols, accents, text formatting and the math that renders. */
const SAFE_COMMANDS: ReadonlySet<string> = new Set([
  ...SYMBOLS.keys(), ...[...FORMATTING].filter((name) => !DELIMITER_COMMANDS.has(name)), ...ARGUMENT_COMMANDS,
  ...[...ACCENTS.keys()].filter((name) => /^[a-z]$/i.test(name)), 'cdots', 'ldots', 'vdots', 'neg',
]);

/** Non-letter commands a title may keep: escaped specials and accents. */
const SAFE_SYMBOL_COMMANDS = new Set(['%', '&', '#', '_', '$', '"', "'", '`', '^', '~', '=', '.']);

/** Spacing and line-break commands, written as what they leave: a space, or nothing (`\-`, `\/`, `\@`). */
const SPACING_COMMANDS: ReadonlyMap<string, string> = new Map([['\\', ' '], [' ', ' '], [',', ' '], [';', ' '], [':', ' '], ['!', ''], ['-', ''], ['/', ''], ['@', '']]);

/** One piece of a title: a command, a brace, a `$`, or any other character. */
type Token = { kind: 'command'; name: string } | { kind: 'open' | 'close' | 'dollar' } | { kind: 'char'; char: string };

/**
 * A title's LaTeX made safe inside a braced BibTeX value. Kept: commands for symbols, accents, text
 * formatting and math (`\cdot`, `\"o`, `\textbf`, `\mathcal`), escapes already there (`93\%`), and math
 * (`$x_1$`). Escaped: every other command (`\input`, `\write18`, `\def`, `\csname`, an unknown one)
 * shows as `\textbackslash{}name`; `&`, `%`, `#` unless escaped; `_` and `^` outside math; an unpaired
 * `$`; escaped braces `\{` `\}` as `\textbraceleft{}` `\textbraceright{}` (`\lbrace` `\rbrace` in math).
 * Dropped: braces that close nothing or are never closed, TeX's `^^` notation, line breaks and control
 * characters. Math never runs across a group's end. Linear in the title's length.
 */
export function escapeBibtexTitle(raw: string): string {
  const text = oneLine(raw);
  const tokens = tokenize(text);
  const unmatched = unmatchedBraces(tokens);
  const out = new EscapedOutput();
  let depth = 0;
  let math: { depth: number } | null = null;
  /** Set when math was closed at a group's end: the `$` that meant to close it is then a dollar sign. */
  let orphanDollar = false;
  tokens.forEach((token, index) => {
    switch (token.kind) {
      case 'open':
        if (unmatched.has(index)) return;
        depth++;
        out.append('{');
        return;
      case 'close':
        if (unmatched.has(index)) return;
        if (math && math.depth >= depth) {
          out.trimEnd();
          out.append('$');
          math = null;
          orphanDollar = true;
        }
        depth--;
        out.append('}');
        return;
      case 'dollar':
        if (!math && orphanDollar) {
          orphanDollar = false;
          out.append('\\$');
        } else if (!math) {
          math = { depth };
          out.append('$');
        } else if (math.depth === depth) {
          // Space before a closing `$` means nothing in math, and parsers differ on keeping it.
          math = null;
          out.trimEnd();
          out.append('$');
        }
        // A `$` inside a group opened in math would end math inside the group: it is dropped.
        return;
      case 'command':
        out.append(hasArgument(tokens, index, unmatched) && (math !== null || !MATH_ONLY.has(token.name)) ? command(token.name, math !== null) : literalCommand(token.name, math !== null));
        return;
      case 'char':
        if (math && token.char === ' ') return; // space means nothing in math, and parsers differ on keeping it
        // A letter right after a command name would become part of it (`\in}put` must not read `\input`).
        if (isAsciiLetter(token.char.charCodeAt(0)) && out.endsInCommandName()) out.append('{}');
        out.append(character(token.char, math !== null, out.lastChar()));
    }
  });
  if (math) {
    out.trimEnd();
    out.append('$');
  }
  return out.text().replace(/ {2,}/g, ' ').trim();
}

/** Where the output stands at the end of a piece: after a command name (`\textbf`), a lone backslash, or anything else. */
type Tail = 'command' | 'backslash' | 'other';

/**
 * The escaped title as it grows, in pieces joined once at the end. It answers the questions the
 * escaping asks of what came before (does it end in a command name, what is its last character, drop
 * its trailing spaces) from what it keeps about its end, so each costs the same however long the
 * title: re-reading the growing text for every letter made escaping quadratic.
 */
class EscapedOutput {
  private readonly pieces: string[] = [];
  /** How the output ends after each piece. */
  private readonly tails: Tail[] = [];

  append(piece: string): void {
    if (piece === '') return;
    this.pieces.push(piece);
    this.tails.push(tailAfter(this.tail(), piece));
  }

  /** Drops white space at the end (whole pieces, then the end of the last one). */
  trimEnd(): void {
    while (this.pieces.length > 0) {
      const last = this.pieces[this.pieces.length - 1];
      const trimmed = last.trimEnd();
      if (trimmed === last) return;
      this.pieces.pop();
      this.tails.pop();
      if (trimmed !== '') {
        this.append(trimmed);
        return;
      }
    }
  }

  /** True when the output ends in a backslash and letters, so a letter appended would extend that command's name. */
  endsInCommandName(): boolean {
    return this.tail() === 'command';
  }

  /** The last character, or '' when there is none. */
  lastChar(): string {
    const last = this.pieces[this.pieces.length - 1];
    return last === undefined ? '' : last[last.length - 1];
  }

  text(): string {
    return this.pieces.join('');
  }

  private tail(): Tail {
    return this.tails[this.tails.length - 1] ?? 'other';
  }
}

/** How the output ends after `piece` is appended to an output ending as `before`: read from the piece's end. */
function tailAfter(before: Tail, piece: string): Tail {
  let at = piece.length - 1;
  while (at >= 0 && isAsciiLetter(piece.charCodeAt(at))) at--;
  if (at < 0) return before === 'other' ? 'other' : 'command'; // letters only: they extend what came before
  if (piece[at] !== '\\') return 'other';
  return at === piece.length - 1 ? 'backslash' : 'command';
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Splits a title into commands, braces, `$` signs and characters; the unpaired `$` becomes a character. */
function tokenize(text: string): Token[] {
  const literalDollar = unpairedDollarIndex(text);
  const tokens: Token[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      const name = /^[a-zA-Z]+/.exec(text.slice(index + 1, index + 65))?.[0] ?? text[index + 1] ?? '';
      tokens.push({ kind: 'command', name });
      index += name.length;
    } else if (char === '{' || char === '}') tokens.push({ kind: char === '{' ? 'open' : 'close' });
    else if (char === '$' && index !== literalDollar) tokens.push({ kind: 'dollar' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** Indexes of brace tokens that have no partner. */
function unmatchedBraces(tokens: readonly Token[]): Set<number> {
  const open: number[] = [];
  const unmatched = new Set<number>();
  tokens.forEach((token, index) => {
    if (token.kind === 'open') open.push(index);
    else if (token.kind === 'close' && open.pop() === undefined) unmatched.add(index);
  });
  for (const index of open) unmatched.add(index);
  return unmatched;
}

/**
 * Whether the command at `index` has what it needs after it: a braced argument for a formatting
 * command, a letter (or a group, or `\i`) for an accent. Other commands need nothing.
 */
function hasArgument(tokens: readonly Token[], index: number, unmatched: ReadonlySet<number>): boolean {
  const name = (tokens[index] as { name: string }).name;
  const accent = ACCENTS.has(name);
  if (!accent && !ARGUMENT_COMMANDS.has(name)) return true;
  let next = index + 1;
  if (/^[a-zA-Z]/.test(name)) while (tokens[next]?.kind === 'char' && (tokens[next] as { char: string }).char === ' ') next++;
  const grouped = tokens[next]?.kind === 'open';
  if (grouped && unmatched.has(next)) return false;
  if (!accent) return grouped;
  // An accent takes one letter (or `\i`, `\j`), alone or alone in a group: `\"o`, `\"{o}`, `\'{\i}`.
  const token = tokens[grouped ? next + 1 : next];
  const letter = (token?.kind === 'char' && /\p{L}/u.test(token.char)) || (token?.kind === 'command' && (token.name === 'i' || token.name === 'j'));
  return letter && (!grouped || tokens[next + 2]?.kind === 'close');
}

/** A command as written when it is safe, else shown literally. */
function command(name: string, math: boolean): string {
  if (name === '') return math ? '\\backslash{}' : '\\textbackslash{}';
  if (name === '{' || name === '}') return math ? (name === '{' ? '\\lbrace{}' : '\\rbrace{}') : (name === '{' ? '\\textbraceleft{}' : '\\textbraceright{}');
  const spacing = SPACING_COMMANDS.get(name);
  if (spacing !== undefined) return math ? '' : spacing;
  if (math && ACCENTS.has(name)) return literalCommand(name, math); // text accents do not work in math
  if (/^[a-zA-Z]/.test(name) ? SAFE_COMMANDS.has(name) : SAFE_SYMBOL_COMMANDS.has(name)) return `\\${name}`;
  return literalCommand(name, math);
}

/** A command shown as its text: a backslash, then the name. */
function literalCommand(name: string, math: boolean): string {
  const shown = /^[a-zA-Z]/.test(name) ? name : character(name, math, '');
  return (math ? '\\backslash{}' : '\\textbackslash{}') + shown;
}

/** A plain character, escaped when BibTeX or LaTeX would read it as syntax (`before` is the character written last). */
function character(char: string, math: boolean, before: string): string {
  if (char === '&' || char === '%' || char === '#' || char === '$') return `\\${char}`;
  if (!math && char === '_') return '\\_';
  if (char === '^') {
    if (!math) return '\\textasciicircum{}';
    // TeX reads `^^` followed by characters as another character (`^^5c` is a backslash).
    return before === '^' ? '' : '^';
  }
  return char;
}

/**
 * Plain text (an organisation, a topic name) made safe inside a braced BibTeX value: every character
 * that BibTeX or LaTeX treats specially is escaped, so the text prints as it reads.
 */
export function escapeBibtexLiteral(text: string): string {
  return oneLine(text).replace(/[\\{}$&%#_~^]/g, (char) => LITERAL_ESCAPES.get(char)!);
}

const LITERAL_ESCAPES: ReadonlyMap<string, string> = new Map(Object.entries({
  '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', $: '\\$', '&': '\\&',
  '%': '\\%', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
}));
