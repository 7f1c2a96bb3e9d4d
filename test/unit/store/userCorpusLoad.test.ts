import assert from 'node:assert/strict';
import type { CorpusFileReader, CorpusFileTexts } from '../../../src/core/store/corpusLoader';
import type { WithProgress, WorkProgress } from '../../../src/core/store/progress';
import type { UserSource } from '../../../src/core/corpus/userCorpus';
import type { Paper } from '../../../src/core/types';
import { bundledCorpus, pageWith, testStore } from './fakes';

// Issue 13, items 3 and 6, on the store's side (no VS Code): whatever goes wrong with the user's files
// leaves the bundled papers and the other files' papers, and names the file or the setting (never the
// bundled corpus.json); long loads and reassignments run in slices, show progress, and give way to
// newer work. Timings are `userCorpusLoadMs` and `userCorpusBlockMs` in `npm run bench`, not here.

/** `count` papers of a corpus JSON file, without topics, made from the bundled ones. */
function jsonPapers(count: number, prefix = 'mine'): Paper[] {
  const bundled = bundledCorpus().papers;
  return Array.from({ length: count }, (_, i) => {
    const model = bundled[i % bundled.length];
    return { ...model, id: `${prefix}-${i}`, key: `${prefix}${i}`, title: `${prefix} paper ${i}: ${model.title}`, topics: [], sources: [] };
  });
}

/** A reader that hands back the given sources, whatever the entries. */
class SourcesReader implements CorpusFileReader {
  constructor(private readonly sources: () => UserSource[]) {}
  async read(entries: readonly string[], progress: WorkProgress): Promise<CorpusFileTexts> {
    progress.report(100);
    return { files: entries.length > 0 ? this.sources() : [], diagnostics: [] };
  }
}

/** A progress UI that records titles and percents, and cancels when `cancel` says so. */
function progressUi(cancel: (reports: number[]) => boolean = () => false): { withProgress: WithProgress; titles: string[]; reports: number[] } {
  const titles: string[] = [];
  const reports: number[] = [];
  const withProgress: WithProgress = (title, task) => {
    titles.push(title);
    return task((percent) => reports.push(percent), () => cancel(reports));
  };
  return { withProgress, titles, reports };
}

