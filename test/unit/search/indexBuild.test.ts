import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { CancelledError } from '../../../src/core/cancellation';
import { type BuildProgress, PaperIndex } from '../../../src/core/search/paperIndex';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

describe('search index: building, saving as MiniSearch JSON, loading', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const saved = index.save();
  const ids = (engine: PaperIndex, query: string): string[] => engine.search(query).map((result) => result.paper.id);
  const queries = ['quantization', 'galo', 'kolmogorv arnold', 'AWQ', 'topic:peft low rank', 'fewer bits for llm weights '];

  it('builds asynchronously in slices, reporting progress, to the same index', async () => {
    const progress: BuildProgress[] = [];
    const built = await PaperIndex.buildAsync(papers, { sliceMs: 0, onProgress: (step) => progress.push(step) });
    assert.ok(progress.length > 0);
    assert.ok(progress.every((step) => step.done <= step.total));
    assert.ok(progress.some((step) => step.phase === 'reading'));
    assert.deepEqual(built.save(), saved);
  });

  it('stops with a CancelledError when cancelled', async () => {
    let checks = 0;
    await assert.rejects(PaperIndex.buildAsync(papers, { sliceMs: 0, isCancelled: () => ++checks > 1 }), CancelledError);
  });

  it('saves MiniSearch\'s own JSON, which MiniSearch itself reads back', () => {
    const json = JSON.parse(saved.index) as { documentCount: number; serializationVersion: number };
    assert.equal(json.documentCount, papers.length);
    assert.equal(json.serializationVersion, 2);
    const plain = MiniSearch.loadJSON(saved.index, { fields: ['title', 'shortName', 'abstract', 'topics', 'key'] });
    assert.equal(plain.documentCount, papers.length);
  });

  it('round-trips through load and loadAsync (MiniSearch loadJSON / loadJSONAsync) to the same answers', async () => {
    const loaded = PaperIndex.load(saved, papers);
    const loadedAsync = await PaperIndex.loadAsync(saved, papers);
    for (const query of queries) {
      assert.deepEqual(ids(loaded, query), ids(index, query), query);
      assert.deepEqual(ids(loadedAsync, query), ids(index, query), query);
    }
    assert.deepEqual(loaded.related(papers[0].id).map((result) => result.paper.id), index.related(papers[0].id).map((result) => result.paper.id));
  });

  it('refuses an index saved for other papers, and broken files, saying why', () => {
    assert.throws(() => PaperIndex.load(saved, papers.slice(1)), /other papers/);
    assert.throws(() => PaperIndex.load(saved, [...papers].reverse()), /other papers/);
    assert.throws(() => PaperIndex.load({ ...saved, vocabulary: '{"format":"other"}' }, papers), /not a Paper Scout vocabulary/);
    assert.throws(() => PaperIndex.load({ ...saved, vocabulary: 'not json' }, papers), /not JSON/);
    assert.throws(() => PaperIndex.load({ ...saved, index: '{}' }, papers));
    const other = PaperIndex.build(papers.slice(0, 10)).save();
    assert.throws(() => PaperIndex.load({ index: other.index, vocabulary: saved.vocabulary }, papers), /holds 10 papers/);
  });

  it('skips a repeated paper id instead of failing the build', () => {
    const twice = PaperIndex.build([...papers.slice(0, 5), papers[0]]);
    assert.equal(twice.search(papers[0].title, { limit: 10 }).filter((result) => result.paper.id === papers[0].id).length, 1);
  });

  it('keeps long and many-word queries bounded', () => {
    assert.doesNotThrow(() => index.search('x'.repeat(100000)));
    assert.ok(index.search(`${'quantization '.repeat(5000)}llm`).length > 0);
  });
});
