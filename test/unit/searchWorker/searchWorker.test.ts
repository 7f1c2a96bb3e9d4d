import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CancelledError } from '../../../src/core/cancellation';
import { loadCorpus } from '../../../src/core/corpus/schema';
import { papersContentKey } from '../../../src/core/search/contentKey';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { SearchWorkerClient, type WorkerProgress } from '../../../src/core/searchWorker/workerClient';
import { startNodeSearchWorker } from '../../../src/searchWorker/nodeWorkerPort';

// The Node search worker as the extension and the benchmark start it: the bundle the build writes
// (dist/searchWorker.js, made by `npm run test:unit` before the tests run), reading the built files.
describe('search worker (worker_threads): loads or builds the index off the caller\'s thread', function () {
  this.timeout(60000);
  const workerFile = resolve('dist/searchWorker.js');
  const files = { corpus: resolve('dist/corpus.json'), index: resolve('dist/index.json'), vocabulary: resolve('dist/vocabulary.json') };
  const papers = loadCorpus(JSON.parse(readFileSync(files.corpus, 'utf8')), files.corpus).corpus.papers;
  const local = PaperIndex.load({ index: readFileSync(files.index, 'utf8'), vocabulary: readFileSync(files.vocabulary, 'utf8') }, papers);
  const clients: SearchWorkerClient[] = [];
  const start = (): SearchWorkerClient => {
    const client = new SearchWorkerClient(startNodeSearchWorker(workerFile));
    clients.push(client);
    return client;
  };
  after(async () => {
    for (const client of clients) await client.dispose();
  });

  it('is built by the build', () => {
    assert.ok(existsSync(workerFile), `${workerFile} exists`);
  });

  it('opens the bundled corpus with its saved index and answers as the engine does in-process', async () => {
    const client = start();
    const ready = await client.open({ path: files.corpus }, { index: { path: files.index }, vocabulary: { path: files.vocabulary } });
    assert.equal(ready.mode, 'loaded');
    assert.equal(ready.papers, papers.length);
    for (const query of ['galo', 'low rank adaptaion', 'topic:peft year:2024 lora']) {
      const answer = await client.search(query, { limit: 10 });
      assert.deepEqual(answer.hits.map((hit) => hit.id), local.search(query, { limit: 10 }).map((result) => result.paper.id), query);
      assert.ok(answer.ms >= 0);
    }
    const weighted = await client.search('speculative decoding pruning ', { wordWeights: new Map([['pruning', 3]]) });
    assert.equal(weighted.hits[0].id, local.search('speculative decoding pruning ', { wordWeights: new Map([['pruning', 3]]) })[0].paper.id);
    const problems = await client.search('venue:icml lora');
    assert.match(problems.problems[0].message, /unknown filter/);
    assert.deepEqual((await client.related(papers[0].id, 5)).hits.map((hit) => hit.id), local.related(papers[0].id, 5).map((result) => result.paper.id));
    assert.equal((await client.complete('prun')).hits[0].id, local.complete('prun')[0].paper.id);
    const heap = await client.heapMB();
    assert.ok(heap === null || heap > 0);
  });

  it('builds an index from papers sent in chunks, reporting progress', async () => {
    const client = start();
    const progress: WorkerProgress[] = [];
    const ready = await client.build(papers, (step) => progress.push(step));
    assert.equal(ready.mode, 'built');
    assert.equal(ready.papers, papers.length);
    assert.ok(progress.length > 0 && progress.every((step) => step.done <= step.total));
    assert.deepEqual((await client.search('kolmogorov')).hits.map((hit) => hit.id), local.search('kolmogorov').map((result) => result.paper.id));
  });

  it('files the papers under their content key, saves its index as bytes and loads it into a new worker, moving the buffers', async () => {
    const builder = start();
    await builder.build(papers);
    const key = await builder.fingerprint();
    assert.equal(key, papersContentKey([]), 'the build took the papers added');
    const saved = await builder.save();
    assert.ok(saved.index.byteLength > 100_000 && saved.vocabulary.byteLength > 10_000);
    const bytes = saved.index.byteLength;

    const loader = start();
    await loader.add(papers);
    assert.equal(await loader.fingerprint(), papersContentKey(papers));
    const ready = await loader.load(saved);
    assert.equal(ready.mode, 'loaded');
    assert.equal(ready.papers, papers.length);
    assert.equal(saved.index.byteLength, 0, `the ${bytes} bytes moved to the worker instead of being copied`);
    assert.deepEqual((await loader.search('galore')).hits.map((hit) => hit.id), local.search('galore').map((result) => result.paper.id));
  });

  it('keeps the papers when a saved index does not fit them, so a build can follow', async () => {
    const other = start();
    await other.build(papers.slice(1));
    const wrong = await other.save();
    const client = start();
    await client.add(papers);
    await assert.rejects(client.load(wrong), /made for other papers/);
    const ready = await client.buildAdded();
    assert.equal(ready.papers, papers.length);
  });

  it('fails every request once stopped, and stops once', async () => {
    const client = start();
    const reasons: string[] = [];
    client.onDidFail((reason) => reasons.push(reason));
    await client.dispose();
    await client.dispose();
    assert.deepEqual(reasons, ['the search worker was stopped']);
    await assert.rejects(client.search('lora'), /stopped/);
  });

  it('answers with an error before it is ready, when a file is missing, and when a build is cancelled', async () => {
    const client = start();
    await assert.rejects(client.search('lora'), /not ready/);
    await assert.rejects(client.open({ path: resolve('no/such/corpus.json') }), /ENOENT|no such file/);
    // Cancelled at its first progress report, so the build has surely started; four copies of the
    // corpus make sure it takes longer than one slice anywhere.
    const many = [0, 1, 2, 3].flatMap((copy) => papers.map((paper) => ({ ...paper, id: `${paper.id}-${copy}`, key: `${paper.key}${copy}` })));
    await assert.rejects(client.build(many, () => client.cancel()), CancelledError);
  });
});