describe('store: users\' corpora that fail, and loads that are long (no VS Code)', function () {
  this.timeout(120000);
  const bundledCount = bundledCorpus().papers.length;

  it('keeps the bundled papers when reading the user\'s files fails as a whole, naming the setting, not corpus.json', async () => {
    const broken: CorpusFileReader = { read: async () => { throw new Error('the file service is gone'); } };
    const { store, settings, log } = testStore({ reader: broken });
    settings.entries = ['mine.txt'];
    await store.load();
    assert.equal(store.state.kind, 'ready');
    assert.equal(store.papers.length, bundledCount);
    assert.deepEqual(store.corpusFileProblems.map((d) => [d.file, d.severity]), [['paperScout.corpus.sources', 'error']]);
    assert.match(store.corpusFileProblems[0].message, /the file service is gone.*only the bundled papers are shown/);
    assert.ok(!log.lines.some((line) => /corpus\.json/.test(line)), log.lines.join('\n'));
  });

  it('keeps the bundled papers and the good files\' papers when one file throws as it is read, naming that file', async () => {
    const evil = { file: '/home/me/evil.json', get text(): string { throw new Error('device not ready'); } } as UserSource;
    const reader = new SourcesReader(() => [{ file: '/home/me/good.txt', text: pageWith('A Good New Paper') }, evil, { file: '/home/me/more.json', text: JSON.stringify({ version: 1, papers: jsonPapers(3) }) }]);
    const { store, settings, log } = testStore({ reader });
    settings.entries = ['anything'];
    await store.load();
    assert.equal(store.papers.length, bundledCount + 4);
    assert.deepEqual(store.corpusFileProblems.map((d) => d.file), ['/home/me/evil.json']);
    assert.ok(log.lines.some((line) => line.startsWith('warn: /home/me/evil.json: could not be read (device not ready)')), log.lines.join('\n'));
  });

  it('keeps every problem of a file with thousands of bad papers, but logs only the first ones and a count', async () => {
    const bad = jsonPapers(5000).map((paper) => ({ ...paper, upvotes: -1 }));
    const reader = new SourcesReader(() => [{ file: 'bad.json', text: JSON.stringify({ version: 1, papers: bad }) }]);
    const { store, settings, log } = testStore({ reader });
    settings.entries = ['bad.json'];
    await store.load();
    assert.equal(store.papers.length, bundledCount);
    assert.equal(store.corpusFileProblems.length, 5000);
    const warnings = log.lines.filter((line) => line.startsWith('warn: '));
    assert.equal(warnings.length, 201, warnings.slice(-3).join('\n'));
    assert.equal(warnings.at(-1), 'warn: bad.json: 4800 more problem(s), not listed');
  });

  it('gives every JSON paper without topics its topics, and adds one-paper files, at several sizes', async () => {
    for (const size of [10, 1000, 20000]) {
      const reader = new SourcesReader(() => [
        { file: 'big.json', text: JSON.stringify({ version: 1, papers: jsonPapers(size) }) },
        ...Array.from({ length: Math.min(size, 2000) }, (_, i) => ({ file: `one-${i}.txt`, text: pageWith(`One Paper From File ${i}`) })),
      ]);
      const { store, settings } = testStore({ reader });
      settings.entries = ['all'];
      await store.load();
      assert.equal(store.papers.length, bundledCount + size + Math.min(size, 2000), `${size}`);
      assert.ok(store.papers.every((paper) => paper.topics.length > 0), `${size}: every paper has topics`);
      assert.deepEqual(store.diagnostics, []);
    }
  });

  it('shows progress only once a load runs long, in rising percents', async () => {
    const reader = new SourcesReader(() => [{ file: 'big.json', text: JSON.stringify({ version: 1, papers: jsonPapers(5000) }) }]);
    const quick = progressUi();
    const small = testStore({ withProgress: quick.withProgress, progressDelayMs: 60_000 });
    await small.store.load();
    assert.deepEqual(quick.titles, [], 'a load shorter than the delay shows nothing');
    const ui = progressUi();
    const { store, settings } = testStore({ reader, withProgress: ui.withProgress, progressDelayMs: 0 });
    settings.entries = ['big.json'];
    await store.load();
    assert.deepEqual(ui.titles, ['Paper Scout: reading your papers']);
    assert.ok(ui.reports.length > 3, ui.reports.join());
    assert.deepEqual(ui.reports, [...ui.reports].sort((a, b) => a - b), 'percents only rise');
    assert.ok(ui.reports.at(-1)! >= 90 && ui.reports.at(-1)! <= 100, ui.reports.join());
  });

  it('stops a long merge when a newer load is asked for, and ends with the newer papers', async () => {
    let which = 'first';
    const reader = new SourcesReader(() => [{ file: `${which}.json`, text: JSON.stringify({ version: 1, papers: jsonPapers(8000, which) }) }]);
    let reloaded = false;
    const { store, settings, log } = testStore({
      reader,
      progressDelayMs: 0,
      withProgress: (title, task) => task((percent) => {
        if (percent > 50 && !reloaded) {
          reloaded = true;
          which = 'second';
          void store.load();
        }
      }, () => false),
    });
    settings.entries = ['corpus.json'];
    await store.load();
    assert.ok(reloaded, 'the second load was asked for during the first merge');
    assert.equal(store.papers.length, bundledCount + 8000);
    assert.ok(store.papers.slice(bundledCount).every((paper) => paper.id.startsWith('second-')));
    assert.equal(log.lines.filter((line) => line.startsWith('info: your corpus files:')).length, 1, 'the first merge never finished');
  });

  it('keeps the bundled papers, with a warning naming the setting, when the user cancels a long load', async () => {
    const reader = new SourcesReader(() => [{ file: 'big.json', text: JSON.stringify({ version: 1, papers: jsonPapers(20000) }) }]);
    const ui = progressUi((reports) => reports.some((percent) => percent > 40));
    const { store, settings } = testStore({ reader, withProgress: ui.withProgress, progressDelayMs: 0 });
    settings.entries = ['big.json'];
    await store.load();
    assert.equal(store.state.kind, 'ready');
    assert.equal(store.papers.length, bundledCount);
    assert.deepEqual(store.corpusFileProblems.map((d) => [d.file, d.severity]), [['paperScout.corpus.sources', 'warning']]);
    assert.match(store.corpusFileProblems[0].message, /cancelled.*Reload Papers/);
  });

  /**
   * A store over `count` JSON papers that sets the topics setting to one topic "Second" (and asks to
   * apply it) once a reassignment of topics is `percent` done; `changed()` says whether it did.
   */
  function storeChangingTopics(count: number, percent: number): ReturnType<typeof testStore> & { changed: () => boolean } {
    const reader = new SourcesReader(() => [{ file: 'big.json', text: JSON.stringify({ version: 1, papers: jsonPapers(count) }) }]);
    let changed = false;
    const parts = testStore({
      reader,
      progressDelayMs: 0,
      withProgress: (title, task) => task((done) => {
        if (title === 'Paper Scout: assigning your topics' && done > percent && !changed) {
          changed = true;
          parts.settings.topics = [{ name: 'Second', terms: [{ match: 'model*', weight: 5 }] }];
          void parts.store.applyTopics();
        }
      }, () => false),
    });
    parts.settings.entries = ['big.json'];
    return { ...parts, changed: () => changed };
  }

  it('is ready after its first load even when a topics change comes while that load assigns topics', async () => {
    const { store, settings, changed } = storeChangingTopics(4000, 10);
    settings.topics = [{ name: 'First', terms: [{ match: 'model*', weight: 5 }] }];
    await store.load();
    assert.ok(changed(), 'the change came during the first load');
    assert.equal(store.state.kind, 'ready');
    assert.ok(store.rules.some((rule) => rule.name === 'Second') && !store.rules.some((rule) => rule.name === 'First'));
  });

  it('reassigns topics in slices, and a topics change during a reassignment wins', async () => {
    const { store, settings, changed } = storeChangingTopics(6000, 30);
    await store.load();
    settings.topics = [{ name: 'First', terms: [{ match: 'model*', weight: 5 }] }];
    await store.applyTopics();
    assert.ok(changed(), 'the second change came during the first reassignment');
    assert.ok(store.rules.some((rule) => rule.name === 'Second') && !store.rules.some((rule) => rule.name === 'First'));
    assert.ok(store.papers.some((paper) => paper.topics.includes('Second')));
    assert.ok(!store.papers.some((paper) => paper.topics.includes('First')));
  });
});
