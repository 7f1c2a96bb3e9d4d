import assert from 'node:assert/strict';
import { WatchedCorpusFiles } from '../../../src/core/store/corpusWatch';
import { quietProgress } from '../../../src/core/store/progress';
import { FakeClock, FakeWatchers, MemoryFiles, settle } from './fakeFiles';
import { Gate, pageWith } from './fakes';

// Issue 13, item 10 (the watcher), without VS Code: changes are folded into reloads that come at the
// latest `maxWaitMs` after a burst begins, no change is missed across a reload, and special files are
// never read. The glue (src/store/corpusFiles.ts) only adapts VS Code's file system and watchers to this.

const DELAY = 300;
const MAX_WAIT = 2000;

/** Corpus files over `MemoryFiles`, with the clock, the watchers, and a count of the reloads asked for. */
function watched(fs = new MemoryFiles()): { files: WatchedCorpusFiles<string>; fs: MemoryFiles; clock: FakeClock; watchers: FakeWatchers; reloads: () => number } {
  const clock = new FakeClock();
  const watchers = new FakeWatchers();
  let reloads = 0;
  const files = new WatchedCorpusFiles<string>({
    fs, watch: watchers.watch, resolve: (entry) => (entry.startsWith('/') ? entry : undefined), settingKey: 'paperScout.corpus.sources',
    onChange: () => reloads++, delayMs: DELAY, maxWaitMs: MAX_WAIT, timers: clock,
  });
  return { files, fs, clock, watchers, reloads: () => reloads };
}

describe('corpus files: no change missed across a reload (no VS Code)', () => {
  it('keeps the watchers still needed, and makes new ones before disposing the old ones', async () => {
    const { files, fs, watchers } = watched();
    fs.write('/a.txt', pageWith('Paper A'));
    fs.folder('/dir');
    fs.write('/b.txt', pageWith('Paper B'));
    await files.read(['/a.txt', '/dir'], quietProgress());
    await files.read(['/a.txt', '/dir'], quietProgress());
    assert.deepEqual(watchers.events, ['watch /a.txt', 'watch /dir'], 'a second read of the same entries makes and disposes no watcher');
    await files.read(['/dir', '/b.txt'], quietProgress());
    assert.deepEqual(watchers.events.slice(2), ['watch /b.txt', 'dispose /a.txt']);
  });

  it('watches the entries before reading them, so a change during the read brings a reload', async () => {
    const { files, fs, watchers, clock, reloads } = watched();
    fs.folder('/dir');
    fs.write('/dir/one.txt', pageWith('Paper One'));
    const gate = new Gate();
    fs.gate = gate.promise;
    const reading = files.read(['/dir'], quietProgress());
    await settle();
    assert.deepEqual(fs.reads, ['/dir/one.txt'], 'the read is under way');
    fs.write('/dir/one.txt', pageWith('Paper One, Edited'));
    watchers.fire('/dir/one.txt');
    gate.open();
    await reading;
    clock.advance(DELAY);
    assert.equal(reloads(), 1);
  });

  it('finds a change no watcher reported by comparing the stamps after a read, and only then', async () => {
    const { files, fs, clock, reloads } = watched();
    fs.folder('/dir');
    fs.write('/dir/one.txt', pageWith('Paper One'));
    fs.write('/solo.txt', pageWith('Paper Solo'));
    await files.read(['/dir', '/solo.txt', '/later.txt'], quietProgress());
    clock.advance(2 * DELAY);
    await settle();
    clock.advance(DELAY);
    assert.equal(reloads(), 0, 'nothing changed');
    for (const change of [() => fs.write('/solo.txt', pageWith('Paper Solo, Edited')), () => fs.write('/dir/two.txt', pageWith('Paper Two')), () => fs.write('/later.txt', pageWith('Late')), () => fs.remove('/dir/one.txt')]) {
      await files.read(['/dir', '/solo.txt', '/later.txt'], quietProgress());
      const before = reloads();
      change(); // no watcher reports it
      clock.advance(2 * DELAY);
      await settle();
      clock.advance(DELAY);
      assert.equal(reloads(), before + 1, String(change));
    }
  });

  it('lets a newer read make an older read\'s stamp check moot', async () => {
    const { files, fs, clock, reloads } = watched();
    fs.write('/solo.txt', pageWith('Paper Solo'));
    await files.read(['/solo.txt'], quietProgress());
    fs.write('/solo.txt', pageWith('Paper Solo, Edited'));
    await files.read(['/solo.txt'], quietProgress()); // the reload that change brought
    clock.advance(2 * DELAY);
    await settle();
    clock.advance(DELAY);
    assert.equal(reloads(), 0, 'the newer read saw the edit; no second reload');
  });

  it('stops watching and checking once disposed', async () => {
    const { files, fs, clock, watchers, reloads } = watched();
    fs.write('/solo.txt', pageWith('Paper Solo'));
    await files.read(['/solo.txt'], quietProgress());
    files.dispose();
    assert.deepEqual(watchers.events, ['watch /solo.txt', 'dispose /solo.txt']);
    fs.write('/solo.txt', pageWith('Paper Solo, Edited'));
    clock.advance(10 * DELAY);
    await settle();
    assert.equal(reloads(), 0);
  });
});

describe('corpus files: special files (no VS Code)', () => {
  it('never reads a FIFO, socket or device, in a folder or named by the setting, and names each', async () => {
    const { files, fs } = watched();
    fs.folder('/dir');
    fs.write('/dir/good.txt', pageWith('A Good Paper'));
    fs.special('/dir/pipe.txt');
    fs.special('/dev/fifo.json');
    const texts = await files.read(['/dir', '/dev/fifo.json', 'relative.txt', '/gone.txt'], quietProgress());
    assert.deepEqual(texts.files.map((file) => file.file), ['/dir/good.txt']);
    assert.deepEqual(fs.reads, ['/dir/good.txt']);
    const problems = texts.diagnostics.map((d) => `${d.file}: ${d.message}`);
    assert.ok(problems.some((line) => /^\/dir\/pipe\.txt: is not a regular file \(a FIFO, socket or device\?\)/.test(line)), problems.join('\n'));
    assert.ok(problems.some((line) => /^\/dev\/fifo\.json: is not a regular file.*\(from paperScout\.corpus\.sources\[1\]\)$/.test(line)), problems.join('\n'));
    assert.ok(problems.some((line) => /^paperScout\.corpus\.sources\[2\]: "relative\.txt" is a relative path/.test(line)), problems.join('\n'));
    assert.ok(problems.some((line) => line === '/gone.txt: file not found (from paperScout.corpus.sources[3])'), problems.join('\n'));
  });
});
