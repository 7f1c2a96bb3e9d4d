import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { BuildCancelledError, type BuildProgress, PaperIndex } from '../../../src/core/search/paperIndex';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

describe('search index: async build, saving and loading', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const ids = (results: { paper: { id: string } }[]): string[] => results.map((result) => result.paper.id);

  it('builds asynchronously in slices, reporting progress, to the same index', async () => {
    const progress: BuildProgress[] = [];
    const built = await PaperIndex.buildAsync(papers, { sliceMs: 0, onProgress: (step) => progress.push(step) });
    assert.ok(progress.length > 0);
    assert.ok(progress.every((step) => step.done <= step.total));
    assert.deepEqual(built.serialize(), index.serialize());
    assert.deepEqual(ids(built.search('speculative decoding')), ids(index.search('speculative decoding')));
  });

  it('stops with a BuildCancelledError when cancelled', async () => {
    let checks = 0;
    await assert.rejects(PaperIndex.buildAsync(papers, { sliceMs: 0, isCancelled: () => ++checks > 1 }), BuildCancelledError);
  });

  it('round-trips through serialize and deserialize, and refuses other papers or broken bytes', () => {
    const bytes = index.serialize();
    const loaded = PaperIndex.deserialize(bytes, papers);
    for (const query of ['quantization', 'galo', 'kolmogorv arnold', 'AWQ']) assert.deepEqual(ids(loaded.search(query)), ids(index.search(query)));
    assert.throws(() => PaperIndex.deserialize(bytes, papers.slice(1)), /other papers/);
    assert.throws(() => PaperIndex.deserialize(bytes, [...papers].reverse()), /other papers/);
    assert.throws(() => PaperIndex.deserialize(bytes.subarray(0, bytes.length - 4), papers), /corrupt|truncated/);
    assert.throws(() => PaperIndex.deserialize(new Uint8Array(64), papers), /not a Paper Scout index/);
    assert.throws(() => PaperIndex.load('{"format":"other"}', papers), /not a Paper Scout index/);
  });

  it('keeps long and many-word queries bounded', () => {
    assert.doesNotThrow(() => index.search('x'.repeat(100000)));
    assert.ok(index.search(`${'quantization '.repeat(5000)}llm`).length > 0);
  });
});
