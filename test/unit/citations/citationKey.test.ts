import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignCitationKeys, baseCitationKey, type KeyRequest } from '../../../src/core/citations/citationKey';
import { assignIds } from '../../../src/core/corpus/slug';
import { REAL_TITLE_KEYS } from './fixtures';

const request = (title: string, published: string | null = null, claimed?: string): KeyRequest => ({
  identity: title.toLowerCase(), title, published, ...(claimed === undefined ? {} : { claimed }),
});

describe('baseCitationKey', () => {
  for (const [title, published, key] of REAL_TITLE_KEYS) {
    it(`${key} for "${title.slice(0, 50)}"`, () => {
      assert.equal(baseCitationKey(title, published), key);
    });
  }

  it('is lowercase ASCII words joined by _, then the year; never an _nd tail', () => {
    for (const [title, published] of REAL_TITLE_KEYS) {
      const key = baseCitationKey(title, published);
      assert.match(key, /^[a-z0-9]+(_[a-z0-9]+)*$/);
      assert.ok(!key.endsWith('_nd'), key);
      assert.equal(key.endsWith(published?.slice(0, 4) ?? 'no year'), published !== null, key);
    }
  });

  it('strips diacritics and spells out Greek letters', () => {
    assert.equal(baseCitationKey('Schrödinger Bridges for Diffusion', '2022-01-01'), 'schrodinger_bridges2022');
    assert.equal(baseCitationKey('Schr\\"{o}dinger: Bridges', null), 'schrodinger');
    assert.equal(baseCitationKey('{\\alpha}-Entmax: Sparse Attention', null), 'alphaentmax');
  });

  it('takes only the year of a date, puts _ between a digit and the year, and falls back to "paper"', () => {
    assert.equal(baseCitationKey('Neural Metamorphosis', '2024-10-10'), 'neural_metamorphosis2024');
    assert.equal(baseCitationKey('Neural Metamorphosis', '2024'), 'neural_metamorphosis2024');
    assert.equal(baseCitationKey('CodeGen2: Lessons for Training LLMs', '2023-05-03'), 'codegen2_2023');
    assert.equal(baseCitationKey('$\\cdot$ : ?', null), 'paper');
    assert.equal(baseCitationKey('$\\cdot$ : ?', '2020-01-01'), 'paper2020');
  });

  it('keeps keys short: at most three words of at most 24 letters each', () => {
    const key = baseCitationKey(`${'Long'.repeat(20)} ${'Word'.repeat(10)} Third Fourth`, null);
    assert.equal(key, `${'long'.repeat(6)}_${'word'.repeat(6)}`);
  });
});

