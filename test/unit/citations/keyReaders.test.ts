import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { assignCitationKeys, baseCitationKey, isCitationKey } from '../../../src/core/citations/citationKey';
import { scanKeySpans } from '../../../src/core/references/scanCitations';

// Issue 24, item 10: a key a citation reader cuts short (`[@liger-]` read as `@liger`, another paper)
// cannot be a key: keys end in a letter or digit and hold no doubled punctuation. Both readers are
// tested: pandoc itself (its readings of every bundled key, and of broken shapes, recorded by
// scripts/pandocCitations.mjs in test/fixtures/pandoc/citations.json) and Paper Scout's own scanner.

interface Recorded {
  pandoc: string;
  readings: Array<[text: string, written: string, keys: string[]]>;
}

const recorded = JSON.parse(readFileSync('test/fixtures/pandoc/citations.json', 'utf8')) as Recorded;
const cited = (text: string, languageId = 'markdown'): string[] => scanKeySpans(text, languageId).map((span) => span.key);

describe('citation keys and the readers of citations', () => {
  it(`Paper Scout's scanner reads what pandoc reads, in all ${recorded.readings.length} recorded readings (${recorded.pandoc})`, () => {
    assert.ok(recorded.readings.length > 2000);
    for (const [text, , keys] of recorded.readings) assert.deepEqual(cited(text), keys, text);
  });

  it('every key the rule allows is read whole by pandoc in every place; the shapes the issue names are cut short there', () => {
    let whole = 0;
    let cut = 0;
    for (const [text, key, keys] of recorded.readings) {
      if (text.includes('@{')) continue; // braces keep any key whole
      if (isCitationKey(key)) {
        assert.equal(keys[0], key, `pandoc cut the key ${key} short in ${text}`);
        whole++;
      } else if (/[-:]$|::|--/.test(key)) {
        assert.notEqual(keys[0], key, `pandoc reads ${key} whole in ${text}`);
        cut++;
      }
    }
    assert.ok(whole > 2000 && cut >= 24, `${whole} whole, ${cut} cut`);
  });

  // Quarto's and pandoc-crossref's cross-reference prefixes: `@fig-plot` and `@sec:intro` in Markdown are
  // references to figures and sections, not citations (a rule of their own, spelled out here, not imported).
  const crossReference = /^(?:(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg)-|(?:fig|tbl|sec|eq|lst):)/;
  const segment = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}$/) }, { weight: 1, arbitrary: fc.constantFrom('fig', 'sec', 'eq', 'rem', 'tbl', 'lst', 'alg') });
  const validKey = fc.tuple(segment, fc.array(fc.tuple(fc.constantFrom('_', ':', '-'), segment), { maxLength: 4 }))
    .map(([first, rest]) => first + rest.map(([separator, part]) => separator + part).join(''));

  it('a key the rule allows is read whole by Paper Scout in Markdown (unless it is a cross-reference), LaTeX and code comments, wherever it stands', () => {
    let references = 0;
    fc.assert(fc.property(validKey, fc.constantFrom('.', ',', ';', ':', '-', ')', ']', '!', '?', ' '), (key, after) => {
      assert.ok(isCitationKey(key));
      const inMarkdown = crossReference.test(key) ? [] : [key];
      if (inMarkdown.length === 0) references++;
      for (const text of [`[@${key}]`, `@${key}${after}`, `[see @${key}, p. 4]`, `(@${key})${after}`]) assert.deepEqual(cited(text), inMarkdown, text);
      assert.deepEqual(cited(`\\cite{${key}}${after}`, 'latex'), [key]);
      assert.deepEqual(cited(`x = 1  # @cite:${key}${after}`, 'python'), [key]);
    }), { numRuns: 1500 });
    assert.ok(references > 0, 'the generator made no cross-reference shape');
  });

  it('no key Paper Scout makes from a title reads as a cross-reference in Markdown', () => {
    for (const title of ['Fig-Net: a thing', 'Eq: equations', 'Sec-2 Rem', 'rem-a', 'Thm-prover', 'fig:1']) {
      const key = baseCitationKey(title, null);
      assert.ok(!crossReference.test(key), key);
      assert.deepEqual(cited(`[@${key}]`), [key]);
    }
  });

  it('refuses keys a reader cuts short: trailing or doubled punctuation, or none of it between', () => {
    for (const key of ['liger-', 'liger:', 'a::b', 'a--b', 'a_-b', '_a', 'a_', '-a', 'a b', '}', ',', 'a\nb', '', 'A2024', 'a.b']) assert.equal(isCitationKey(key), false, JSON.stringify(key));
    for (const key of ['awq2023', 'galore_nd', 'infllmv2_2025', 'doe:2020-a', 'a', '7b']) assert.equal(isCitationKey(key), true, key);
  });

  it('every key Paper Scout makes from a title, clashes and all, is one the rule allows', () => {
    const title = fc.array(fc.oneof(fc.constantFrom('GaLore:', 'S$^{2}$FT', 'Schrödinger', 'pre-', '--', '::', 'Ω', 'α-β', '2024', '-', 'LLM', 'x!', '‐'), fc.string({ maxLength: 12 })), { maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(fc.property(fc.array(fc.tuple(title, fc.constantFrom('2024-01-03', null)), { minLength: 1, maxLength: 12 }), (papers) => {
      for (const [text, date] of papers) assert.ok(isCitationKey(baseCitationKey(text, date)), `${baseCitationKey(text, date)} from ${JSON.stringify(text)}`);
      const { keys } = assignCitationKeys(papers.map(([text, date], at) => ({ identity: `${at}`, title: text, published: date })));
      for (const key of keys) assert.ok(isCitationKey(key), key);
    }), { numRuns: 500 });
  });
});
