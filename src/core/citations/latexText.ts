/**
 * Turns the LaTeX fragments that paper titles carry (`S$^{2}$FT`, `HyperZ$\cdot$Z$\cdot$W`, `93\%`,
 * `{\alpha}`) into readable Unicode text, and folds text to lowercase ASCII for citation keys.
 */

/** LaTeX commands that stand for one character, in or out of math mode. */
const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ',
  Omega: 'Ω', cdot: '·', times: '×', div: '÷', pm: '±', mp: '∓', circ: '∘', ast: '∗', star: '⋆',
  infty: '∞', approx: '≈', sim: '∼', neq: '≠', ne: '≠', leq: '≤', le: '≤', geq: '≥', ge: '≥',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', in: '∈',
  partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', ell: 'ℓ', dots: '…',
  ldots: '…', cdots: '⋯', prime: '′', S: '§', P: '¶', dag: '†', ddag: '‡', copyright: '©',
  textregistered: '®', texttrademark: '™', textendash: '–', textemdash: '—', textasciitilde: '~',
  textbackslash: '\\', textasciicircum: '^', textunderscore: '_', textbar: '|', textless: '<',
  textgreater: '>', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', o: 'ø', O: 'Ø', l: 'ł', L: 'Ł',
  aa: 'å', AA: 'Å', i: 'ı', quad: ' ', qquad: ' ', LaTeX: 'LaTeX', TeX: 'TeX',
};

/** Math operators written as their name (`\\log n` reads `log n`). */
const OPERATORS: ReadonlySet<string> = new Set(['log', 'ln', 'exp', 'max', 'min', 'sup', 'inf', 'lim', 'arg', 'sin', 'cos', 'tan', 'det', 'dim']);

/** Accent commands (`\"o`, `\'{e}`) and the combining mark each adds. */
const ACCENTS: Readonly<Record<string, string>> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ', k: 'ᵏ', '*': '*',
};

const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ',
  o: 'ₒ', t: 'ₜ', x: 'ₓ',
};

/** Letters without an ASCII decomposition, spelled out for citation keys. */
const ASCII_SPELLINGS: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma',
  τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', ß: 'ss', æ: 'ae', œ: 'oe',
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/**
 * A title's LaTeX rendered as readable Unicode text, for Markdown, plain-text references and the UI:
 * `S$^{2}$FT` becomes `S²FT`, `$\cdot$` becomes `·`, `93\%` becomes `93%`, `{\alpha}` becomes `α`,
 * `--` becomes `–`; stray braces and `$` signs are dropped and white space is collapsed.
 */
export function readableTitle(raw: string): string {
  return render(raw, 0);
}

/**
 * Groups nested deeper than this (`x^{x^{...}}`, `\"{\"{...}}`) are kept as plain text: recursion over
 * a title stays shallow, so a hostile one can neither overflow the stack nor take quadratic time.
 */
const MAX_NESTING = 8;

