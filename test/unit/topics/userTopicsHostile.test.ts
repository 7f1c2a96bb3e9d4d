import assert from 'node:assert/strict';
import { parseUserTopics, parseUserTopicsSteps } from '../../../src/core/topics/userTopics';

// Issue 13: the topics setting is the user's to fill, so checking it is linear in its size and runs in
// steps (one entry each) that the store runs in slices. Time ratios belong in `npm run bench`.
describe('topics setting of hostile size', () => {
  it('keeps the last of many entries of one name, naming each earlier one, at several sizes', () => {
    for (const size of [3, 1000, 20000]) {
      const value = Array.from({ length: size }, (_, i) => ({ name: i % 2 ? 'Same' : 'SAME', description: `entry ${i}`, terms: [{ match: 'agent*', weight: 5 }] }));
      const { rules, diagnostics } = parseUserTopics(value, 'paperScout.topics');
      assert.deepEqual(rules.map((rule) => rule.description), [`entry ${size - 1}`]);
      assert.equal(diagnostics.length, size - 1);
      assert.equal(diagnostics.at(-1)!.path, `[${size - 1}].name`);
      assert.match(diagnostics.at(-1)!.message, new RegExp(`also at \\[${size - 2}\\]`));
    }
  });

  it('keeps the order of the entries, a replaced one moving to where it was replaced', () => {
    const value = ['A', 'B', 'a', 'C'].map((name) => ({ name, terms: [] }));
    assert.deepEqual(parseUserTopics(value, 'k').rules.map((rule) => rule.name), ['B', 'a', 'C']);
  });

  it('checks one entry per step', () => {
    const value = Array.from({ length: 50 }, (_, i) => ({ name: `T${i}`, terms: [{ match: '\\bx\\b', weight: 1, regex: true }] }));
    const steps = parseUserTopicsSteps(value, 'k');
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    assert.equal(count, 50);
    assert.equal(step.value.rules.length, 50);
  });
});
