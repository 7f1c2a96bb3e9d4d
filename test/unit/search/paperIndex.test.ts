import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { makeSnippet } from '../../../src/core/search/snippet';
import { stem } from '../../../src/core/search/terms';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { KNOWN_ITEMS } from './knownItems';

describe('search', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const index = PaperIndex.build(corpus.papers);

  it('finds the paper a user means for at least 50 known-item queries (hit@1 >= 0.85, MRR@10 >= 0.9)', () => {
    assert.ok(KNOWN_ITEMS.length >= 50);
    let hits = 0;
    let reciprocal = 0;
    const misses: string[] = [];
    for (const item of KNOWN_ITEMS) {
      const targets = corpus.papers.filter((paper) => paper.title.startsWith(item.title));
      assert.equal(targets.length, 1, `known item "${item.title}" names exactly one paper`);
      const rank = index.search(item.query, { limit: 10 }).findIndex((result) => result.paper.id === targets[0].id);
      if (rank === 0) hits++;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
      if (rank !== 0) misses.push(`  ${item.kind}: "${item.query}" -> rank ${rank < 0 ? '>10' : rank + 1}`);
    }
    const hitAt1 = hits / KNOWN_ITEMS.length;
    const mrr = reciprocal / KNOWN_ITEMS.length;
    console.log(`      known items: ${KNOWN_ITEMS.length}, hit@1 ${hitAt1.toFixed(3)}, MRR@10 ${mrr.toFixed(3)}${misses.length ? `\n      not first:\n    ${misses.join('\n    ')}` : ''}`);
    assert.ok(hitAt1 >= 0.85, `hit@1 ${hitAt1}`);
    assert.ok(mrr >= 0.9, `MRR@10 ${mrr}`);
  });

  it('ranks a paper first by its citation key and by its id', () => {
    const galore = corpus.papers.find((paper) => paper.title.startsWith('GaLore:'))!;
    assert.equal(index.search(galore.key)[0].paper.id, galore.id);
    assert.equal(index.search(galore.id)[0].paper.id, galore.id);
  });

  it('gives each result a snippet of the abstract around the match', () => {
    const [first] = index.search('speculative decoding');
    assert.ok(first.snippet.length <= 165, first.snippet);
    assert.match(first.snippet.toLowerCase(), /speculative/);
  });

  it('filters by topic and respects the limit', () => {
    const results = index.search('language models', { topic: 'Quantization', limit: 5 });
    assert.equal(results.length, 5);
    for (const result of results) assert.ok(result.paper.topics.includes('Quantization'));
  });

  it('returns nothing for an empty or stopword-only query, and never throws on odd input', () => {
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   '), []);
    assert.deepEqual(index.search('the of and'), []);
    for (const odd of ['(', '[a-z]+*', '\\', '$^{2}$', '__proto__', 'constructor', '\u0000', '\ud800']) assert.doesNotThrow(() => index.search(odd));
  });

  it('finds related papers, never the paper itself', () => {
    const galore = corpus.papers.find((paper) => paper.title.startsWith('GaLore:'))!;
    const related = index.related(galore.id, 5);
    assert.equal(related.length, 5);
    assert.ok(related.every((result) => result.paper.id !== galore.id));
    assert.ok(related.some((result) => result.paper.title.startsWith('From GaLore to WeLore')));
  });

  it('round-trips through toJSON and load', () => {
    const loaded = PaperIndex.load(index.toJSON(), corpus.papers);
    assert.deepEqual(loaded.search('quantization').map((r) => r.paper.id), index.search('quantization').map((r) => r.paper.id));
  });

  it('stems so word forms meet, and leaves acronyms alone', () => {
    assert.equal(stem('quantization'), stem('quantized'));
    assert.equal(stem('quantizing'), stem('quantized'));
    assert.equal(stem('moe'), 'moe');
    assert.equal(stem('models'), 'model');
  });

  it('cuts snippets at word boundaries with ellipses', () => {
    const text = 'alpha '.repeat(50) + 'needle ' + 'omega '.repeat(50);
    const snippet = makeSnippet(text, ['needle'], 80);
    assert.match(snippet, /^….*needle.*…$/);
    assert.match(snippet, /^…alpha (alpha )*needle (omega )*omega…$/, 'starts and ends on whole words');
  });
});
