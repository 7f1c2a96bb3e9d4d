import assert from 'node:assert/strict';
import { mergeTopicRules, parseUserTopics, reassignTopics } from '../../../src/core/topics/userTopics';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import type { Paper } from '../../../src/core/types';

describe('topics: user topics from settings', () => {
  it('keeps valid entries and names the setting and index of each bad one', () => {
    const { rules, diagnostics } = parseUserTopics([
      { name: 'Agents', icon: 'robot', terms: [{ match: 'agent*', weight: 5 }] },
      { name: 'Broken', terms: [{ match: 'x', weight: 'heavy' }] },
      { name: 'Bad regex', terms: [{ match: '(', weight: 1, regex: true }] },
      'not an object',
    ], 'paperScout.topics');
    assert.deepEqual(rules.map((rule) => rule.name), ['Agents']);
    assert.equal(rules[0].description, '');
    const paths = diagnostics.map((diagnostic) => diagnostic.path ?? '');
    assert.ok(paths.some((path) => path.startsWith('[1].terms[0].weight')), paths.join(', '));
    assert.ok(paths.some((path) => path.startsWith('[2].terms[0].match')), paths.join(', '));
    assert.ok(paths.includes('[3]'), paths.join(', '));
    assert.ok(diagnostics.every((diagnostic) => diagnostic.file === 'paperScout.topics'));
  });

  it('treats a missing setting as no topics and a non-array as one error', () => {
    assert.deepEqual(parseUserTopics(undefined, 's'), { rules: [], diagnostics: [] });
    assert.equal(parseUserTopics({ name: 'x' }, 's').diagnostics.length, 1);
  });

  it('overrides a built-in topic in place by name and appends new ones', () => {
    const mine = [{ name: 'quantization', icon: 'zap', description: '', terms: [] }, { name: 'Agents', icon: 'robot', description: '', terms: [] }];
    const merged = mergeTopicRules(DEFAULT_TOPICS, mine);
    assert.equal(merged.length, DEFAULT_TOPICS.length + 1);
    assert.equal(merged[0].icon, 'zap');
    assert.equal(merged.at(-1)!.name, 'Agents');
  });

  it('reassigns topics with the merged rules', () => {
    const paper: Paper = { id: 'a', key: 'a2024', title: 'Autonomous agents that browse', abstract: 'An agent framework.', published: null, upvotes: null, authorsCount: null, organization: null, topics: ['Other'], links: [], sources: [] };
    const rules = mergeTopicRules(DEFAULT_TOPICS, [{ name: 'Agents', icon: 'robot', description: '', terms: [{ match: 'agent*', weight: 5 }] }]);
    const [updated] = reassignTopics([paper], rules);
    assert.deepEqual(updated.topics, ['Agents']);
    assert.deepEqual(paper.topics, ['Other'], 'the input paper changed');
  });
});
