import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstInOrder } from '../../../src/core/firstInOrder';

describe('firstInOrder: the first items in an order without sorting them all', () => {
  it('gives what a stable full sort gives, for any items, limit and filter', () => {
    fc.assert(fc.property(fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 20 }) })), fc.integer({ min: 0, max: 30 }), fc.boolean(), (raw, limit, odd) => {
      const items = raw.map((item, at) => ({ ...item, at }));
      const compare = (a: { value: number }, b: { value: number }): number => b.value - a.value;
      const accept = (item: { value: number }): boolean => !odd || item.value % 2 === 1;
      const expected = items.filter(accept).sort(compare).slice(0, limit);
      assert.deepEqual(firstInOrder(items, compare, limit, accept), expected);
    }));
  });

  it('keeps at most twice the limit while it reads, whatever the input order', () => {
    let compared = 0;
    const items = Array.from({ length: 100_000 }, (_, at) => at);
    const first = firstInOrder(items, (a, b) => { compared++; return a - b; }, 50);
    assert.deepEqual(first, Array.from({ length: 50 }, (_, at) => at));
    assert.ok(compared < 400_000, `${compared} comparisons for 100,000 items`);
  });
});
