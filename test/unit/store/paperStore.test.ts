import assert from 'node:assert/strict';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { threadEngine } from '../../../src/core/store/searchEngine';
import type { IndexRequest } from '../../../src/core/store/indexService';
import { bundledCorpus, corpusBytes, Gate, pageWith, testStore } from './fakes';

describe('store: loading the papers (no VS Code)', () => {
  it('loads the bundled corpus, fires a change, and is ready', async () => {
    const { store } = testStore();
    let changes = 0;
    store.onDidChange(() => changes++);
    assert.equal(store.state.kind, 'loading');
    await store.load();
    assert.equal(store.state.kind, 'ready');
    assert.equal(store.papers.length, bundledCorpus().papers.length);
    assert.ok(changes >= 1);
    const first = store.papers[0];
    assert.equal(store.paper(first.id), first);
    assert.deepEqual(store.diagnostics, []);
  });

  it('reads nothing until the papers are first asked for, then asks its owner once to load them', async () => {
    let reads = 0;
    let firstUses = 0;
    const { store } = testStore({ readBundled: async () => { reads++; return corpusBytes(); }, onFirstUse: () => { firstUses++; void store.load(); } });
    assert.equal(store.started, false);
    assert.equal(store.state.kind, 'loading');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(reads, 0, 'made, the store reads nothing');
    assert.deepEqual(store.papers, [], 'asked before the read, the papers are none yet');
    assert.equal(store.started, true, 'the first ask starts the load');
    void store.paper('anything');
    void store.rules;
    await store.whenLoaded();
    assert.equal(firstUses, 1);
    assert.equal(reads, 1);
    assert.equal(store.state.kind, 'ready');
    assert.equal(store.papers.length, bundledCorpus().papers.length);
  });

  it('whenLoaded loads the papers itself when nothing else does (no owner hook)', async () => {
    const { store } = testStore();
    await store.whenLoaded();
    assert.equal(store.state.kind, 'ready');
    assert.equal(store.papers.length, bundledCorpus().papers.length);
  });

  it('folds loads asked for while one runs into one more load after it', async () => {
    const gate = new Gate();
    let reads = 0;
    const { store } = testStore({ readBundled: async () => { reads++; await gate.promise; return corpusBytes(); } });
    const loads = [store.load(), store.load(), store.load()];
    gate.open();
    await Promise.all(loads);
    assert.equal(reads, 2, 'three loads during one read make two reads, not three');
    assert.equal(store.state.kind, 'ready');
  });

  it('turns an unreadable bundled corpus into the error state, naming the file, and recovers on the next load', async () => {
    let broken = true;
    const { store, log } = testStore({ readBundled: async () => (broken ? new TextEncoder().encode('{"version": 1, "papers": [') : corpusBytes()) });
    await store.load();
    assert.equal(store.state.kind, 'error');
    assert.match(store.state.kind === 'error' ? store.state.message : '', /^dist\/corpus\.json: /);
    assert.deepEqual(store.papers, []);
    assert.ok(log.lines.some((line) => line.startsWith('error: could not load the corpus')));
    broken = false;
    await store.load();
    assert.equal(store.state.kind, 'ready');
    assert.ok(store.papers.length > 200);
  });

  it('trusts the bundled corpus the build checked, and fails, naming the file, on one that is not a corpus file', async () => {
    const trusted = testStore();
    await trusted.store.load();
    assert.equal(trusted.store.state.kind, 'ready');
    assert.equal(trusted.store.papers.length, bundledCorpus().papers.length);
    assert.deepEqual(trusted.store.diagnostics, []);
    for (const broken of ['{"version": 2, "papers": []}', '[]', '{"version": 1}', '{"version": 1, "pap']) {
      const { store } = testStore({ readBundled: async () => new TextEncoder().encode(broken) });
      await store.load();
      const state = store.state;
      assert.equal(state.kind, 'error', broken);
      assert.match(state.kind === 'error' ? state.message : '', /dist\/corpus\.json/, broken);
    }
  });

  it('merges the user\'s corpus files, reports a missing one, and can leave the bundled papers out', async () => {
    const { store, settings, files } = testStore();
    files.texts.set('mine.txt', pageWith('My Own Paper on Quantized Adapters'));
    settings.entries = ['mine.txt', 'gone.txt'];
    await store.load();
    assert.equal(store.papers.length, bundledCorpus().papers.length + 1);
    assert.deepEqual(store.corpusFileProblems.map((problem) => problem.file), ['gone.txt']);
    settings.bundled = false;
    await store.load();
    assert.deepEqual(store.papers.map((paper) => paper.title), ['My Own Paper on Quantized Adapters']);
  });

  it('applies the topics setting over the bundled rules, naming bad entries', async () => {
    const { store, settings } = testStore();
    await store.load();
    settings.topics = [
      { name: 'Agents', icon: 'robot', terms: [{ match: 'agent*', weight: 5 }, { match: 'language model*', weight: 3 }] },
      { name: 'Broken', terms: [{ match: 'x', weight: 'heavy' }] },
    ];
    let changed = false;
    store.onDidChange(() => { changed = true; });
    await store.applyTopics();
    assert.ok(changed);
    assert.ok(store.rules.some((rule) => rule.name === 'Agents'));
    assert.ok(!store.rules.some((rule) => rule.name === 'Broken'));
    assert.ok(store.papers.some((paper) => paper.topics.includes('Agents')));
    assert.ok(store.topicSettingProblems.some((problem) => problem.file === 'paperScout.topics' && problem.path?.startsWith('[1]')));
  });
});

