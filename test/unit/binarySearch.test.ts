import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound, partitionPoint } from '../../src/core/binarySearch';

describe('binary search: the one implementation', () => {
  it('finds where a sorted list stops being before a value, as a linear scan does (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 4 })), fc.string({ maxLength: 4 }), fc.nat(), (words, value, fromSeed) => {
      const sorted = [...words].sort();
      const from = sorted.length === 0 ? 0 : fromSeed % (sorted.length + 1);
      let expected = from;
      while (expected < sorted.length && sorted[expected] < value) expected++;
      assert.equal(lowerBound(sorted, value, from), expected);
      assert.equal(partitionPoint(sorted.length, (index) => sorted[index] < value, from), expected);
    }), { numRuns: 500 });
  });

  it('answers at the ends: an empty list, a test true for all, a test false for all', () => {
    assert.equal(partitionPoint(0, () => true), 0);
    assert.equal(partitionPoint(5, () => true), 5);
    assert.equal(partitionPoint(5, () => false), 0);
    assert.equal(lowerBound(['a', 'b', 'b', 'c'], 'b'), 1);
    assert.equal(lowerBound(['a', 'b', 'b', 'c'], 'bb'), 3);
  });
});
