import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { parsePage } from '../../../src/core/corpus/parsePage';
import { loadCorpus } from '../../../src/core/corpus/schema';
import { mergeUserSources } from '../../../src/core/corpus/userCorpus';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

/**
 * Runs one call under test. No time limit here: tests assert behaviour, and speed bounds (a hang, a
 * catastrophic regex) are the benchmark's to hold (`npm run bench`); mocha's timeout still stops a hang.
 */
function timed<T>(work: () => T): T {
  return work();
}

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '__proto__', 'constructor', 'prototype', '.*+?^${}()|[]\\', '(a+)+$', '\r\n', '·', '  • 3 authors', 'Jan 1, 2024 9', 'Feb 30', '<script>alert(1)</script>'),
  fc.string({ maxLength: 50 }),
);

describe('fuzzing: random and mutated input never throws, hangs or corrupts', function () {
  this.timeout(120000);
  const pages = readPages();
  const { corpus } = buildCorpus(pages, DEFAULT_TOPICS);
  const index = PaperIndex.build(corpus.papers);
  const sample = pages[1].text;

  it('the page parser on random text and on mutated real pages', () => {
    fc.assert(
      fc.property(fc.array(nasty, { maxLength: 40 }), (parts) => {
        const result = timed(() => parsePage(parts.join('\n'), 'fuzz.txt'));
        for (const paper of result.papers) assert.equal(typeof paper.title, 'string');
        for (const diagnostic of result.diagnostics) assert.equal(diagnostic.file, 'fuzz.txt');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(sample.length), fc.nat(400), nasty, (at, cut, insert) => {
        const text = sample.slice(0, at) + insert + sample.slice(at + cut);
        const result = timed(() => parsePage(text, 'p.txt'));
        assert.ok(result.papers.length + result.diagnostics.length > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('the parser on a 1 MB title and on lines without end', () => {
    const huge = 'x'.repeat(1 << 20);
    const result = timed(() => parsePage(`${huge}\n\n${huge}\n`, 'huge.txt'));
    assert.ok(result.diagnostics.length > 0 || result.papers.length > 0);
    timed(() => parsePage(`Title\n\n${'word '.repeat(200000)}\n`, 'long.txt'));
  });

  it('the schema loader on random JSON values and mutated corpus files', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = timed(() => loadCorpus(value, 'fuzz.json'));
        assert.ok(Array.isArray(result.corpus.papers));
      }),
      { numRuns: 300 },
    );
    const json = JSON.stringify({ version: 1, topics: corpus.topics, papers: corpus.papers.slice(0, 5) });
    fc.assert(
      fc.property(fc.nat(json.length), fc.nat(50), nasty, (at, cut, insert) => {
        const text = json.slice(0, at) + insert + json.slice(at + cut);
        const merged = timed(() => mergeUserSources(corpus.papers.slice(0, 3), [{ file: 'm.json', text }], DEFAULT_TOPICS));
        assert.ok(merged.papers.length >= 3);
      }),
      { numRuns: 300 },
    );
    const proto = JSON.parse('{"version":1,"papers":[{"__proto__":{"polluted":true},"id":"x"}],"__proto__":{"polluted":true}}');
    loadCorpus(proto, 'proto.json');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('search on random queries, and the index is unchanged afterwards', () => {
    const before = index.search('quantization', { limit: 10 }).map((result) => result.paper.id);
    fc.assert(
      fc.property(fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 80 })), fc.integer({ min: -5, max: 50 }), (query, limit) => {
        const results = timed(() => index.search(query, { limit }));
        assert.ok(results.length <= Math.max(0, limit));
        for (const result of results) assert.ok(Number.isFinite(result.score));
        const completions = timed(() => index.complete(query, limit));
        assert.ok(completions.length <= Math.min(50, Math.max(0, limit)));
      }),
      { numRuns: 500 },
    );
    // Filters with random values, and random words after them.
    const filterValue = fc.oneof(nasty, fc.constantFrom('2024', '>3', '2024-13', '"mixture of experts', 'peft', 'date', ''));
    fc.assert(
      fc.property(fc.constantFrom('topic', 'year', 'after', 'before', 'upvotes', 'org', 'sort', 'venue'), filterValue, fc.string({ maxLength: 30 }), (name, value, rest) => {
        const outcome = timed(() => index.find(`${name}:${value} ${rest}`, { limit: 10 }));
        assert.ok(outcome.results.length <= 10);
        for (const problem of outcome.problems) assert.ok(problem.message.length > 0 && problem.message.length < 2000);
      }),
      { numRuns: 300 },
    );
    timed(() => index.search('a'.repeat(1 << 16)));
    timed(() => index.complete('a'.repeat(1 << 16)));
    timed(() => index.search('quantization '.repeat(2000)));
    assert.deepEqual(index.search('quantization', { limit: 10 }).map((result) => result.paper.id), before);
  });
});
