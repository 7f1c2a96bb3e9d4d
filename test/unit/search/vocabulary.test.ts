import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { acronymKey, AcronymMiner } from '../../../src/core/search/acronyms';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { DEFAULT_PLAN_TUNING, planQuery } from '../../../src/core/search/queryPlan';
import { Vocabulary } from '../../../src/core/search/vocabulary';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { stem } from '../../../src/core/search/terms';

describe('search: the vocabulary beside the index, and acronyms mined from abstracts', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const vocabulary = PaperIndex.build(corpus.papers).vocabulary;

  it('mines "Long Name (ACRO)" pairs, singular, skipping roman numerals and LaTeX debris', () => {
    const miner = new AcronymMiner();
    miner.add('We adapt with Low-Rank Adaptation (LoRA) and large language models (LLMs); see stage (II) and \\textbf{P}ositional \\textbf{I}ntegrity (PIE).');
    miner.add('Low-Rank Adaptation (LoRA) again, and a mixture of experts (MoE).');
    assert.deepEqual(miner.result(), { llm: ['large language models'], lora: ['low rank adaptation'], moe: ['mixture of experts'] });
    assert.equal(acronymKey('GNNs'), 'gnn');
    assert.equal(acronymKey('LoRA'), 'lora');
  });

  it('holds the bundled papers\' words and terms with the papers holding them, and their acronyms', () => {
    assert.equal(vocabulary.papers, corpus.papers.length);
    assert.ok(vocabulary.hasWord('quantization') && vocabulary.hasWord('galore'));
    assert.ok(!vocabulary.hasWord('galore_nd'), 'citation keys are not words');
    assert.ok(vocabulary.papersWithTerm(stem('quantization')) > 10);
    assert.equal(vocabulary.papersWithTerm('no-such-term'), 0);
    assert.deepEqual(vocabulary.acronyms.lora, ['low rank adaptation']);
    assert.deepEqual(vocabulary.acronyms.peft, ['parameter efficient fine tuning']);
  });

  it('completes a prefix to the most common words, never the prefix itself, at most as many as asked', () => {
    const completions = vocabulary.completions('quant', 5);
    assert.equal(completions.length, 5);
    assert.ok(completions.every((entry) => entry.word.startsWith('quant') && entry.word !== 'quant'));
    assert.deepEqual(completions.map((entry) => entry.count), completions.map((entry) => entry.count).sort((a, b) => b - a));
    assert.deepEqual(vocabulary.completions('zzzzq', 5), []);
  });

  it('finds typo candidates within the edits allowed, or one swap away, closest first', () => {
    assert.equal(vocabulary.typos('quantizaton', 1, 5)[0].word, 'quantization');
    assert.equal(vocabulary.typos('perceptorn', 1, 5)[0].word, 'perceptron', 'a swap of neighbours is one edit');
    assert.deepEqual(vocabulary.typos('quantization', 0, 5), []);
    assert.ok(vocabulary.typos('quantization', 1, 20).every((entry) => entry.word !== 'quantization' && entry.distance === 1));
  });

  it('round-trips through its JSON and refuses anything else', () => {
    const again = Vocabulary.parse(vocabulary.toJSON());
    assert.equal(again.toJSON(), vocabulary.toJSON());
    assert.throws(() => Vocabulary.parse('[]'), /not a Paper Scout vocabulary/);
    const broken = JSON.parse(vocabulary.toJSON()) as { wordCounts: string };
    assert.throws(() => Vocabulary.parse(JSON.stringify({ ...broken, wordCounts: broken.wordCounts.replace(/,\d+$/, '') })), /counts do not match/);
    assert.throws(() => Vocabulary.parse(JSON.stringify({ ...broken, wordCounts: broken.wordCounts.replace(/^\d+/, 'x') })), /not a whole number/);
  });

  it('expands an acronym to its long form and a long form to its acronym, as data', () => {
    const plan = (query: string): string[] => planQuery(query, vocabulary, DEFAULT_PLAN_TUNING, { typing: false }).leaves.map((leaf) => leaf.term);
    assert.ok(plan('kan').includes('kolmogorov'));
    assert.ok(plan('low rank adaptation').includes('lora'));
    assert.ok(!plan('lora').includes('low'), 'a long-form word held by over a fifth of the papers tells too little to add');
    assert.ok(plan('fewer bits').includes(stem('quantization')), 'the thesaurus: fewer bits means quantization');
    const off = planQuery('kan', vocabulary, { ...DEFAULT_PLAN_TUNING, acronymWeight: 0 }, { typing: false }).leaves.map((leaf) => leaf.term);
    assert.deepEqual(off, ['kan']);
  });
});
