import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asciiFold, readableAbstract, readableText, readableTitle } from '../../../src/core/citations/latexText';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

/** One test per case: `render(raw)` gives `readable`. */
function readsAs(render: (raw: string) => string, cases: readonly [raw: string, readable: string][]): void {
  for (const [raw, readable] of cases) {
    it(`${JSON.stringify(raw.slice(0, 40))} reads ${JSON.stringify(readable.slice(0, 40))}`, () => {
      assert.equal(render(raw), readable);
    });
  }
}

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
  readsAs(readableTitle, cases);

  it('shows unknown commands as written, and never reads names off Object.prototype', () => {
    assert.equal(readableTitle('\\constructor: a paper'), '\\constructor: a paper');
    assert.equal(readableTitle('\\toString and \\__proto__ and \\hasOwnProperty{x}'), '\\toString and __proto__ and \\hasOwnPropertyx');
    assert.equal(readableTitle('\\input{/etc/passwd} \\write18{rm}'), '\\input/etc/passwd \\write18rm');
    assert.equal(asciiFold('constructor __proto__'), 'constructorproto');
  });

  it('renders nesting 100,000 deep without overflowing the stack', () => {
    const depth = 100000;
    const cases = [
      `$${'^{'.repeat(depth)}2${'}'.repeat(depth)}$`,
      `${'\\"{'.repeat(depth)}o${'}'.repeat(depth)}`,
      `${'{'.repeat(depth)}deep${'}'.repeat(depth)}`,
      `${'\\frac{'.repeat(depth)}1${'}'.repeat(depth)}`,
      `$${'_{'.repeat(depth)}`,
    ];
    for (const raw of cases) {
      const text = readableTitle(raw);
      assert.ok(text.length < 200, `${raw.slice(0, 12)}… gave ${text.length} characters`);
    }
    assert.equal(readableTitle(`${'{'.repeat(depth)}deep${'}'.repeat(depth)}`), 'deep');
    assert.equal(readableTitle('$^{^{2}}$'), '^²');
  });

  it('renders any text without throwing, and one bad title leaves the others as they were (property)', () => {
    const piece = fc.constantFrom('\\', '{', '}', '$', '^', '_', '\\"', '\\frac', '\\alpha', '\\constructor', '--', '~', 'a', ' ', 'https://x.io/', '\\c', '\\textbf{');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')), (hostile) => {
      const titles = ['S$^{2}$FT: Efficient', hostile, 'GaLore: Memory-Efficient'];
      const rendered = titles.map(readableTitle);
      assert.deepEqual([rendered[0], rendered[2]], ['S²FT: Efficient', 'GaLore: Memory-Efficient']);
      assert.equal(typeof rendered[1], 'string');
      assert.equal(rendered[1], rendered[1].trim());
    }), { numRuns: 500 });
  });

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

describe('readableText', () => {
  const cases: [string, string][] = [
    ['Structured Sparse Fine-Tuning (S^{2}FT) methods', 'Structured Sparse Fine-Tuning (S²FT) methods'],
    ['is 4times faster on 8timesH100 GPUs and 64{times}64 images, 3.65 times higher', 'is 4× faster on 8×H100 GPUs and 64×64 images, 3.65 times higher'],
    ['sometimes it times out', 'sometimes it times out'],
    ['Code: https://github.com/SKDDJ/LoLDU{https://github.com/SKDDJ/LoLDU}. More', 'Code: https://github.com/SKDDJ/LoLDU. More'],
    ['see https://a.io/x{https://b.io/y} here', 'see https://a.io/xhttps://b.io/y here'],
    ['a bound of Omega(T^{2/3}) and O(epsilon^{-3}) with mathcal{O}(n)', 'a bound of Ω(T^(2/3)) and O(ε⁻³) with O(n)'],
    ['scale to sim30B-sized LLMs; a delta of 3 and delta(x)', 'scale to ~30B-sized LLMs; a delta of 3 and δ(x)'],
    ['several componentsx2013such as weights', 'several components–such as weights'],
    ['2.4\\times speedup and a link https://x.io/~me--you_2', '2.4× speedup and a link https://x.io/~me--you_2'],
  ];
  readsAs(readableText, cases);

  it('leaves none of the site\'s debris in any bundled title or abstract', () => {
    const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
    for (const paper of corpus.papers) {
      for (const text of [paper.title, paper.abstract].map(readableText)) {
        assert.doesNotMatch(text, /\^\{|[{}]|\dtimes|\p{L}x201[349]\p{L}|\$|\\(?:times|cdot|alpha|%)/u, text.slice(0, 80));
      }
    }
  });
});

describe('readableAbstract', () => {
  it('renders inline math and escapes, and repairs the site\'s mangled dash entities', () => {
    assert.equal(readableAbstract('reaches 93\\% with S$^{2}$FT'), 'reaches 93% with S²FT');
    assert.equal(readableAbstract('several componentsx2013such as weights'), 'several components–such as weights');
    assert.equal(readableAbstract('a box 0x2013 wide and https://x.io/a_b'), 'a box 0x2013 wide and https://x.io/a_b');
  });
});
