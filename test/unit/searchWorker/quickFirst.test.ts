import assert from 'node:assert/strict';
import { papersContentKey } from '../../../src/core/search/contentKey';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { SearchWorkerHandler } from '../../../src/core/searchWorker/workerHandler';
import type { WorkerRequest, WorkerResponse } from '../../../src/core/searchWorker/workerProtocol';
import type { Paper } from '../../../src/core/types';
import { bundledCorpus } from '../store/fakes';

// Issue 19: a large library is searchable (title, key, author, venue) from a quick index without the
// abstracts, while the worker builds the whole index; the whole one then takes its place with the
// changes made meanwhile, and only the whole index, of the papers it is filed under, is saved.
describe('search worker: a quick index first, the whole one after', function () {
  this.timeout(60_000);
  const papers = bundledCorpus().papers;
  const whole = PaperIndex.build(papers);
  let quick: PaperIndex;
  before(async () => { quick = await PaperIndex.buildQuickAsync(papers); });

  /** The handler in this thread, quick-first from 100 papers; `next(type, id)` waits for that answer. */
  function worker(): { send: (request: WorkerRequest) => void; next: <T extends WorkerResponse['type']>(type: T, id: number) => Promise<Extract<WorkerResponse, { type: T }>> } {
    const seen: WorkerResponse[] = [];
    const waiting: (() => void)[] = [];
    const handler = new SearchWorkerHandler({
      post: (message) => { seen.push(message); for (const wake of waiting.splice(0)) wake(); },
      readText: async () => assert.fail('no file is read'),
      heapMB: () => null,
    }, 100);
    const next = async <T extends WorkerResponse['type']>(type: T, id: number): Promise<Extract<WorkerResponse, { type: T }>> => {
      for (;;) {
        const found = seen.find((message) => message.id === id && (message.type === type || message.type === 'error'));
        if (found) {
          if (found.type === 'error') throw new Error(found.message);
          return found as Extract<WorkerResponse, { type: T }>;
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    };
    return { send: (request) => void handler.handle(request), next };
  }
  const ids = (message: { hits: { id: string }[] }): string[] => message.hits.map((hit) => hit.id);

  it('answers from a quick index at once, and from the whole index, with the changes made meanwhile, once it is built', async () => {
    const { send, next } = worker();
    send({ type: 'add', id: 1, papers });
    await next('added', 1);
    send({ type: 'build', id: 2 });
    const ready = await next('ready', 2);
    assert.equal(ready.quick, true);
    assert.equal(ready.papers, papers.length);
    // A title is found from the quick index; a word only the abstracts hold is not yet.
    const target = papers[7];
    send({ type: 'search', id: 3, query: target.title, options: { limit: 3 } });
    assert.equal(ids(await next('results', 3))[0], target.id);
    const finds = (index: PaperIndex, word: string): boolean => index.search(word).some((result) => result.paper.id === target.id);
    const abstractOnly = [...new Set(target.abstract.toLowerCase().match(/[a-z]{9,}/g) ?? [])].find((word) => finds(whole, word) && !finds(quick, word));
    assert.ok(abstractOnly, 'a word of the abstract that finds the paper only with the abstracts');
    send({ type: 'search', id: 4, query: abstractOnly });
    assert.deepEqual(ids(await next('results', 4)), quick.search(abstractOnly).map((result) => result.paper.id), 'the quick index answers');
    // A change while the whole index is built, and a save asked for meanwhile.
    const changed: Paper = { ...papers[3], title: 'Zyxwv Quokka Retrieval' };
    send({ type: 'update', id: 5, removed: [papers[3].id], added: [changed] });
    await next('updated', 5);
    send({ type: 'save', id: 6 });
    const saved = await next('saved', 6);
    // What was saved is the whole index of the papers as they were built, filed under their content key.
    const decoder = new TextDecoder();
    const loaded = PaperIndex.load({ index: decoder.decode(saved.saved.index), vocabulary: decoder.decode(saved.saved.vocabulary) }, papers, papersContentKey(papers));
    assert.deepEqual(loaded.search(abstractOnly).map((result) => result.paper.id), whole.search(abstractOnly).map((result) => result.paper.id));
    // The whole index answers now, with the change.
    send({ type: 'search', id: 7, query: abstractOnly });
    assert.ok(ids(await next('results', 7)).includes(target.id), 'the whole index has the abstracts');
    send({ type: 'search', id: 8, query: 'zyxwv quokka', options: { limit: 3 } });
    assert.equal(ids(await next('results', 8))[0], changed.id);
    send({ type: 'search', id: 9, query: 'low rank adaptaion', options: { limit: 10 } });
    assert.deepEqual(ids(await next('results', 9)).slice(0, 3), whole.search('low rank adaptaion', { limit: 10 }).map((result) => result.paper.id).slice(0, 3));
  });

  it('builds the whole index at once below the threshold, and never saves a quick index', async () => {
    const { send, next } = worker();
    send({ type: 'add', id: 1, papers: papers.slice(0, 99) });
    await next('added', 1);
    send({ type: 'build', id: 2 });
    assert.equal((await next('ready', 2)).quick, false);
    assert.ok(quick.quick && !whole.quick);
    assert.throws(() => quick.save(), /never saved/);
  });
});
