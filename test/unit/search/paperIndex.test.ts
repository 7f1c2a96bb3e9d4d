import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { DEFAULT_TUNING, PaperIndex } from '../../../src/core/search/paperIndex';
import { planQuery } from '../../../src/core/search/queryPlan';
import { makeSnippet } from '../../../src/core/search/snippet';
import { comparativeBase, compoundWords, shortName, stem, tokenize } from '../../../src/core/search/terms';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { paperByTitle } from '../../../evaluation/search/measure';

describe('search engine (MiniSearch underneath)', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const ids = (query: string, options = {}): string[] => index.search(query, options).map((result) => result.paper.id);
  const galore = paperByTitle(papers, 'GaLore:');

  it('knows its papers by id and counts them', () => {
    assert.equal(index.size, papers.length);
    assert.equal(index.get(galore.id), galore);
    assert.equal(index.get('no-such-paper'), undefined);
    assert.ok(index.vocabularySize > 1000);
  });

  it('gives each result a snippet of the abstract around the match and the terms it matched', () => {
    const [first] = index.search('speculative decoding');
    assert.ok(first.snippet.length <= 165, first.snippet);
    assert.match(first.snippet.toLowerCase(), /speculative/);
    assert.ok(first.terms.includes(stem('speculative')) && first.terms.includes(stem('decoding')), first.terms.join(' '));
  });

  it('filters by the topic option and respects the limit', () => {
    const results = index.search('language models', { topic: 'Quantization', limit: 5 });
    assert.equal(results.length, 5);
    for (const result of results) assert.ok(result.paper.topics.includes('Quantization'));
    assert.equal(index.search('language models', { limit: 3 }).length, 3);
    assert.deepEqual(index.search('language models', { limit: 0 }), []);
  });

  it('returns nothing for an empty or stopword-only query, and never throws on odd input', () => {
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   '), []);
    assert.deepEqual(index.search('the of and '), []);
    for (const odd of ['(', '[a-z]+*', '\\', '$^{2}$', '__proto__', 'constructor', 'hasOwnProperty', '\u0000', '\ud800', 'topic:', '"']) assert.doesNotThrow(() => index.search(odd));
  });

  it('weighs query words by wordWeights (keyed as typed, lower-cased): the heavier word decides the top', () => {
    const query = 'speculative decoding pruning ';
    const towardDecoding = index.search(query, { wordWeights: new Map([['speculative', 3], ['decoding', 3]]) })[0].paper;
    const towardPruning = index.search(query, { wordWeights: new Map([['pruning', 3]]) })[0].paper;
    assert.match(towardDecoding.title, /Speculative/);
    assert.doesNotMatch(towardPruning.title, /Speculative/);
    assert.match(`${towardPruning.title} ${towardPruning.abstract}`, /prun/i);
  });

  it('finds related papers by more-like-this, never the paper itself', () => {
    const related = index.related(galore.id, 5);
    assert.equal(related.length, 5);
    assert.ok(related.every((result) => result.paper.id !== galore.id));
    assert.ok(related.some((result) => result.paper.title.startsWith('From GaLore to WeLore')));
    assert.deepEqual(index.related('no-such-paper'), []);
    assert.deepEqual(index.related(galore.id, 0), []);
  });

  it('completes for citation completion: the key first, then keys, then title words; at most 50', () => {
    const prune = index.complete('prun');
    assert.ok(prune.length > 3 && prune.length <= 50);
    assert.equal(prune[0].paper.key, 'prune_exploring_efficacy2017', 'the key starting with the text comes first');
    assert.ok(prune.slice(1).some((result) => /prun/i.test(result.paper.title)), 'papers found by a title word follow');
    assert.equal(index.complete(galore.key)[0].paper.id, galore.id);
    assert.equal(index.complete('s2ft')[0].paper.title.startsWith('S$^{2}$FT'), true, 'a short name');
    assert.equal(index.complete('speculative deco').length > 0, true);
    assert.ok(index.complete('model').length <= 50);
    assert.equal(index.complete('model', 500).length, 50);
    assert.deepEqual(index.complete('   '), []);
  });

  it('stems so inflections and derivations meet, and leaves acronyms and words with digits alone', () => {
    assert.equal(stem('quantization'), stem('quantized'));
    assert.equal(stem('quantizing'), stem('quantized'));
    for (const [a, b] of [['prune', 'pruning'], ['pruned', 'prunes'], ['compress', 'compression'], ['image', 'images'], ['transformer', 'transformers'], ['llm', 'llms']]) assert.equal(stem(a), stem(b), `${a} ~ ${b}`);
    assert.notEqual(stem('smaller'), stem('small'), 'a comparative is its own term (the query adds its adjective, at a lower weight)');
    assert.equal(comparativeBase('smaller'), 'small');
    assert.equal(comparativeBase('bigger'), 'big');
    assert.equal(comparativeBase('easier'), 'easy');
    assert.equal(comparativeBase('larger'), 'large');
    assert.equal(comparativeBase('layer'), undefined);
    assert.equal(comparativeBase('paper'), undefined);
    assert.equal(stem('moe'), 'moe');
    assert.equal(stem('models'), 'model');
    assert.equal(stem('4bit'), '4bit');
    const long = 'x'.repeat(100000);
    assert.equal(stem(long), long, 'a word far longer than English ones is kept, in linear time');
  });

  it('keeps hyphenated words also written as one, and finds them either way', () => {
    assert.deepEqual(compoundWords('non-zero weights, training-free (post-training) state-of-the-art x-'), ['nonzero', 'trainingfree', 'posttraining']);
    const nonzero = index.search('nonzero weights', { limit: 50 }).map((result) => result.paper.id);
    const hyphen = papers.filter((paper) => /non-zero/i.test(paper.abstract)).map((paper) => paper.id);
    assert.ok(hyphen.length > 0 && hyphen.every((id) => nonzero.includes(id)), 'a paper writing "non-zero" is found by "nonzero"');
    const plan = planQuery('sparse non zero weights ', index.vocabulary, DEFAULT_TUNING, { typing: false });
    const joined = plan.leaves.find((leaf) => leaf.term === stem('nonzero'));
    assert.ok(joined && joined.words.length === 2, 'two neighbouring words written as one stand for both');
    assert.equal(joined.notInCompounds, true, 'the joined form is not looked for among hyphenated words, which match word by word');
    const apart = index.search('non zero weights', { limit: 50 }).map((result) => result.paper.id);
    assert.ok(hyphen.every((id) => apart.includes(id)), 'a paper writing "non-zero" is found by "non zero"');
    const everywhere = planQuery('sparse non zero weights ', index.vocabulary, { ...DEFAULT_TUNING, joinedFormInCompounds: true }, { typing: false });
    assert.equal(everywhere.leaves.find((leaf) => leaf.term === stem('nonzero'))?.notInCompounds, undefined);
  });

  it('reaches the "-free" and "post-" forms of a negated word, and the adjective of a comparative', () => {
    const terms = (query: string): string[] => planQuery(query, index.vocabulary, DEFAULT_TUNING, { typing: false }).leaves.map((leaf) => leaf.term);
    assert.ok(terms('quantize without retraining ').includes(stem('trainingfree')));
    assert.ok(terms('quantize without retraining ').includes(stem('posttraining')));
    assert.ok(!terms('quantize with retraining ').includes(stem('trainingfree')), 'only a negated word');
    assert.ok(terms('a smaller model ').includes(stem('small')));
  });

  it('tokenizes on punctuation but keeps a citation key whole, and reads short names', () => {
    assert.deepEqual(tokenize('LQ-LoRA: low-rank (2023) galore_nd _x_'), ['LQ', 'LoRA', 'low', 'rank', '2023', 'galore_nd', 'x']);
    assert.equal(shortName('S$^{2}$FT: Efficient, Scalable'), 's2ft');
    assert.equal(shortName('LQ-LoRA: Low-rank plus'), 'lqlora');
    assert.equal(shortName('No colon here'), '');
  });

  it('cuts snippets at word boundaries with ellipses', () => {
    const text = 'alpha '.repeat(50) + 'needle ' + 'omega '.repeat(50);
    const snippet = makeSnippet(text, ['needle'], 80);
    assert.match(snippet, /^….*needle.*…$/);
    assert.match(snippet, /^…alpha (alpha )*needle (omega )*omega…$/, 'starts and ends on whole words');
  });

  it('over the postings budget, looks for a term most papers hold in titles only (titleOnlyShare), and in every field without the rule', () => {
    const common = stem('model');
    assert.ok(index.vocabulary.papersWithTerm(common) > 0.5 * index.size, 'the premise: most papers hold "model"');
    const inTitle = (paper: { title: string }): boolean => tokenize(paper.title).some((word) => stem(word.toLowerCase()) === common);
    // A budget of 1 posting sends every query through the two passes of `rankPlan`.
    const matchedCommon = (titleOnlyShare: number) => index.search('model quantization', { limit: 50, tuning: { postingsBudget: 1, titleOnlyShare } }).filter((result) => result.terms.includes(common));
    const shipped = matchedCommon(DEFAULT_TUNING.titleOnlyShare);
    assert.ok(shipped.length > 0 && shipped.every((result) => inTitle(result.paper)), shipped.map((result) => result.paper.title).join(' | '));
    assert.ok(matchedCommon(Number.POSITIVE_INFINITY).some((result) => !inTitle(result.paper)), 'without the rule, "model" is matched in abstracts too');
  });

  it('answers the same after a search as before (no state leaks between queries)', () => {
    const before = ids('quantization', { limit: 10 });
    ids('topic:quantization year:2024 sort:date');
    ids('speculativ decodng');
    index.complete('gal');
    assert.deepEqual(ids('quantization', { limit: 10 }), before);
  });
});
