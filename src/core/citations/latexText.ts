/**
 * Turns the LaTeX that paper titles and abstracts carry (`S$^{2}$FT`, `HyperZ$\cdot$Z$\cdot$W`, `93\%`,
 * `{\alpha}`) into readable Unicode text, and folds text to lowercase ASCII for citation keys.
 *
 * One pass over the text with an explicit stack, so nesting of any depth costs no call stack and time
 * stays linear: only the innermost `MAX_TRANSFORMS` super/subscript and accent groups are transformed,
 * deeper ones are read as plain groups.
 */
import { ACCENTS, ASCII_SPELLINGS, FORMATTING, SUBSCRIPTS, SUPERSCRIPTS, SYMBOLS, WORD_SYMBOLS } from './latexTables';
import { withoutBidiControls } from './displayText';

/** How many transforming groups (scripts, accents, fractions) may be open at once. */
const MAX_TRANSFORMS = 32;

/** An open group whose text is transformed when it closes. */
interface Frame {
  kind: 'group' | 'sup' | 'sub' | 'accent' | 'numerator';
  /** The text read inside the group so far. */
  text: string;
  /** Whether math mode was on when the group opened (restored when it closes). */
  math: boolean;
  /** The combining mark of an accent group. */
  mark?: string;
}

/**
 * LaTeX rendered as readable Unicode text, for Markdown, plain-text references and the UI:
 * `S$^{2}$FT` becomes `S²FT`, `$\cdot$` becomes `·`, `93\%` becomes `93%`, `{\alpha}` becomes `α`,
 * `--` becomes `–`, `\textbf{x}` becomes `x`; an unknown command is shown as written (`\input`);
 * stray braces and unpaired `$` are dropped, white space collapsed. Never throws.
 */
export function readableTitle(raw: string): string {
  try {
    // Most titles hold no LaTeX at all: nothing to render.
    const plain = !/[\\${}^_~`']|--|https?:\/\//.test(raw);
    return (plain ? raw : render(raw)).normalize('NFC').replace(/\s+/g, ' ').trim();
  } catch {
    // Unreachable by design; should it happen, one bad title must not cost the others their rendering.
    return raw.replace(/\s+/g, ' ').trim();
  }
}

function render(raw: string): string {
  const literalDollar = unpairedDollarIndex(raw);
  const stack: Frame[] = [{ kind: 'group', text: '', math: false }];
  let transforms = 0;
  let math = false;
  const top = (): Frame => stack[stack.length - 1];
  const emit = (text: string): void => {
    top().text += text;
  };
  /** Opens a group as `kind`, or as a plain group when too many transforming groups are open. */
  const open = (kind: Frame['kind'], mark?: string): void => {
    const transforming = kind !== 'group' && transforms < MAX_TRANSFORMS;
    if (transforming) transforms++;
    stack.push({ kind: transforming ? kind : 'group', text: '', math, mark });
  };
  const close = (): void => {
    const frame = stack.pop()!;
    if (frame.kind !== 'group') transforms--;
    math = frame.math;
    emit(transform(frame));
  };
  let index = 0;
  while (index < raw.length) {
    const char = raw[index];
    if (char === '\\') {
      const command = readCommand(raw, index, math);
      index = command.end;
      if (command.opens && raw[index] === '{') {
        open(command.opens, command.mark);
        index++;
      } else if (command.opens === 'accent') {
        // `\"o`, or an accent on a command: `\"\i`.
        const base = raw[index] === '\\' ? readCommand(raw, index, math) : { text: raw[index] ?? '', end: Math.min(index + 1, raw.length) };
        emit(base.text.length > 0 ? base.text[0] + (command.mark ?? '') + base.text.slice(1) : '');
        index = base.end;
      } else {
        emit(command.text);
      }
    } else if (char === '$' && index !== literalDollar) {
      math = !math;
      index++;
    } else if ((char === '^' || char === '_') && (math || raw[index + 1] === '{')) {
      const kind = char === '^' ? 'sup' : 'sub';
      if (raw[index + 1] === '{') {
        open(kind);
        math = true;
        index += 2;
      } else if (raw[index + 1] === '\\') {
        const command = readCommand(raw, index + 1, true);
        emit(script(command.text, kind));
        index = command.end;
      } else {
        emit(script(raw[index + 1] ?? '', kind));
        index += 2;
      }
    } else if (char === '{') {
      open('group');
      index++;
    } else if (char === '}') {
      if (stack.length > 1) close();
      index++;
    } else if (char === 'h' && /^https?:\/\//.test(raw.slice(index, index + 8))) {
      // A URL reads as written: no dashes, ties or scripts inside it.
      const url = /^[^\s{}]+/.exec(raw.slice(index, index + 2048))![0];
      emit(url);
      index += url.length;
    } else {
      const typographic = math ? null : typography(raw, index);
      emit(typographic?.text ?? char);
      index += typographic?.length ?? 1;
    }
  }
  while (stack.length > 1) close();
  return stack[0].text;
}

