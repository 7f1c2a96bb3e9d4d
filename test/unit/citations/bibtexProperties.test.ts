import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeBibEntries, parseBibFile } from '../../../src/core/citations/bibFile';
import { escapeBibtexTitle } from '../../../src/core/citations/bibtexEscape';

// Issue 24: BibTeX escaping and the `.bib` reader are linear, and stay right on generated hostile
// shapes. The time each takes is measured by `npm run bench` (hostileBibtexTitleRatio,
// hostileBibFileRatio); these properties hold what must be true of every answer.

/** Pieces of titles: commands safe and unsafe, braces that close nothing, math, TeX's `^^`, specials. */
const TITLE_PIECES = [
  '\\input{x}', '\\in}put', '\\write18{rm}', '\\def\\x{y}', '\\csname', '\\catcode', '\\immediate', '\\openout', '\\include', '\\usepackage',
  '$', '$x_1$', '$\\frac{a}{b}$', '{', '}', '\\{', '\\}', '^^5c', '^', '_', '%', '#', '&', '~', '\\textbf{a}', '\\emph', '\\"o', '\\"{o}',
  '\\mathcal{A}', '\\left(', '\\right)', '\\cdot', '\\sqrt', '\\,', '\\\\', '\\', ' ', '  ', 'a', 'B', 'word', 'é', '😀', '\n', '\t', '\u0007', '\u202e',
];

const titles = fc.array(fc.constantFrom(...TITLE_PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Commands that read files, run programs, define macros or write: never in an escaped title. */
const DANGEROUS = /\\(?:input|include|write|def|edef|gdef|csname|catcode|immediate|openout|openin|usepackage|newcommand|renewcommand|let|read|special)(?![a-zA-Z])/;

/** Depth of braces as BibTeX counts them (every brace), and as a LaTeX-aware reader does (skipping `\{`, `\}`). */
function braceDepths(text: string): { bibtex: number[]; latex: number[] } {
  const bibtex: number[] = [];
  const latex: number[] = [];
  let plain = 0;
  let aware = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '{') plain++;
    if (char === '}') plain--;
    bibtex.push(plain);
    if (char === '\\') {
      at++;
      latex.push(aware);
      continue;
    }
    if (char === '{') aware++;
    if (char === '}') aware--;
    latex.push(aware);
  }
  return { bibtex, latex };
}

describe('BibTeX escaping and the .bib reader: generated shapes (fast-check)', function () {
  this.timeout(120000);

  it('an escaped title is one line of balanced braces, for BibTeX and for LaTeX readers, with no command that acts', () => {
    fc.assert(
      fc.property(titles, (title) => {
        const escaped = escapeBibtexTitle(title);
        assert.ok(!/[\n\r]/.test(escaped), 'no line break');
        const { bibtex, latex } = braceDepths(escaped);
        assert.ok(bibtex.every((depth) => depth >= 0) && (bibtex.at(-1) ?? 0) === 0, `BibTeX braces balance in ${escaped}`);
        assert.ok(latex.every((depth) => depth >= 0) && (latex.at(-1) ?? 0) === 0, `LaTeX braces balance in ${escaped}`);
        assert.ok(!DANGEROUS.test(escaped), `no acting command in ${escaped}`);
        assert.ok(!/(^|[^\\])(\\\\)*[%#&]/.test(escaped), `%, # and & are escaped in ${escaped}`);
        assert.ok(!escaped.includes('^^'), 'no ^^ notation');
      }),
      { numRuns: 3000 },
    );
  });

  it('escaping an escaped title changes nothing', () => {
    fc.assert(fc.property(titles, (title) => {
      const once = escapeBibtexTitle(title);
      assert.equal(escapeBibtexTitle(once), once);
    }), { numRuns: 2000 });
  });

  it('a hostile unit repeated into a title of 50 KB escapes as the unit does, repeated', () => {
    // Units that start and end with a plain letter and hold no $ or braces escape the same wherever they stand.
    const unit = fc.array(fc.constantFrom('\\input', '\\in', 'put', '%', '#', '&', '_', '^', '\\\\', '\\%', '~', 'a', 'é', '\\cdot', '\\"o'), { minLength: 1, maxLength: 6 }).map((pieces) => `x${pieces.join('')}y `);
    fc.assert(fc.property(unit, (piece) => {
      const count = Math.ceil(50_000 / piece.length);
      const escaped = escapeBibtexTitle(piece.repeat(count));
      assert.equal(escaped, `${escapeBibtexTitle(piece)} `.repeat(count).trim());
    }), { numRuns: 25 });
  });

  /** Pieces of `.bib` files: entries, comments, markers, stray `@`, braces and parentheses that do not close. */
  const BIB_PIECES = [
    '@misc{a, title={A}}', '@article(b, title = "B")', '@string{s = "x"}', '@comment{ @misc{in, x} }', '% paper-scout 0123456789abcdef\n',
    '% a comment @misc{c, x}\n', '@', '@@', 'me@example.org', '@misc', '@misc{', '{', '}', '(', ')', '"', '\n', '\r\n', '  ', '\t', 'text', '@preamble{"x"}',
  ];
  const bibText = fc.array(fc.constantFrom(...BIB_PIECES), { maxLength: 30 }).map((pieces) => pieces.join(''));

  it('parseBibFile: entries in order, apart, each starting at its @ with its key inside', () => {
    fc.assert(fc.property(bibText, (text) => {
      const file = parseBibFile(text);
      let previousEnd = 0;
      for (const entry of file.entries) {
        assert.equal(text[entry.start], '@');
        assert.ok(entry.start >= previousEnd && entry.end > entry.start && entry.end <= text.length);
        if (entry.key !== null) assert.ok(text.slice(entry.start, entry.end).includes(entry.key));
        if (entry.ours) assert.ok(text.slice(entry.markerStart, entry.start).trimStart().startsWith('% paper-scout'));
        previousEnd = entry.end;
      }
    }), { numRuns: 3000 });
  });

  it('mergeBibEntries keeps every byte of a file it appends to, and a second merge of the same entries changes nothing', () => {
    const newEntries = fc.uniqueArray(fc.constantFrom('a', 'b', 'new1', 'new2', 'A'), { maxLength: 4 }).map((keys) => keys.map((key) => ({ key, text: `@misc{${key},\n  title = {T ${key}}\n}` })));
    fc.assert(fc.property(bibText, newEntries, (text, entries) => {
      let merged;
      try {
        merged = mergeBibEntries(text, entries);
      } catch {
        assert.ok(parseBibFile(text).problems.length > 0, 'only a file with an unclosed entry is refused');
        return;
      }
      if (merged.updated.length === 0) assert.ok(merged.text.startsWith(text), 'appended after the file, which stays as it was');
      assert.equal(mergeBibEntries(merged.text, entries).text, merged.text);
    }), { numRuns: 2000 });
  });

  it('reads a line of 100,000 @ and a file of 20,000 entries on one line', () => {
    assert.deepEqual(parseBibFile('@'.repeat(100_000)).entries, []);
    const oneLine = '@misc{k, t={x}} '.repeat(20_000);
    assert.equal(parseBibFile(oneLine).entries.length, 20_000);
    const updated = mergeBibEntries(`% paper-scout 0000000000000000\n@misc{k1, t={x}}\n`.repeat(1), [{ key: 'k1', text: '@misc{k1, t={y}}' }]);
    assert.deepEqual(updated.keptEdits, ['k1']);
  });
});
