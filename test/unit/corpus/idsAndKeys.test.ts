import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignCitationKeys, assignKeyNamesSteps, citationKeyParts, joinKey, keyNameRequest } from '../../../src/core/citations/citationKey';
import { normalizeTitle } from '../../../src/core/corpus/merge';
import { assignIds, slugify } from '../../../src/core/corpus/slug';

// Issue 13, item 6: ids and citation keys for many papers that share a slug or base key. A naive
// allocator rescans every suffix for each paper (40,000 papers of one key took minutes); these check
// the answers of the linear one, at several sizes, against such a rescanning reference of the same
// rules (issue 14: papers taken in identity order, so input order never matters). Time ratios belong
// in `npm run bench` (keyAssignMs, hostileKeysRatio).

/** One paper to name, as the reference sees it. */
interface Wanted {
  identity: string;
  natural: string;
  alternatives: string[];
}

/**
 * The naming rules without claims or earlier names, written the slow way: natural names first in
 * identity order, then each other paper's first free alternative or suffix, searched from the start.
 * `reserved` names belong to papers outside the call (the bundled corpus).
 */
function referenceNames(wanted: readonly Wanted[], reserved: ReadonlySet<string>, suffixed: (natural: string, n: number) => string): string[] {
  const used = new Set(reserved);
  const names: string[] = [];
  const order = wanted.map((_paper, index) => index).sort((a, b) => (wanted[a].identity < wanted[b].identity ? -1 : wanted[a].identity > wanted[b].identity ? 1 : a - b));
  const give = (index: number, name: string): void => {
    names[index] = name;
    used.add(name);
  };
  for (const index of order) if (!used.has(wanted[index].natural)) give(index, wanted[index].natural);
  for (const index of order) {
    if (names[index] !== undefined) continue;
    const alternative = [wanted[index].natural, ...wanted[index].alternatives].find((name) => !used.has(name));
    if (alternative !== undefined) {
      give(index, alternative);
      continue;
    }
    let n = 1;
    while (used.has(suffixed(wanted[index].natural, n))) n++;
    give(index, suffixed(wanted[index].natural, n));
  }
  return names;
}

/** `b`, `c`, ... `z`, `aa`, ... for n = 1, 2, ... after a year, else after `_`. */
function referenceLetters(key: string, n: number): string {
  let suffix = '';
  for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
  return /\d$/.test(key) ? key + suffix : `${key}_${suffix}`;
}

function keyWanted(paper: { title: string; published: string | null }): Wanted {
  const parts = citationKeyParts(paper.title, paper.published);
  const alternatives = parts.more.map((_word, index) => joinKey([...parts.words, ...parts.more.slice(0, index + 1)], parts.year));
  return { identity: normalizeTitle(paper.title), natural: joinKey(parts.words, parts.year), alternatives };
}

/** Reserved names owned by a paper outside the call. */
const outside = (names: readonly string[]): Map<string, string> => new Map(names.map((name) => [name, 'a bundled paper']));

describe('ids and citation keys of papers that share a slug or key (hostile input)', function () {
  this.timeout(60000);
  // Few distinct titles, so clashes are the rule; reserved ids and keys overlap the suffixes handed out.
  const title = fc.constantFrom('Sparse Models', 'Sparse Models!', 'Quantized Adapters', 'LoRA: Low-Rank', 'A B C', '', 'Sparse Models for Vision Tasks');
  const published = fc.constantFrom(null, '2024-01-03', '2023-05-05');

  it('hands out the ids a rescanning allocator does, for any mix of clashing titles and reserved ids', () => {
    const reservedId = fc.tuple(fc.constantFrom('sparse-models', 'quantized-adapters', 'paper'), fc.integer({ min: 1, max: 12 }))
      .map(([base, n]) => (n === 1 ? base : `${base}-${n}`));
    fc.assert(fc.property(fc.array(fc.tuple(title, fc.nat(3)), { maxLength: 40 }), fc.array(reservedId, { maxLength: 12 }), (papers, reserved) => {
      // Two papers of one title are two copies of one paper unless their identities differ: vary them.
      const requests = papers.map(([paperTitle, copy]) => ({ identity: `${normalizeTitle(paperTitle)} ${copy}`, title: paperTitle }));
      const expected = referenceNames(requests.map((request) => ({ identity: request.identity, natural: slugify(request.title), alternatives: [] })), new Set(reserved), (slug, n) => `${slug}-${n + 1}`);
      assert.deepEqual(assignIds(requests, outside(reserved)).ids, expected);
    }), { numRuns: 300 });
  });

  it('hands out the keys a rescanning allocator does, for any mix of clashing titles and reserved keys', () => {
    const reservedKey = fc.tuple(fc.constantFrom('sparse2024', 'quantized_adapters', 'lora2023', 'sparse_models_vision2024'), fc.integer({ min: 0, max: 30 }))
      .map(([base, n]) => (n === 0 ? base : referenceLetters(base, n)));
    fc.assert(fc.property(fc.array(fc.record({ title, published }), { maxLength: 40 }), fc.array(reservedKey, { maxLength: 12 }), (papers, reserved) => {
      const wanted = papers.map((paper, index) => ({ ...keyWanted(paper), identity: `${normalizeTitle(paper.title)} ${paper.published} ${index % 3}` }));
      const requests = papers.map((paper, index) => ({ ...paper, identity: wanted[index].identity }));
      assert.deepEqual(assignCitationKeys(requests, { reserved: outside(reserved) }).keys, referenceNames(wanted, new Set(reserved), referenceLetters));
    }), { numRuns: 300 });
  });

  it('gives 40,000 papers of one title distinct ids and keys, at several sizes', () => {
    for (const size of [10, 2000, 40000]) {
      const requests = Array.from({ length: size }, (_item, index) => ({ identity: `the same title ${String(index).padStart(5, '0')}`, title: 'The Same Title', published: '2024-01-03' }));
      const ids = assignIds(requests, outside(['the-same-title-3'])).ids;
      assert.equal(new Set(ids).size, size);
      assert.deepEqual(ids.slice(0, 4), ['the-same-title', 'the-same-title-2', 'the-same-title-4', 'the-same-title-5']);
      assert.equal(ids.at(-1), `the-same-title-${size + 1}`);
      const keys = assignCitationKeys(requests, { reserved: outside(['same_title2024c']) }).keys;
      assert.equal(new Set(keys).size, size);
      assert.deepEqual(keys.slice(0, 4), ['same_title2024', 'same_title2024b', 'same_title2024d', 'same_title2024e']);
      assert.equal(keys.at(-1), referenceLetters('same_title2024', size));
    }
  });

  it('names many papers in small steps, with the names of naming them at once', () => {
    const requests = Array.from({ length: 40000 }, (_item, index) => ({ identity: `the same title ${index}`, title: 'The Same Title', published: '2024-01-03' }));
    const steps = assignKeyNamesSteps(requests.map(keyNameRequest));
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    // Three passes (no earlier names to give back) over 40,000 requests, a step every 2,000: no step names them all.
    assert.ok(count >= 60, `${count} steps`);
    assert.deepEqual(step.value, assignCitationKeys(requests));
  });
});