/** A group's text as it reads once the group closes. */
function transform(frame: Frame): string {
  switch (frame.kind) {
    case 'sup':
    case 'sub':
      return script(frame.text, frame.kind);
    case 'accent':
      return frame.text.length > 0 ? frame.text[0] + (frame.mark ?? '') + frame.text.slice(1) : '';
    case 'numerator':
      return `${frame.text}/`;
    default:
      return frame.text;
  }
}

/** Text mode's dashes, quotes and ties: `---`, `--`, ``` `` ```, `''`, and `~` between words. */
function typography(raw: string, index: number): { text: string; length: number } | null {
  const char = raw[index];
  if (char === '-' && raw[index + 1] === '-') return raw[index + 2] === '-' ? { text: '—', length: 3 } : { text: '–', length: 2 };
  if ((char === '`' || char === "'") && raw[index + 1] === char) return { text: char === '`' ? '“' : '”', length: 2 };
  // A tie (`Part~I`) is a space; `~7B` after a space means "about" and stays.
  if (char === '~' && index > 0 && /\S/.test(raw[index - 1]) && /\S/.test(raw[index + 1] ?? '')) return { text: ' ', length: 1 };
  return null;
}

/** What a command at `start` (a backslash) reads as, where it ends, and the group it opens, if any. */
function readCommand(raw: string, start: number, math: boolean): { text: string; end: number; opens?: Frame['kind']; mark?: string } {
  const next = raw[start + 1];
  if (next === undefined) return { text: '\\', end: start + 1 };
  if (!/[a-zA-Z]/.test(next)) {
    const mark = ACCENTS.get(next);
    if (mark !== undefined) return { text: '', end: start + 2, opens: 'accent', mark };
    // `\%`, `\&`, `\_`, `\#`, `\$`, `\{`, `\}`; `\,` `\;` `\ ` are spaces; `\\` a line break.
    if (next === '\\' || /[,;: !]/.test(next)) return { text: ' ', end: start + 2 };
    if (next === '-' || next === '/') return { text: '', end: start + 2 }; // soft hyphen, italic correction
    return { text: next, end: start + 2 };
  }
  const name = /^[a-zA-Z]+/.exec(raw.slice(start + 1, start + 41))![0];
  let end = start + 1 + name.length;
  const mark = name.length === 1 ? ACCENTS.get(name) : undefined;
  if (mark !== undefined) {
    while (raw[end] === ' ') end++;
    return { text: '', end, opens: 'accent', mark };
  }
  const symbol = SYMBOLS.get(name);
  if (symbol !== undefined) {
    if (raw.startsWith('{}', end)) end += 2;
    // The space that only ends a letter's name (`\ss e`); after a word (`\log n`) or an operator (`4\times faster`) it stays.
    else if (!math && raw[end] === ' ' && !WORD_SYMBOLS.has(name) && /\p{L}/u.test(symbol)) end += 1;
    return { text: symbol, end };
  }
  if (name === 'frac' || name === 'tfrac' || name === 'dfrac') return { text: '', end, opens: 'numerator' };
  if (name === 'textsuperscript') return { text: '', end, opens: 'sup' };
  if (name === 'textsubscript') return { text: '', end, opens: 'sub' };
  if (FORMATTING.has(name)) {
    while (raw[end] === ' ') end++;
    return { text: '', end };
  }
  return { text: `\\${name}`, end };
}