describe('store: the index of the papers in force (no VS Code)', () => {
  it('asks for the index of the bundled papers as bundled, and of merged papers as not', async () => {
    const requests: IndexRequest[] = [];
    const { store, settings, files } = testStore({ loadIndex: async (request) => { requests.push(request); return threadEngine(PaperIndex.build(request.papers)); } });
    await store.load();
    await store.index.ready();
    files.texts.set('mine.txt', pageWith('A Paper of My Own'));
    settings.entries = ['mine.txt'];
    await store.load();
    await store.index.ready();
    assert.deepEqual(requests.map((request) => [request.bundled, request.papers.length]), [[true, bundledCorpus().papers.length], [false, bundledCorpus().papers.length + 1]]);
  });

  it('never hands out a stale index: a reload during a build gives the waiters the index of the new papers', async () => {
    const gate = new Gate();
    const built: number[] = [];
    const { store, settings, files } = testStore({
      loadIndex: async (request) => {
        if (built.length === 0) await gate.promise; // the first build is slow
        built.push(request.papers.length);
        return threadEngine(PaperIndex.build(request.papers));
      },
    });
    await store.load();
    const waiting = store.index.ready();
    files.texts.set('late.txt', pageWith('A Paper Added During Indexing'));
    settings.entries = ['late.txt'];
    await store.load();
    gate.open();
    const index = await waiting;
    assert.deepEqual(built, [bundledCorpus().papers.length, bundledCorpus().papers.length + 1]);
    assert.equal(index, store.index.current());
    assert.equal((await index.search('Added During Indexing', { limit: 1 }))[0]?.paper.title, 'A Paper Added During Indexing');
  });

  it('keeps the index when a reload yields the same papers object, and drops it when topics change', async () => {
    const { store, settings } = testStore({ loadIndex: async (request) => threadEngine(PaperIndex.build(request.papers)) });
    await store.load();
    const index = await store.index.ready();
    await store.applyTopics();
    assert.equal(store.index.current(), index, 'applying unchanged topics kept the index');
    settings.topics = [{ name: 'Agents', terms: [{ match: 'agent*', weight: 5 }] }];
    await store.applyTopics();
    assert.equal(store.index.current(), undefined);
  });
});
