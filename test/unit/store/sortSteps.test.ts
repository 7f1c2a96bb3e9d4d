import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runToEnd } from '../../../src/core/slices';
import { sortInSteps } from '../../../src/core/sortSteps';

describe('sorting in steps (src/core/sortSteps.ts)', () => {
  it('sorts as Array.prototype.sort does, stably, for any run length', () => {
    fc.assert(fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() }), { maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (items, run) => {
      const compare = (a: { key: number }, b: { key: number }): number => a.key - b.key;
      assert.deepEqual(runToEnd(sortInSteps(items, compare, run)), items.slice().sort(compare));
    }));
  });

  it('leaves its input alone and takes many short steps for a long list', () => {
    const items = Array.from({ length: 10_000 }, (_, index) => (index * 7919) % 10_007);
    const copy = items.slice();
    const steps = sortInSteps(items, (a, b) => a - b, 100);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count += 1;
    assert.deepEqual(items, copy, 'the input is not sorted in place');
    assert.deepEqual(step.value, copy.sort((a, b) => a - b));
    assert.ok(count >= 100, `${count} steps`);
  });
});
