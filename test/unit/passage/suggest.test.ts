import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractPassage } from '../../../src/core/passage/extractPassage';
import { buildPassageQuery } from '../../../src/core/passage/passageQuery';
import { passageWords } from '../../../src/core/passage/passageWords';
import { completionOrder, matchedWords, orderByRelevance, suggestPapers } from '../../../src/core/passage/suggest';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import type { Paper } from '../../../src/core/types';
import { HELD_OUT_PASSAGES } from '../../../evaluation/passage/heldOutPassages';
import { MORE_TUNING_PASSAGES } from '../../../evaluation/passage/moreTuningPassages';
import { measure, type Quality } from '../../../evaluation/passage/quality';
import { TUNING_PASSAGES } from '../../../evaluation/passage/tuningPassages';
import { WRITERS_PASSAGES } from '../../../evaluation/passage/writersPassages';
import { SPLIT_SEED, splitHalves } from '../../../evaluation/split';

describe('passage suggestions', () => {
  const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
  const engine = PaperIndex.build(papers);
  const byKey = (key: string): Paper => papers.find((paper) => paper.key === key) as Paper;

  it('weighs words near the cursor more, counts spellings of one term once, and keeps at most 24 words', () => {
    const words = 'alpha beta gamma quantized delta quantization'.split(' ').map((word, index) => ({ word, offset: index * 10, sentence: 0, joined: false }));
    const query = buildPassageQuery(words, 35);
    assert.equal(query.words[0], 'quantized', 'the term next to the cursor (said twice) weighs most');
    assert.ok((query.wordWeights.get('quantized') as number) > (query.wordWeights.get('alpha') as number));
    assert.equal(query.wordWeights.get('quantization'), query.wordWeights.get('quantized'));
    assert.ok(query.text.endsWith(' '), 'no word is taken as half-typed');
    const many = Array.from({ length: 60 }, (_, index) => ({ word: `word${index}x`, offset: index * 8, sentence: 0, joined: false }));
    assert.equal(buildPassageQuery(many, 0).words.length, 24);
    assert.deepEqual([...new Set(buildPassageQuery(many, null).wordWeights.values())], [1], 'a selection weighs every word the same');
  });

  // Floors set from the held-out figures: the first held-out set measured .946 (.930 before issue 23),
  // the held-out half of the writers' passages .983 (.988 before); both halves of a set share its floor.
  // Misses are listed for the tuning sets only, so the held-out ones are not tuned on by reading them here.
  // The passages written later for tuning (2026-12-06) measured 1.000 / 1.000 when written (baseline .662 / .800).
  const writers = splitHalves(WRITERS_PASSAGES);
  for (const [name, passages, floors, heldOut] of [
    ['tuning', TUNING_PASSAGES, { mrr: 0.94, hit: 1, margin: 0.1 }, false],
    ['later tuning', MORE_TUNING_PASSAGES, { mrr: 0.98, hit: 1, margin: 0.1 }, false],
    ['held-out', HELD_OUT_PASSAGES, { mrr: 0.94, hit: 1, margin: 0.1 }, true],
    [`writers' tuning-half (seed ${SPLIT_SEED})`, writers.tuning, { mrr: 0.98, hit: 1, margin: 0 }, false],
    [`writers' held-out-half (seed ${SPLIT_SEED})`, writers.heldOut, { mrr: 0.98, hit: 1, margin: 0 }, true],
  ] as const) {
    it(`finds the paper a ${name} passage is about, no worse than pasting the passage into search (and by the margin better)`, async () => {
      assert.ok(passages.length >= 25);
      const { suggestion, baseline } = await measure(engine, passages);
      const line = (label: string, quality: Quality): string => `${label} MRR@10 ${quality.mrr.toFixed(3)}, hit@5 ${quality.hitAt5.toFixed(3)}`;
      console.log(`      ${name} passages: ${passages.length}; ${line('suggestion', suggestion)}; ${line('baseline (whole passage pasted)', baseline)}`);
      const misses = passages.filter((_, index) => suggestion.ranks[index] !== 0).map((passage) => passage.target);
      if (misses.length && !heldOut) console.log(`      not first: ${misses.join(', ')}`);
      assert.ok(suggestion.mrr >= floors.mrr, `MRR@10 ${suggestion.mrr}`);
      assert.ok(suggestion.hitAt5 >= floors.hit, `hit@5 ${suggestion.hitAt5}`);
      assert.ok(suggestion.mrr >= baseline.mrr + floors.margin, `at least ${floors.margin} better than the baseline`);
      assert.ok(suggestion.hitAt5 >= baseline.hitAt5);
    });
  }

  it('never takes function words or fillers for key words, weighs the cursor\'s sentence more, and keeps phrases together', () => {
    const text = 'Quantization to int8 comes first. Pruning attention heads whose importance score is below the threshold barely hurts accuracy‸. Distillation is later.';
    const at = text.indexOf('‸');
    const passage = extractPassage(text.replace('‸', ''), 'markdown', at);
    assert.ok(passage);
    const words = passageWords(passage);
    for (const filler of ['whose', 'barely', 'hurts']) assert.ok(!words.some((word) => word.word === filler), filler);
    const query = buildPassageQuery(words, at);
    for (const stopword of ['is', 'the', 'to', 'below']) assert.ok(!query.words.includes(stopword), stopword);
    const weight = (word: string): number => query.wordWeights.get(word) as number;
    assert.ok(weight('threshold') > weight('quantization') && weight('threshold') > weight('distillation'), 'the cursor\'s sentence weighs more than its neighbours');
    assert.equal(weight('attention'), weight('heads'), 'a phrase weighs as one');
    assert.deepEqual(query.phrases.slice(0, 2), [['Pruning', 'attention'], ['attention', 'heads']]);
  });

  it('lists as key words only the passage words the first results matched, a phrase as one', async () => {
    const text = 'We project gradients to a low-rank subspace to save optimizer memory, whose states zorblax.';
    const found = await suggestPapers(engine, { text, languageId: 'markdown', cursor: text.length }, 5);
    assert.ok(found);
    assert.ok(found.query.words.includes('zorblax'), 'an unknown word is in the query...');
    assert.ok(!found.keyWords.some((word) => word.includes('zorblax')), '...but drives nothing, so it is not a key word');
    assert.ok(found.keyWords.includes('optimizer memory') || (found.keyWords.includes('optimizer') && found.keyWords.includes('memory')), found.keyWords.join(', '));
    const top = found.results.slice(0, 5);
    for (const word of found.keyWords.flatMap((phrase) => phrase.split(' '))) assert.ok(top.some((result) => matchedWords(result, found.query).includes(word)), word);
  });

  it('says which words of the passage a suggestion matched', async () => {
    const text = 'We project gradients to a low-rank subspace to save optimizer memory.';
    const found = await suggestPapers(engine, { text, languageId: 'markdown', cursor: text.length }, 3);
    assert.ok(found);
    assert.equal(found.results[0].paper.key, 'galore');
    const matched = matchedWords(found.results[0], found.query);
    for (const word of ['gradients', 'memory', 'optimizer']) assert.ok(matched.includes(word), `${word} in ${matched.join(' ')}`);
  });

  it('orders completions by relevance to the passage, the keys it already cites last', async () => {
    const text = 'Quantization to 4 bits \\cite{awq2023} keeps salient channels; for vector codebooks see \\cite{';
    const order = await completionOrder(engine, papers, { text, languageId: 'latex', cursor: text.length });
    assert.equal(order.length, papers.length);
    assert.equal(new Set(order.map((paper) => paper.id)).size, papers.length, 'every paper once');
    assert.equal(order[order.length - 1].key, 'awq2023', 'the key already cited comes last');
    const first = order.slice(0, 5).map((paper) => paper.key);
    assert.ok(first.includes('vptq2024'), first.join(' '));
    assert.ok(order.slice(0, 10).every((paper) => paper.topics.includes('Quantization') || /quantiz/i.test(paper.abstract)), 'relevant papers first');
  });

  it('keeps the given order among papers the passage says nothing about', () => {
    const [a, b, c] = [byKey('awq2023'), byKey('galore'), byKey('lora_full_finetuning')];
    assert.deepEqual(orderByRelevance([a, b, c], [], new Set()).map((paper) => paper.key), ['awq2023', 'galore', 'lora_full_finetuning']);
    assert.deepEqual(orderByRelevance([a, b, c], [{ paper: c, score: 1, snippet: '', terms: [] }], new Set(['awq2023'])).map((paper) => paper.key), ['lora_full_finetuning', 'galore', 'awq2023']);
  });
});
