import assert from 'node:assert/strict';
import { asciiFold, readableAbstract, readableTitle } from '../../../src/core/citations/latexText';

describe('readableTitle', () => {
  const cases: [string, string][] = [
    ['S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity', 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity'],
    ['HyperZ$\\cdot$Z$\\cdot$W Operator Connects Slow-Fast Networks', 'HyperZ·Z·W Operator Connects Slow-Fast Networks'],
    ['recovers 93\\% of the Transformer', 'recovers 93% of the Transformer'],
    ['parameterized by a positive scalar {\\alpha}, is less likely', 'parameterized by a positive scalar α, is less likely'],
    ['decreases at rate O(1/{\\alpha}^2)', 'decreases at rate O(1/α^2)'],
    ['$\\mathcal{O}(1/{\\alpha}^2)$ and $x_{ij}$ and $W^{T}$', 'O(1/α²) and xᵢⱼ and Wᵀ'],
    ['Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law', 'Predictable Scale: Part I – Optimal Hyperparameter Scaling Law'],
    ['Schr\\"{o}dinger and Caf\\\'e and \\c{c}a', 'Schrödinger and Café and ça'],
    ['A \\& B, {Stray} braces} and \\textbf{bold}', 'A & B, Stray braces and bold'],
    ['  spaced \n out~here ', 'spaced out here'],
  ];
  for (const [raw, readable] of cases) {
    it(`${JSON.stringify(raw.slice(0, 40))} reads ${JSON.stringify(readable.slice(0, 40))}`, () => {
      assert.equal(readableTitle(raw), readable);
    });
  }

  it('leaves a title without LaTeX unchanged', () => {
    const title = "Let's Make Block Coordinate Descent Converge Faster: Faster Greedy Rules, Message-Passing";
    assert.equal(readableTitle(title), title);
  });
});

describe('asciiFold', () => {
  it('lowercases, removes diacritics and punctuation, reads superscripts as digits', () => {
    assert.equal(asciiFold('S²FT:'), 's2ft');
    assert.equal(asciiFold('Schrödinger-Café'), 'schrodingercafe');
    assert.equal(asciiFold('α-β'), 'alphabeta');
  });
});

describe('readableAbstract', () => {
  it('renders inline math and escapes, and repairs the site\'s mangled dash entities', () => {
    assert.equal(readableAbstract('reaches 93\\% with S$^{2}$FT'), 'reaches 93% with S²FT');
    assert.equal(readableAbstract('several componentsx2013such as weights'), 'several components–such as weights');
    assert.equal(readableAbstract('a box 0x2013 wide and https://x.io/a_b'), 'a box 0x2013 wide and https://x.io/a_b');
  });
});
