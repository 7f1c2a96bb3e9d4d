import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { assignCitationKeys } from '../../../src/core/citations/citationKey';
import { escapeBibtexTitle } from '../../../src/core/citations/bibtexEscape';
import { formatCitation } from '../../../src/core/citations/formats';
import { ACCENTS, FORMATTING, SYMBOLS } from '../../../src/core/citations/latexTables';
import { readableTitle } from '../../../src/core/citations/latexText';
import { normalizeTitle } from '../../../src/core/corpus/merge';
import type { Corpus, Paper } from '../../../src/core/types';
import { readLegacyKeys } from '../pages';
import { AWQ, INFLLM, makePaper, S2FT } from './fixtures';

/** dist/corpus.json of this checkout (looked for above the test file and in the working directory), or null. */
function loadCorpus(): Corpus | null {
  const candidates = [resolve('dist/corpus.json')];
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) candidates.push(join(dir, 'dist/corpus.json'));
  const found = candidates.find((path) => existsSync(path));
  return found ? (JSON.parse(readFileSync(found, 'utf8')) as Corpus) : null;
}

/** A title with the backslash before special characters removed: escaping may add such backslashes and nothing else. */
function unescapeSpecials(text: string): string {
  return text.replace(/\\([&%#_$])/g, '$1').replace(/\\textasciicircum\{\}/g, '^');
}

/** Text as compared between the parser's LaTeX reading and `readableTitle`. */
function normalize(text: string): string {
  // The parser renders \cdot as U+22C5 (dot operator), readableTitle as U+00B7 (middle dot).
  return text.normalize('NFC').replace(/\u22c5/g, '·').replace(/\s+/g, ' ').trim();
}

/** Parses entries with the independent parser, checking the title and year of each paper round-trip. */
function checkRoundTrip(papers: readonly Paper[]): void {
  const bib = papers.map((paper) => formatCitation(paper, 'bibtex')).join('\n\n');
  const verbatim = parse(bib, { raw: true });
  const latex = parse(bib, { english: false });
  assert.deepEqual(verbatim.errors, []);
  assert.deepEqual(latex.errors, []);
  assert.equal(verbatim.entries.length, papers.length);
  assert.equal(latex.entries.length, papers.length);
  papers.forEach((paper, index) => {
    const raw = verbatim.entries[index];
    const read = latex.entries[index];
    assert.equal(raw.type, 'misc');
    assert.equal(raw.key, paper.key);
    assert.equal(raw.fields.title, escapeBibtexTitle(paper.title), `verbatim title of ${paper.key}`);
    assert.equal(unescapeSpecials(raw.fields.title), unescapeSpecials(paper.title), `escaping of ${paper.key} only adds backslashes`);
    assert.equal(normalize(read.fields.title), normalize(readableTitle(paper.title)), `LaTeX-read title of ${paper.key}`);
    assert.equal(raw.fields.year, paper.published?.slice(0, 4), `year of ${paper.key}`);
    assert.equal(read.fields.month, paper.published ? String(Number(paper.published.slice(5, 7))) : undefined, `month of ${paper.key}`);
  });
}

describe('BibTeX round trip through @retorquere/bibtex-parser', () => {
  it('reads back the fixture papers with title, year and month', () => {
    checkRoundTrip([AWQ, S2FT, INFLLM]);
  });

  it('reads back titles with characters BibTeX treats specially', () => {
    checkRoundTrip([
      makePaper({ key: 'qa2024', title: 'Q&A on 50% of #tags_and more', published: '2024-02-29' }),
      makePaper({ key: 'already_nd', title: 'Recovers 93\\% of {\\alpha} with $x_{1}$ at 2$^{10}$' }),
      makePaper({ key: 'dollar_nd', title: 'It costs $5 and x^2 --- a lot' }),
    ]);
  });

  const corpus = loadCorpus();
  if (corpus === null) {
    it.skip('whole corpus: SKIPPED because dist/corpus.json is absent (run `node esbuild.config.mjs` to build it)', () => undefined);
  } else {
    it(`whole corpus: all ${corpus.papers.length} entries parse, title and year round-trip, keys are unique`, function () {
      this.timeout(20000);
      assert.ok(corpus.papers.length > 0);
      const keys = corpus.papers.map((paper) => paper.key);
      assert.equal(new Set(keys).size, keys.length);
      const requests = corpus.papers.map((paper) => ({ identity: normalizeTitle(paper.title), title: paper.title, published: paper.published }));
      assert.deepEqual(assignCitationKeys(requests, { reserved: readLegacyKeys() }).keys, keys, 'the key scheme gives the keys the corpus holds');
      checkRoundTrip(corpus.papers);
    });
  }
});

/** TeX primitives and macros that read or write files, run programs or (re)define commands: never in an entry. */
const DANGEROUS = /^(?:input|include|InputIfFileExists|write|immediate|openout|openin|read|closeout|special|def|edef|gdef|xdef|let|futurelet|csname|endcsname|catcode|newcommand|renewcommand|providecommand|DeclareRobustCommand|expandafter|usepackage|RequirePackage|documentclass|makeatletter|lowercase|uppercase|scantokens|directlua|ShellEscape|write18|verb|url|href)$/;

/** The letter commands an escaped title may hold: those the renderer knows, and the escapes it writes. */
const KNOWN = new Set([...SYMBOLS.keys(), ...FORMATTING, ...ACCENTS.keys(), 'frac', 'tfrac', 'dfrac', 'textsuperscript', 'textsubscript', 'sqrt', 'cdots', 'ldots', 'vdots', 'neg']);

/** Every command name in escaped text (`\name` or the one character after a backslash). */
function commandsIn(text: string): string[] {
  return [...text.matchAll(/\\([a-zA-Z]+|[^a-zA-Z])/g)].map((match) => match[1]);
}

/** BibTeX's brace count over a value: never below zero, zero at the end. */
function bracesBalanceForBibtex(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('escapeBibtexTitle keeps only safe LaTeX', () => {
  it('escapes commands that read files, run programs or define macros, and keeps formatting, accents, symbols and math', () => {
    assert.equal(escapeBibtexTitle('\\input{/etc/passwd} and \\write18{rm -rf ~}'), '\\textbackslash{}input{/etc/passwd} and \\textbackslash{}write18{rm -rf ~}');
    assert.equal(escapeBibtexTitle('\\def\\x{y}\\csname foo\\endcsname \\catcode`\\@=11'), '\\textbackslash{}def\\textbackslash{}x{y}\\textbackslash{}csname foo\\textbackslash{}endcsname \\textbackslash{}catcode`=11');
    assert.equal(escapeBibtexTitle('\\textbf{Bold} Schr\\"{o}dinger {\\alpha} $\\mathcal{O}(n^2)$ \\unknown'), '\\textbf{Bold} Schr\\"{o}dinger {\\alpha} $\\mathcal{O}(n^2)$ \\textbackslash{}unknown');
    assert.equal(escapeBibtexTitle('$x^^5cinput$ and x^^5c'), '$x^5cinput$ and x\\textasciicircum{}\\textasciicircum{}5c');
    assert.equal(escapeBibtexTitle('\\in}put{x} and \\alpha}a'), '\\in{}put{x} and \\alpha{}a', 'a dropped brace never joins a command to the letters after it');
  });

  it('balances braces for BibTeX and for LaTeX-aware parsers alike: a{\\}b and escaped braces', () => {
    assert.equal(escapeBibtexTitle('a{\\}b'), 'a\\textbraceright{}b');
    assert.equal(escapeBibtexTitle('set \\{x\\} and $\\{y\\}$'), 'set \\textbraceleft{}x\\textbraceright{} and $\\lbrace{}y\\rbrace{}$');
    assert.equal(escapeBibtexTitle('{$x}$ y'), '{$x$}\\$ y');
    assert.equal(escapeBibtexTitle('line\nbreak\u2028and\\\\ tab\there'), 'line break and tab here');
  });

  it('gives entries the independent parser reads without error, whatever the title holds (fuzz)', function () {
    this.timeout(60000);
    const piece = fc.constantFrom(
      '\\', '{', '}', '$', '^', '^^', '_', '&', '%', '#', '~', '"', '@', ',', '=', '(', ')', 'a', 'Z', ' ', '\n', '\u0000',
      '\\input{x}', '\\write18', '\\def\\x', '\\csname', '\\endcsname', '\\{', '\\}', '\\alpha', '\\textbf{', '\\"', '\\\\',
      '\\catcode', '\\immediate', '\\openout', '\\^', '\\c', '\\frac{', '\\mathcal{', '\\%', '\\$', '\\(', '\\[', '\\é', 'é',
      '\\in', 'put', '\\relax', '\\sqrt', '--!>', '\u2028',
    );
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }).map((pieces) => pieces.join('')), (title) => {
      const escaped = escapeBibtexTitle(title);
      assert.ok(bracesBalanceForBibtex(escaped), `BibTeX braces: ${JSON.stringify(escaped)}`);
      assert.ok(!escaped.includes('^^'), escaped);
      assert.equal(escaped.replace(/\\./g, '').split('$').length % 2, 1, `unpaired $: ${escaped}`);
      for (const name of commandsIn(escaped)) {
        if (!/^[a-zA-Z]+$/.test(name)) continue;
        assert.doesNotMatch(name, DANGEROUS, `command \\${name} in ${JSON.stringify(escaped)}`);
        assert.ok(KNOWN.has(name), `unknown command \\${name} in ${JSON.stringify(escaped)}`);
      }
      const paper = makePaper({ key: 'fuzz2024', title: title.trim() || 'x', published: '2024-01-01' });
      const entry = formatCitation(paper, 'bibtex');
      const verbatim = parse(entry, { raw: true });
      assert.deepEqual(verbatim.errors, [], entry);
      assert.equal(verbatim.entries.length, 1, entry);
      assert.equal(verbatim.entries[0].fields.title, escapeBibtexTitle(paper.title));
      const latex = parse(entry, { english: false });
      // Reading LaTeX, the parser also reports the commands it cannot turn into Unicode ("unhandled macro
      // \mathcal": it knows no math alphabets). For a command the title keeps on purpose (KNOWN, checked
      // above) that is a gap in its table, not a broken entry; any other error is.
      assert.deepEqual(latex.errors.filter((error) => !KNOWN.has(/^unhandled macro \\([a-zA-Z]+)/.exec(error.error)?.[1] ?? '')), [], entry);
      assert.equal(latex.entries.length, 1, entry);
    }), { numRuns: 1500 });
  });
});