describe('assignCitationKeys', () => {
  // Real titles and dates from the bundled pages (three "Efficient ..." papers, two about GaLore).
  const papers = [
    request('Efficient Prompt Tuning by Multi-Space Projection and Prompt Fusion'),
    request('GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection'),
    request('Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories', '2023-10-16'),
    request('Efficient Arbitrary Precision Acceleration for Large Language Models on GPU Tensor Cores'),
    request('From GaLore to WeLore: How Low-Rank Weights Non-uniformly Emerge from Low-Rank Gradients'),
  ];

  it('gives distinct papers readable keys that tell them apart', () => {
    assert.deepEqual(assignCitationKeys(papers).keys, ['efficient_prompt_tuning', 'galore', 'efficient_dataset2023', 'efficient_arbitrary', 'galore_welore_lowrank']);
  });

  it('tells clashing papers apart by their next title words, in an order that does not depend on the input', () => {
    const clashing = [
      request('LoRA: Low-Rank Adaptation of Large Language Models', '2021-06-17'),
      request('LoRA: Learning to Rank', '2021-02-01'),
      request('LoRA: Low-Rank Adaptation Revisited', '2021-09-09'),
    ];
    // The base key goes to the first paper by normalised title; the others take their next words.
    const keys = assignCitationKeys(clashing).keys;
    assert.deepEqual(keys, ['lora_lowrank2021', 'lora2021', 'lora_lowrank_adaptation2021']);
    assert.deepEqual(assignCitationKeys([...clashing].reverse()).keys, [...keys].reverse());
  });

  it('falls back to letters after the year (or after _ without one) when the words run out', () => {
    const same = Array.from({ length: 30 }, (_item, index) => ({ identity: `t${String(index).padStart(2, '0')}`, title: 'Efficient Things', published: '2024-01-01' }));
    const keys = assignCitationKeys(same).keys;
    assert.equal(new Set(keys).size, 30);
    assert.deepEqual(keys.slice(0, 3), ['efficient_things2024', 'efficient_things2024b', 'efficient_things2024c']);
    assert.equal(keys[25], 'efficient_things2024z');
    assert.deepEqual(keys.slice(26), ['efficient_things2024aa', 'efficient_things2024ab', 'efficient_things2024ac', 'efficient_things2024ad']);
    const undated = assignCitationKeys([{ identity: 'a', title: 'Liger: x', published: null }, { identity: 'b', title: 'Liger: x', published: null }]).keys;
    assert.deepEqual(undated, ['liger', 'liger_x']);
  });

  it('never hands out a reserved key to another paper, but lets its own paper take it', () => {
    const reserved = new Map([['galore', 'someone else'], ['efficient_prompt_tuning', papers[0].identity]]);
    const keys = assignCitationKeys(papers.slice(0, 2), { reserved }).keys;
    assert.deepEqual(keys, ['efficient_prompt_tuning', 'galore_memoryefficient']);
  });

  it('gives a paper its earlier key back, and keeps a claimed key unless another paper has it', () => {
    const previous = new Map([[papers[1].identity, 'zhao2024galore']]);
    assert.equal(assignCitationKeys(papers, { previous }).keys[1], 'zhao2024galore');
    const claims = [request('AWQ: Activation-aware Weight Quantization', '2023-06-01'), request('Some Other Paper', '2023-01-01', 'awq2023'), request('Mine', null, 'my_key')];
    const result = assignCitationKeys(claims);
    assert.deepEqual(result.keys, ['awq2023', 'other_paper2023', 'my_key']);
    assert.deepEqual(result.refused, [1]);
  });

  it('hands out unique keys whatever the input order (property)', () => {
    const title = fc.array(fc.constantFrom('Efficient', 'LoRA:', 'Sparse', 'Training', 'of', 'Models', 'GaLore:', 'Deep', 'Low-Rank', 'the'), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    const paper = fc.record({ title, published: fc.option(fc.constantFrom('2023-01-01', '2024-05-05'), { nil: null }), claimed: fc.option(fc.constantFrom('lora2024', 'efficient', 'mine'), { nil: undefined }) });
    fc.assert(fc.property(fc.uniqueArray(paper, { selector: (item) => item.title.toLowerCase(), maxLength: 40 }), fc.nat(), (items, seed) => {
      const requests = items.map((item) => ({ identity: item.title.toLowerCase(), title: item.title, published: item.published, claimed: item.claimed }));
      const keys = assignCitationKeys(requests).keys;
      assert.equal(new Set(keys).size, keys.length);
      const order = requests.map((_item, index) => index).sort((a, b) => ((a * 7919 + seed) % 104729) - ((b * 7919 + seed) % 104729));
      const shuffled = assignCitationKeys(order.map((index) => requests[index])).keys;
      order.forEach((index, position) => assert.equal(shuffled[position], keys[index]));
    }), { numRuns: 300 });
  });

  it('keys 40,000 papers that share one base key, all distinct', () => {
    const many = Array.from({ length: 40000 }, (_item, index) => ({ identity: `efficient things ${String(index).padStart(5, '0')}`, title: 'Efficient Things', published: '2024-01-01' }));
    const keys = assignCitationKeys(many).keys;
    assert.equal(new Set(keys).size, many.length);
    const ids = assignIds(many).ids;
    assert.equal(new Set(ids).size, many.length);
    assert.deepEqual(ids.slice(0, 3), ['efficient-things', 'efficient-things-2', 'efficient-things-3']);
  });
});