/** Text as super- or subscript characters when every character has one, else marked with `^`/`_`. */
function script(text: string, kind: 'sup' | 'sub'): string {
  const table = kind === 'sup' ? SUPERSCRIPTS : SUBSCRIPTS;
  const chars = [...text];
  if (chars.length > 0 && chars.every((char) => table.has(char))) return chars.map((char) => table.get(char)).join('');
  const marker = kind === 'sup' ? '^' : '_';
  return chars.length <= 1 ? marker + text : `${marker}(${text})`;
}

/**
 * Corpus text as a reader should see it (titles and abstracts in the tree, quick pick, panel and
 * hover): LaTeX rendered as `readableTitle` does, after repairing what the Daily Papers site leaves of
 * it: `x^{2}` outside math (`S^{2}FT` reads `S²FT`), `4times` and `{times}` (`4×`), Greek letters and
 * `mathcal` without their backslash before a script or bracket (`Omega(T^{2/3})` reads `Ω(T^(2/3))`),
 * `sim30B` (`~30B`), the mangled dash entities `x2013`/`x2014` between letters, and a URL repeated in
 * braces right after itself (`https://x{https://x}`), and without bidirectional controls, which would
 * reorder it (`withoutBidiControls`). The corpus keeps the raw text; this is for display.
 */
export function readableText(raw: string): string {
  return withoutBidiControls(readableTitle(repairSiteDebris(raw)));
}

/** An abstract as a reader should see it: see `readableText`. */
export function readableAbstract(raw: string): string {
  return readableText(raw);
}

const GREEK = 'alpha|beta|gamma|delta|epsilon|varepsilon|eta|theta|kappa|lambda|mu|sigma|tau|phi|varphi|psi|omega|Gamma|Delta|Theta|Lambda|Sigma|Phi|Psi|Omega';
const BARE_GREEK = new RegExp(`(?<![A-Za-z\\\\])(${GREEK})(?=[\\^_({])`, 'g');
const BARE_FORMATTING = /(?<![A-Za-z\\])(?:mathcal|mathbb|mathrm|mathbf|textbf|textit|emph|operatorname)(?=\{)/g;

/** Undoes what the site's HTML-to-text step did to LaTeX and entities (see `readableText`). Linear. */
function repairSiteDebris(raw: string): string {
  return raw
    .replace(/\{(https?:\/\/[^\s{}]{1,2048})\}/g, (match: string, url: string, offset: number) => (raw.slice(Math.max(0, offset - url.length), offset) === url ? '' : match))
    .replace(/(?<=\p{L})x(2013|2014|2019)(?=\p{L})/gu, (_match, code: string) => (code === '2013' ? '–' : code === '2014' ? '—' : '’'))
    .replace(/(?<=\d)times(?![a-z])|\{times\}/g, '\\times{}')
    .replace(/(?<![A-Za-z\\])sim(?=\d)/g, '~')
    .replace(BARE_GREEK, '\\$1{}')
    .replace(BARE_FORMATTING, '');
}

/**
 * Text folded to lowercase ASCII letters and digits (diacritics removed, `²` read as `2`, Greek
 * letters spelled out), with every other character dropped. Used to build citation keys.
 */
export function asciiFold(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKD').toLowerCase()) {
    const code = char.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) out += char;
    else if (code > 127) out += ASCII_SPELLINGS.get(char) ?? '';
  }
  return out;
}

/**
 * The index of the `$` that has no partner (the last unescaped one when their number is odd), or -1.
 * LaTeX would read it as opening math that never ends; titles mean a dollar sign.
 */
export function unpairedDollarIndex(raw: string): number {
  let count = 0;
  let last = -1;
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] === '\\') index++;
    else if (raw[index] === '$') {
      count++;
      last = index;
    }
  }
  return count % 2 === 1 ? last : -1;
}
