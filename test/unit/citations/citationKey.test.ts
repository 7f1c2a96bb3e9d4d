import assert from 'node:assert/strict';
import { assignCitationKeys, baseCitationKey } from '../../../src/core/citations/citationKey';
import { REAL_TITLE_KEYS } from './fixtures';

describe('baseCitationKey', () => {
  for (const [title, published, key] of REAL_TITLE_KEYS) {
    it(`${key} for "${title.slice(0, 50)}"`, () => {
      assert.equal(baseCitationKey(title, published), key);
    });
  }

  it('is lowercase ASCII letters and digits, then the year or _nd', () => {
    for (const [title, published] of REAL_TITLE_KEYS) {
      assert.match(baseCitationKey(title, published), /^[a-z0-9]+(\d{4}|_nd)$/);
    }
  });

  it('strips diacritics and spells out Greek letters', () => {
    assert.equal(baseCitationKey('Schrödinger Bridges for Diffusion', '2022-01-01'), 'schrodinger2022');
    assert.equal(baseCitationKey('Schr\\"{o}dinger Bridges', null), 'schrodinger_nd');
    assert.equal(baseCitationKey('{\\alpha}-Entmax: Sparse Attention', null), 'alphaentmax_nd');
  });

  it('takes only the year of a date and falls back to "paper" for a title without words', () => {
    assert.equal(baseCitationKey('Neural Metamorphosis', '2024-10-10'), 'neural2024');
    assert.equal(baseCitationKey('Neural Metamorphosis', '2024'), 'neural2024');
    assert.equal(baseCitationKey('$\\cdot$ : ?', null), 'paper_nd');
  });
});

describe('assignCitationKeys', () => {
  // Real titles and dates from the bundled pages (three "Efficient ..." papers, two about GaLore).
  const papers = [
    { title: 'Efficient Prompt Tuning by Multi-Space Projection and Prompt Fusion', published: null },
    { title: 'GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection', published: null },
    { title: 'Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories', published: '2023-10-16' },
    { title: 'Efficient Arbitrary Precision Acceleration for Large Language Models on GPU Tensor Cores', published: null },
    { title: 'From GaLore to WeLore: How Low-Rank Weights Non-uniformly Emerge from Low-Rank Gradients', published: null },
  ];

  it('keeps input order and suffixes clashes a, b, ... like BibTeX tools', () => {
    assert.deepEqual(assignCitationKeys(papers), ['efficient_nd', 'galore_nd', 'efficient2023', 'efficient_nda', 'galore_nda']);
  });

  it('never hands out a taken key, and keeps earlier keys when papers are added', () => {
    const bundled = assignCitationKeys(papers.slice(0, 3));
    const added = assignCitationKeys(papers.slice(3), bundled);
    assert.deepEqual(bundled, ['efficient_nd', 'galore_nd', 'efficient2023']);
    assert.deepEqual(added, ['efficient_nda', 'galore_nda']);
    assert.deepEqual([...bundled, ...added], assignCitationKeys(papers));
  });

  it('goes past z to aa and stays unique', () => {
    const many = Array.from({ length: 30 }, () => ({ title: 'Efficient Things', published: '2024-01-01' }));
    const keys = assignCitationKeys(many);
    assert.equal(new Set(keys).size, 30);
    assert.deepEqual(keys.slice(0, 3), ['efficient2024', 'efficient2024a', 'efficient2024b']);
    assert.equal(keys[26], 'efficient2024z');
    assert.deepEqual(keys.slice(27), ['efficient2024aa', 'efficient2024ab', 'efficient2024ac']);
  });

  it('skips a suffixed key that is already taken', () => {
    assert.deepEqual(assignCitationKeys(papers.slice(2, 3), ['efficient2023', 'efficient2023a']), ['efficient2023b']);
  });
});
