/**
 * What the LaTeX in paper titles and abstracts means, as data: symbols, accents, super- and subscript
 * characters, and the commands that only format their argument. Maps, not plain objects, so a name such
 * as `constructor` or `__proto__` finds nothing.
 */

/** LaTeX commands that stand for one character, in or out of math mode. */
export const SYMBOLS: ReadonlyMap<string, string> = new Map(Object.entries({
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
  textgreater: '>', textbraceleft: '{', textbraceright: '}', lbrace: '{', rbrace: '}', backslash: '\\',
  ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', o: 'ø', O: 'Ø', l: 'ł', L: 'Ł', aa: 'å', AA: 'Å', i: 'ı',
  j: 'ȷ', quad: ' ', qquad: ' ', LaTeX: 'LaTeX', TeX: 'TeX', top: 'ᵀ', mid: '|', subseteq: '⊆',
  subset: '⊂', cup: '∪', cap: '∩', forall: '∀', exists: '∃', emptyset: '∅', log: 'log', ln: 'ln',
  exp: 'exp', max: 'max', min: 'min', sup: 'sup', inf: 'inf', lim: 'lim', arg: 'arg', sin: 'sin',
  cos: 'cos', tan: 'tan', det: 'det', dim: 'dim', poly: 'poly', polylog: 'polylog',
  // Text symbols reference managers write (Better BibTeX, JabRef) for what has no plain key.
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«',
  guillemotright: '»', textellipsis: '…', textdegree: '°', textperiodcentered: '·', textbullet: '•',
  textdagger: '†', textsection: '§', textparagraph: '¶', textsterling: '£', texteuro: '€', textyen: '¥',
  textcent: '¢', textmu: 'µ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
}));

/** Symbols that are words (`\log n` keeps its space), unlike `\alpha` whose trailing space only ends the name. */
export const WORD_SYMBOLS: ReadonlySet<string> = new Set(['log', 'ln', 'exp', 'max', 'min', 'sup', 'inf', 'lim', 'arg', 'sin', 'cos', 'tan', 'det', 'dim', 'poly', 'polylog']);

/** Accent commands (`\"o`, `\'{e}`, `\c{c}`) and the combining mark each adds. */
export const ACCENTS: ReadonlyMap<string, string> = new Map(Object.entries({
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
  d: '\u0323', b: '\u0331', t: '\u0361',
}));

/** Commands that only format their argument (`\textbf{x}` reads `x`), or nothing (`\left(` reads `(`). */
export const FORMATTING: ReadonlySet<string> = new Set([
  'textbf', 'textit', 'textsl', 'emph', 'texttt', 'textsc', 'textrm', 'textsf', 'textup', 'textmd',
  'textnormal', 'text', 'mbox', 'hbox', 'underline', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt',
  'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'boldsymbol', 'bm', 'operatorname', 'ensuremath',
  'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle',
  'textstyle', 'scriptstyle', 'rm', 'bf', 'it', 'em', 'sf', 'tt', 'sc', 'normalfont', 'small',
  'footnotesize', 'large', 'Large', 'tiny', 'huge', 'Huge', 'noindent', 'relax', 'protect', 'nolinkurl',
  'hat', 'tilde', 'bar', 'vec', 'dot', 'ddot', 'widehat', 'widetilde', 'overline', 'mathring',
]);

/** Characters as superscripts. */
export const SUPERSCRIPTS: ReadonlyMap<string, string> = new Map(Object.entries({
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ', k: 'ᵏ', '*': '*', ᵀ: 'ᵀ', '′': '′',
}));

/** Characters as subscripts. */
export const SUBSCRIPTS: ReadonlyMap<string, string> = new Map(Object.entries({
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ',
  o: 'ₒ', t: 'ₜ', x: 'ₓ',
}));

/** Letters without an ASCII decomposition, spelled out for citation keys. */
export const ASCII_SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries({
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma',
  τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', ß: 'ss', æ: 'ae', œ: 'oe',
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
}));
