import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { detachedString } from '../../../src/core/detachedString';
import { readBibtexSteps } from '../../../src/core/library/bibtexReader';
import type { LibraryFileRead } from '../../../src/core/library/libraryEntry';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { runToEnd } from '../../../src/core/slices';
import { threadEngine } from '../../../src/core/store/searchEngine';
import { testStore } from '../store/fakes';

// Issue 19, memory across rewrites: a read of a changed `.bib` file keeps the unchanged entries of the read
// before, so a string an entry keeps that is still a view into the text it was cut from (V8 makes a
// substring of 13 characters or more one) would keep that whole text alive, one per rewrite.

/** A full collection on demand: mocha runs without `--expose-gc`, so the flag is set now and `gc` taken from a new context. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap in use after full collections, in bytes. */
function heapAfterCollection(gc: () => void): number {
  // The engine keeps the subject of the last regular expression run (for `RegExp.lastMatch`): a small one, not the last file text.
  /x/.exec('x');
  for (let round = 0; round < 3; round++) gc();
  return process.memoryUsage().heapUsed;
}

const PADDING = 8 * 1024 * 1024;

/**
 * A fresh `.bib` text (its own string, padded by an `@comment` to 8 MB) of 40 entries whose key, type, DOI,
 * keywords, names, title, venue and URL are long enough to be cut as views, entry `changed` edited as version `version`.
 */
function libraryText(version: number, changed: number): string {
  const entries = Array.from({ length: 40 }, (_, at) => {
    const title = at === changed ? `An edited title, version ${version}, of a long paper` : `Plain long title of paper number ${at} without markup`;
    return `@inproceedings{vaswaniAttentionIsAllYouNeed${at},\n  title = {${title}},\n  author = {Wolfgangsson-Abercrombie, Bartholomew Maximilian and Featherstonehaugh, Cholmondeley Theodore},\n  booktitle = {Proceedings of the Fortieth International Conference on Machine Learning},\n  year = {2023},\n  doi = {10.48550/arxiv.1706.0376${at}},\n  url = {https://example.org/papers/very/long/path/${at}},\n  keywords = {attention mechanisms,sequence transduction}\n}\n`;
  });
  return `${entries.join('\n')}\n@comment{${String(version % 10).repeat(PADDING)}}\n`;
}

/** A read of the library after `rewrites` rewrites, each read with the read before (the texts gone once this returns). */
function rewritten(rewrites: number): LibraryFileRead {
  let read = runToEnd(readBibtexSteps(libraryText(0, -1), 'refs.bib'));
  for (let version = 1; version <= rewrites; version++) read = runToEnd(readBibtexSteps(libraryText(version, version), 'refs.bib', read));
  return read;
}

describe('library: what a read keeps of the file text', () => {
  it('detachedString gives the same text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), (text, cut) => {
      const start = cut % (text.length + 1);
      assert.equal(detachedString(text), text);
      assert.equal(detachedString(text.slice(start)), text.slice(start));
    }));
  });

  it('keeps no version of the file text alive across rewrites that each change one entry', function () {
    this.timeout(60000);
    const gc = collector();
    const before = heapAfterCollection(gc);
    const read = rewritten(5);
    const kept = heapAfterCollection(gc) - before;
    // What the entries themselves take is a few kilobytes; each text kept would be 8 MB (six of them when every string is a view).
    assert.equal(read.entries.length, 40);
    assert.ok(kept < PADDING / 2, `the reads keep ${(kept / 1048576).toFixed(1)} MB: some kept string still refers to a file text`);
  });

  it('keeps no file text in the store once its rewrites are read and merged (the re-read of a half-written file keeps only its location)', async function () {
    this.timeout(60000);
    const gc = collector();
    const { store } = testStore({ loadIndex: async (request) => threadEngine(PaperIndex.build(request.papers)) });
    await store.load();
    await store.index.ready();
    const reread = (): void => undefined;
    const update = (version: number): Promise<void> => store.updateLibrary([{ file: 'refs.bib', location: 'file:///lib/refs.bib', text: libraryText(version, version), format: 'bibtex', origin: 'workspace' }], [], reread);
    const before = heapAfterCollection(gc);
    for (let version = 0; version <= 3; version++) await update(version);
    const kept = heapAfterCollection(gc) - before;
    assert.equal(store.libraryPapers, 40);
    // Its 40 papers, their index and reads take well under a megabyte; a file text is 8 MB.
    assert.ok(kept < PADDING / 2, `the store keeps ${(kept / 1048576).toFixed(1)} MB more after a read and 3 rewrites: a file text is still referred to`);
    store.index.dispose();
    store.dispose();
  });
});
