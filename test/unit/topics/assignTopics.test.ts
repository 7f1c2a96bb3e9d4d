import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { assignTopics, compileTopics } from '../../../src/core/topics/assignTopics';
import { groupByTopic } from '../../../src/core/topics/groupByTopic';
import { DEFAULT_TOPICS, OTHER_TOPIC } from '../../../src/core/topics/taxonomy';
import type { TopicRule } from '../../../src/core/types';
import { readPages } from '../pages';

describe('topics', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const topicsOf = (start: string) => corpus.papers.find((paper) => paper.title.startsWith(start))!.topics;

  it('has topics of distinct names, each with an icon, a description, and bundled papers under it', () => {
    assert.equal(new Set(DEFAULT_TOPICS.map((rule) => rule.name)).size, DEFAULT_TOPICS.length);
    for (const rule of DEFAULT_TOPICS) {
      assert.ok(corpus.papers.some((paper) => paper.topics.includes(rule.name)), `no bundled paper is under ${rule.name}`);
      assert.match(rule.icon, /^[a-z-]+$/);
      assert.ok(rule.description.length > 10);
      assert.ok(rule.terms.length > 3);
    }
  });

  it('gives at least 95% of papers a topic other than "Other"', () => {
    const placed = corpus.papers.filter((paper) => !paper.topics.includes(OTHER_TOPIC.name)).length;
    assert.ok(placed / corpus.papers.length >= 0.95, `${placed} of ${corpus.papers.length}`);
  });

  it('places the examples of the issue', () => {
    const lqLora = topicsOf('LQ-LoRA');
    assert.ok(lqLora.includes('Quantization') && lqLora.includes('Parameter-Efficient Fine-Tuning'), lqLora.join());
    assert.ok(topicsOf('SpecDec++').includes('Efficient Inference'));
    assert.ok(topicsOf('GaLore:').includes('Memory-Efficient Training'));
  });

  it('puts papers where their description fits (spot checks across topics)', () => {
    const expectations: [string, string][] = [
      ['AWQ:', 'Quantization'],
      ['SliceGPT', 'Pruning & Sparsity'],
      ['BAM! Just Like That', 'Mixture of Experts'],
      ['Unlocking State-Tracking in Linear RNNs', 'Architectures'],
      ['Revisiting the Last-Iterate Convergence', 'Optimization'],
      ['Diffusion-Based Neural Network Weights Generation', 'Initialization & Weight Generation'],
      ['To Repeat or Not To Repeat', 'Scaling Laws & Pretraining'],
      ['Provable Scaling Laws of Feature Emergence', 'Learning Theory & Dynamics'],
      ['Unsupervised Dense Information Retrieval', 'Retrieval & Embeddings'],
      ['HollowNeRF', 'Vision & Generative Models'],
      ['Merging Models on the Fly', 'Model Merging & Continual Learning'],
    ];
    for (const [title, topic] of expectations) assert.ok(topicsOf(title).includes(topic), `${title} -> ${topicsOf(title).join(', ')}`);
  });

  it('takes the taxonomy as input: a user topic is assigned, and a bad pattern is reported, not thrown', () => {
    const rules: TopicRule[] = [
      { name: 'Kernels', icon: 'circuit-board', description: 'GPU kernels', terms: [{ match: 'tensor core*', weight: 5 }, { match: 'gpu', weight: 2 }] },
      { name: 'Broken', icon: 'bug', description: '', terms: [{ match: '([unclosed', weight: 5, regex: true }] },
    ];
    const { topics, diagnostics } = compileTopics(rules, 'settings: paperScout.topics');
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /"Broken".*not a valid regular expression/);
    assert.equal(diagnostics[0].path, '[1].terms[0].match');
    assert.deepEqual(assignTopics('Efficient Arbitrary Precision Acceleration on GPU Tensor Cores', 'We use tensor cores.', topics), ['Kernels']);
    assert.deepEqual(assignTopics('A paper about cooking', 'Nothing relevant here.', topics), ['Other']);
  });

  it('groups papers by topic, newest first and undated last', () => {
    const groups = groupByTopic(corpus.papers, corpus.topics, 'date');
    assert.deepEqual(groups.slice(0, 14).map((group) => group.rule.name), DEFAULT_TOPICS.map((rule) => rule.name));
    for (const group of groups) {
      const dates = group.papers.map((paper) => paper.published);
      const firstNull = dates.indexOf(null);
      const dated = (firstNull < 0 ? dates : dates.slice(0, firstNull)) as string[];
      assert.deepEqual(dated, [...dated].sort().reverse());
      if (firstNull >= 0) assert.ok(dates.slice(firstNull).every((date) => date === null));
    }
    const byUpvotes = groupByTopic(corpus.papers, corpus.topics, 'upvotes')[0].papers.map((paper) => paper.upvotes ?? -1);
    assert.deepEqual(byUpvotes, [...byUpvotes].sort((a, b) => b - a));
  });
});
