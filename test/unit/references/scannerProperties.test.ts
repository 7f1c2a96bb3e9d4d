import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanLatex } from '../../../src/core/references/latexCitations';
import { scanPandoc } from '../../../src/core/references/pandocCitations';
import { scanKeySpans } from '../../../src/core/references/scanCitations';
import type { KeySpan } from '../../../src/core/references/keyOccurrences';
import { regexScanLatex } from './regexScannerModel';

// Issue 24: the citation scanners are linear by construction. These properties check that the
// linear LaTeX scanner answers exactly as the regular-expression one it replaced (on texts short
// enough for that one), and that every scanner survives generated hostile shapes repeated to a few
// hundred kilobytes: unclosed arguments, delimiters that never recur, and keys by the hundred
// thousand. How long each takes is the benchmark's to measure (`npm run bench`, hostile ratios).

/** Pieces LaTeX citations are made of, and the characters that open and close their parts. */
const LATEX_PIECES = [
  '\\cite', '\\citep', '\\citet*', '\\cites', '\\parencites', '\\Textcite', '\\citetext', '\\nocite', '\\bibitem', '\\verb', '\\verb*',
  '\\begin{verbatim}', '\\end{verbatim}', '\\begin{comment*}', '\\end{comment}', '\\end{comment*}', '\\begin{minted}', '\\begin{lstlistingx}',
  '\\\\', '\\', '%', '\\%', '[', ']', '{', '}', '(', ')', ',', ' ', '\n', '\n\n', '\t', '\r', '|', '!', '*', '+', 'a', 'k1', 'doe:2020', 'é', '😀', '\u00a0', '#', '@', 'x y',
];

/** Whole arguments, so that generated texts often hold real citations among the broken ones. */
const LATEX_ARGUMENTS = ['{k1}', '{a, b}', '{doe:2020,x}', '[p.~4]', '[see]', '(notes)', ' {k2}', '{*}', '{two words}', '{a}{b}', '[4]{c}'];

const latexText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...LATEX_PIECES), weight: 3 }, { arbitrary: fc.constantFrom(...LATEX_ARGUMENTS), weight: 2 }), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

/** Every span names the key that stands at its offset, and spans come in order of offset. */
function assertSpansStandInText(text: string, spans: readonly KeySpan[]): void {
  spans.forEach((span, at) => {
    assert.equal(text.slice(span.offset, span.offset + span.key.length), span.key, `key ${JSON.stringify(span.key)} at ${span.offset}`);
    if (at > 0) assert.ok(spans[at - 1].offset <= span.offset, 'in order of offset');
  });
}

describe('citation scanners: generated shapes (fast-check)', function () {
  this.timeout(120000);

  it('the linear LaTeX scanner finds exactly what the regular-expression scanner found', () => {
    let withKeys = 0;
    fc.assert(
      fc.property(latexText, fc.boolean(), (text, percentComments) => {
        const expected = regexScanLatex(text, { percentComments });
        if (expected.length > 0) withKeys++;
        assert.deepEqual(scanLatex(text, { percentComments }), expected);
      }),
      { numRuns: 3000 },
    );
    assert.ok(withKeys > 150, `the generated texts cite or define keys often enough to compare (${withKeys} of 3000)`);
  });

  it('agrees with it on the shapes the issue names, and on Markdown code ranges to skip', () => {
    const shapes = ['\\bibitem[\\bibitem[ x]{k}', '\\verb|a\\cite{x}|\\cite{y}', '\\verb!\\verb"\\cite{z}"!', '\\cites[see][4]{a}[5]{b}', '\\bibitem [l] \n {k}', '\\begin{verbatim*}\\cite{a}\\end{verbatim}\\cite{b}'];
    for (const text of shapes) assert.deepEqual(scanLatex(text, { percentComments: true }), regexScanLatex(text, { percentComments: true }), text);
    fc.assert(
      fc.property(latexText, fc.array(fc.tuple(fc.nat(80), fc.nat(20)), { maxLength: 4 }), (text, raw) => {
        const skip = raw.map(([start, length]) => [start, start + length] as const).sort((a, b) => a[0] - b[0]);
        const merged: Array<readonly [number, number]> = [];
        for (const range of skip) {
          const last = merged[merged.length - 1];
          if (last && range[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], range[1])];
          else merged.push(range);
        }
        assert.deepEqual(scanLatex(text, { percentComments: false, skip: merged }), regexScanLatex(text, { percentComments: false, skip: merged }));
      }),
      { numRuns: 500 },
    );
  });

  it('reads hostile units repeated to 300 KB in every language without throwing, each key standing where it is said to', () => {
    const unit = fc.array(fc.constantFrom(...LATEX_PIECES, '@', '@{', '[@', '`', '```\n', '<!--', '-->', '@cite:', '# ', '"', '"""', '/*', '*/', '//'), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(unit, fc.constantFrom('latex', 'markdown', 'python', 'typescript', 'bibtex', 'plaintext'), (piece, languageId) => {
        const text = piece.repeat(Math.ceil(300_000 / piece.length));
        assertSpansStandInText(text, scanKeySpans(text, languageId));
      }),
      { numRuns: 60 },
    );
  });

  it('takes a Markdown file of 150,000 keys or 200,000 code spans (a stack overflow before)', () => {
    const keys = '@k '.repeat(150_000);
    assert.equal(scanPandoc(keys).length, 150_000);
    const spans = '`x` '.repeat(200_000) + '\\cite{a}';
    assert.deepEqual(scanPandoc(spans).map((span) => span.key), ['a']);
    const mixed = '[@a] \\cite{b} '.repeat(100_000);
    assert.equal(scanPandoc(mixed).length, 200_000);
  });

  it('the issue\'s shapes: \\bibitem[ with no ], \\verb with delimiters that never recur', () => {
    const bibitems = '\\bibitem['.repeat(40_000);
    assert.deepEqual(scanLatex(bibitems, { percentComments: true }), []);
    const delimiters = Array.from({ length: 20_000 }, (_, at) => `\\verb${String.fromCharCode(0x4e00 + at)}`).join('');
    assert.deepEqual(scanLatex(`${delimiters}\\cite{k}`, { percentComments: true }).map((span) => span.key), ['k']);
    const nested = `${'\\cite['.repeat(40_000)}][x]{k}`;
    assert.equal(scanLatex(nested, { percentComments: true }).length, 40_000);
  });
});
