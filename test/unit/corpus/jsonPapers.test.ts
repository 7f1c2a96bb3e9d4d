import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readCorpusJson, readCorpusJsonSteps } from '../../../src/core/corpus/jsonPapers';
import { loadCorpus, type CorpusLoadResult } from '../../../src/core/corpus/schema';
import { bundledCorpus } from '../store/fakes';

// Issue 13, item 6: corpus JSON is read paper by paper (no single JSON.parse of a 60 MB file), and the
// answer must be the one JSON.parse and loadCorpus give for the whole text: the same papers, the same
// diagnostics, and for text that is not JSON the line and reason of the first error.

/** What reading the whole text gives: JSON.parse and loadCorpus, or jsonc-parser's first error. */
function reference(text: string, file: string): CorpusLoadResult {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return loadCorpus(JSON.parse(body), file);
  } catch {
    const errors: ParseError[] = [];
    parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
    const line = body.slice(0, errors[0].offset).split("\n").length;
    return { corpus: { version: 1, topics: [], papers: [] }, diagnostics: [{ file, line, message: `not valid JSON (${printParseErrorCode(errors[0].error)})`, severity: 'error' }] };
  }
}

const real = bundledCorpus();
/** Papers: real ones, real ones with a broken field, and values that are not papers at all. */
const paper = fc.oneof(
  fc.constantFrom(...real.papers.slice(0, 20)),
  fc.constantFrom(...real.papers.slice(20, 30)).map((valid) => ({ ...valid, published: '2025-02-29' })),
  fc.constantFrom(...real.papers.slice(30, 35)).map((valid) => ({ ...valid, title: 'Brackets ] [ } { and "quotes" and \\ backslashes\\' })),
  fc.jsonValue({ maxDepth: 2 }),
);
const member = fc.oneof(
  fc.constant(['version', 1] as const),
  fc.constant(['version', 2] as const),
  fc.constant(['topics', real.topics.slice(0, 2)] as const),
  fc.tuple(fc.constantFrom('note', 'papers ', 'ver"sion', '{['), fc.jsonValue({ maxDepth: 2 })),
);
/** A corpus file as text: members in any order, papers anywhere among them, any indentation. */
const corpusText = fc
  .tuple(fc.array(member, { maxLength: 3 }), fc.array(paper, { maxLength: 8 }), fc.nat(3), fc.constantFrom(0, 1, 2, '\t'), fc.boolean())
  .map(([members, papers, at, indent, bom]) => {
    const entries: [string, unknown][] = members.map(([key, value]) => [key, value]);
    entries.splice(Math.min(at, entries.length), 0, ['papers', papers]);
    const object = Object.fromEntries(entries);
    return (bom ? '\uFEFF' : '') + JSON.stringify(object, null, indent);
  });
/** The same text with one character removed, doubled or replaced by JSON punctuation. */
const brokenText = fc.tuple(corpusText, fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '{', ':', 'x', '\\')).map(([text, position, insert]) => {
  const at = position % Math.max(1, text.length);
  return `${text.slice(0, at)}${insert}${text.slice(at + 1)}`;
});

describe('corpus JSON read paper by paper', function () {
  this.timeout(60000);

  it('gives what JSON.parse and loadCorpus give for the whole text, for valid files', () => {
    fc.assert(fc.property(corpusText, (text) => {
      assert.deepEqual(readCorpusJson(text, 'mine.json'), reference(text, 'mine.json'));
    }), { numRuns: 400 });
  });

  it('reports the line and reason of the first error of text that is not JSON, and keeps no papers', () => {
    fc.assert(fc.property(brokenText, (text) => {
      assert.deepEqual(readCorpusJson(text, 'mine.json'), reference(text, 'mine.json'));
    }), { numRuns: 1500 });
  });

  it('reads 100,000 papers in steps, at several sizes, with the papers and problems of the whole', () => {
    for (const size of [10, 5000, 100000]) {
      const papers = Array.from({ length: size }, (_, i) => ({ ...real.papers[i % real.papers.length], id: `mine-${i}`, key: `mine${i}` }));
      papers[size >> 1] = { ...papers[size >> 1], upvotes: -1 };
      const text = JSON.stringify({ version: 1, papers }, null, 1);
      let steps = 0;
      const reading = readCorpusJsonSteps(text, 'big.json');
      let step = reading.next();
      for (; !step.done; step = reading.next()) steps++;
      assert.equal(steps, size, 'one step per paper');
      assert.equal(step.value.corpus.papers.length, size - 1);
      assert.deepEqual(step.value.diagnostics.map((d) => [d.file, d.path]), [['big.json', `papers[${size >> 1}].upvotes`]]);
    }
  });

  it('names the line of a missing comma between two papers of a large file', () => {
    const papers = real.papers.slice(0, 50).map((valid) => JSON.stringify(valid));
    const text = `{"version": 1, "papers": [\n${papers.slice(0, 30).join(',\n')}\n${papers.slice(30).join(',\n')}\n]}`;
    assert.deepEqual(readCorpusJson(text, 'mine.json').diagnostics, [{ file: 'mine.json', line: 32, message: 'not valid JSON (CommaExpected)', severity: 'error' }]);
  });
});