function render(raw: string, depth: number): string {
  if (depth > MAX_NESTING) return raw.replace(/[\\{}$^_]/g, '').normalize('NFC').replace(/\s+/g, ' ').trim();
  const literalDollar = unpairedDollarIndex(raw);
  let out = '';
  let math = false;
  let index = 0;
  while (index < raw.length) {
    const char = raw[index];
    if (char === '\\') {
      const read = readCommand(raw, index, math, depth);
      out += read.text;
      index = read.end;
    } else if (char === '$' && index !== literalDollar) {
      math = !math;
      index++;
    } else if (math && (char === '^' || char === '_')) {
      const group = readGroup(raw, index + 1);
      out += script(render('$' + group.content + '$', depth + 1), char === '^' ? SUPERSCRIPTS : SUBSCRIPTS, char);
      index = group.end;
    } else if (char === '{' || char === '}') {
      index++;
    } else if (!math && char === '~') {
      out += ' ';
      index++;
    } else if (!math && raw.startsWith('---', index)) {
      out += '—';
      index += 3;
    } else if (!math && raw.startsWith('--', index)) {
      out += '–';
      index += 2;
    } else if (!math && (raw.startsWith('``', index) || raw.startsWith("''", index))) {
      out += raw[index] === '`' ? '“' : '”';
      index += 2;
    } else {
      out += char;
      index++;
    }
  }
  return out.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Text folded to lowercase ASCII letters and digits (diacritics removed, `²` read as `2`, Greek
 * letters spelled out), with every other character dropped. Used to build citation keys.
 */
export function asciiFold(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKD').toLowerCase()) {
    if (/[a-z0-9]/.test(char)) out += char;
    else out += Object.hasOwn(ASCII_SPELLINGS, char) ? ASCII_SPELLINGS[char] : '';
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

/** Reads `\command`, `\command{arg}`, an accent or an escaped character starting at `start`. */
function readCommand(raw: string, start: number, math: boolean, depth: number): { text: string; end: number } {
  const next = raw[start + 1];
  if (next === undefined) return { text: '', end: start + 1 };
  // Object.hasOwn, never `in`: a title's `\constructor` must not find Object.prototype's.
  if (Object.hasOwn(ACCENTS, next) && !/[a-zA-Z]/.test(next)) return accent(raw, start + 2, ACCENTS[next], depth);
  if (!/[a-zA-Z]/.test(next)) {
    // `\%`, `\&`, `\_`, `\#`, `\$`, `\{`, `\}`; `\,` `\;` `\ ` are spaces; `\\` a line break.
    if (next === '\\' || /[,;: ]/.test(next)) return { text: ' ', end: start + 2 };
    if (next === '-' || next === '/') return { text: '', end: start + 2 }; // soft hyphen, italic correction
    return { text: next, end: start + 2 };
  }
  const name = /^[a-zA-Z]+/.exec(raw.slice(start + 1))![0];
  let end = start + 1 + name.length;
  if (name.length === 1 && Object.hasOwn(ACCENTS, name)) {
    while (raw[end] === ' ') end++;
    return accent(raw, end, ACCENTS[name], depth);
  }
  if (OPERATORS.has(name)) return { text: name, end };
  if (Object.hasOwn(SYMBOLS, name)) {
    if (raw.startsWith('{}', end)) end += 2;
    else if (!math && raw[end] === ' ') end += 1; // the space that only ends the command name
    return { text: SYMBOLS[name], end };
  }
  // An unknown command (`\textbf{x}`, `\mathcal{O}`, `\emph x`): keep its argument, drop the command.
  while (raw[end] === ' ') end++;
  return { text: '', end };
}

/** Applies a combining accent to the letter or braced group at `start`. */
function accent(raw: string, start: number, mark: string, depth: number): { text: string; end: number } {
  const group = readGroup(raw, start);
  const base = render(group.content, depth + 1);
  return { text: base.length > 0 ? base[0] + mark + base.slice(1) : '', end: group.end };
}

/** A braced group `{...}` or a single character (or command) at `start`. */
function readGroup(raw: string, start: number): { content: string; end: number } {
  if (raw[start] === '{') {
    let depth = 0;
    for (let index = start; index < raw.length; index++) {
      if (raw[index] === '\\') index++;
      else if (raw[index] === '{') depth++;
      else if (raw[index] === '}' && --depth === 0) return { content: raw.slice(start + 1, index), end: index + 1 };
    }
    return { content: raw.slice(start + 1), end: raw.length };
  }
  if (raw[start] === '\\') {
    const command = /^\\([a-zA-Z]+|.)/.exec(raw.slice(start));
    if (command) return { content: command[0], end: start + command[0].length };
  }
  return { content: raw[start] ?? '', end: Math.min(start + 1, raw.length) };
}

/** Text as super- or subscript characters when every character has one, else marked with `^`/`_`. */
function script(text: string, table: Readonly<Record<string, string>>, marker: string): string {
  const chars = [...text];
  if (chars.length > 0 && chars.every((char) => Object.hasOwn(table, char))) return chars.map((char) => table[char]).join('');
  return chars.length === 1 ? marker + text : `${marker}(${text})`;
}

/**
 * An abstract as a reader should see it: inline math (`$^{2}$`, `$\cdot$`) rendered like titles,
 * escaped characters (`\%`) unescaped, and the site's mangled dash entities (`componentsx2013such`,
 * left from `&#x2013;`) shown as dashes. The corpus keeps the raw text; this is for display only.
 */
export function readableAbstract(raw: string): string {
  return raw
    .replace(/\$[^$\n]{1,80}\$/g, (math) => readableTitle(math))
    .replace(/\\([%&#_$])/g, '$1')
    .replace(/(?<=\p{L})x(2013|2014)(?=\p{L})/gu, (_match, code: string) => (code === '2013' ? '–' : '—'));
}
