import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignCitationKeys, baseCitationKey } from '../../../src/core/citations/citationKey';
import { assignIds, slugify } from '../../../src/core/corpus/slug';

// Issue 13, item 6: ids and citation keys for many papers that share a slug or base key. The first
// release rescanned every suffix for each paper (40,000 papers of one key took minutes); these check
// the answers, at several sizes, against that first release. Time ratios belong in `npm run bench`.

/** The first release's id assignment: the reference on small inputs. */
function referenceIds(titles: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  return titles.map((title) => {
    const base = slugify(title);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** `a`, `b`, ... `z`, `aa`, ... as the first release wrote them. */
function referenceSuffix(index: number): string {
  let suffix = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  return suffix;
}

/** The first release's key assignment: the reference on small inputs. */
function referenceKeys(papers: readonly { title: string; published: string | null }[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  return papers.map((paper) => {
    const base = baseCitationKey(paper.title, paper.published);
    let key = base;
    for (let index = 0; used.has(key); index++) key = base + referenceSuffix(index);
    used.add(key);
    return key;
  });
}

describe('ids and citation keys of papers that share a slug or key (hostile input)', function () {
  this.timeout(60000);
  // Few distinct titles, so clashes are the rule; taken ids and keys overlap the suffixes handed out.
  const title = fc.constantFrom('Sparse Models', 'Sparse Models!', 'Quantized Adapters', 'LoRA: Low-Rank', 'A B C', '');
  const published = fc.constantFrom(null, '2024-01-03', '2023-05-05');

  it('hands out the ids the first release did, for any mix of clashing titles and taken ids', () => {
    const takenId = fc.tuple(fc.constantFrom('sparse-models', 'quantized-adapters', 'paper'), fc.integer({ min: 1, max: 12 }))
      .map(([base, n]) => (n === 1 ? base : `${base}-${n}`));
    fc.assert(fc.property(fc.array(title, { maxLength: 40 }), fc.array(takenId, { maxLength: 12 }), (titles, taken) => {
      assert.deepEqual(assignIds(titles, taken), referenceIds(titles, taken));
    }), { numRuns: 300 });
  });

  it('hands out the keys the first release did, for any mix of clashing titles and taken keys', () => {
    const takenKey = fc.tuple(fc.constantFrom('sparse2024', 'quantized_nd', 'lora2023'), fc.integer({ min: -1, max: 30 }))
      .map(([base, index]) => (index < 0 ? base : base + referenceSuffix(index)));
    fc.assert(fc.property(fc.array(fc.record({ title, published }), { maxLength: 40 }), fc.array(takenKey, { maxLength: 12 }), (papers, taken) => {
      assert.deepEqual(assignCitationKeys(papers, taken), referenceKeys(papers, taken));
    }), { numRuns: 300 });
  });

  it('gives 40,000 papers of one title distinct ids and keys in order, at several sizes', () => {
    for (const size of [10, 2000, 40000]) {
      const titles = Array.from({ length: size }, () => 'The Same Title');
      const ids = assignIds(titles, ['the-same-title-3']);
      assert.equal(new Set(ids).size, size);
      assert.deepEqual(ids.slice(0, 4), ['the-same-title', 'the-same-title-2', 'the-same-title-4', 'the-same-title-5']);
      assert.equal(ids.at(-1), `the-same-title-${size + 1}`);
      const keys = assignCitationKeys(titles.map((paperTitle) => ({ title: paperTitle, published: '2024-01-03' })), ['same2024b']);
      assert.equal(new Set(keys).size, size);
      assert.deepEqual(keys.slice(0, 4), ['same2024', 'same2024a', 'same2024c', 'same2024d']);
      assert.equal(keys.at(-1), `same2024${referenceSuffix(size - 1)}`);
    }
  });
});
