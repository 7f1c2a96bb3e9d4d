import assert from 'node:assert/strict';
import { CorpusLoader } from '../../../src/core/store/corpusLoader';
import { rememberIssuedKeys, type IssuedKeyStore } from '../../../src/core/storage/issuedKeyStore';
import { corpusBytes, pageWith, RecordingLog, TestCorpusFiles } from '../store/fakes';

/** Keys kept in memory, as the extension's file keeps them between sessions. */
class MemoryKeys implements IssuedKeyStore {
  keys = new Map<string, string>();
  saves = 0;
  async previous(): Promise<ReadonlyMap<string, string>> { return this.keys; }
  save(keys: ReadonlyMap<string, string>): void { this.keys = new Map(keys); this.saves++; }
}

/** The key of the paper titled `title` once the loader has read `entries`. */
async function keysAfter(loader: CorpusLoader, entries: string[]): Promise<Map<string, string>> {
  const { papers } = await loader.load({ includeBundled: true, entries, settingKey: 'paperScout.corpusFiles' });
  return new Map(papers.map((paper) => [paper.title, paper.key]));
}

const ALPHA = 'Foo: Alpha Method for Quantized Models';
const BETA = 'Foo: Beta Method for Quantized Models';

describe('store: the keys of users\' papers never move', () => {
  function loaderWith(keys?: IssuedKeyStore): CorpusLoader {
    const files = new TestCorpusFiles();
    files.texts.set('alpha.txt', pageWith(ALPHA));
    files.texts.set('beta.txt', pageWith(BETA));
    return new CorpusLoader({ name: 'dist/corpus.json', read: async () => corpusBytes() }, files, new RecordingLog(), keys);
  }

  it('moves a key when a file is removed, without the kept keys (the failure this prevents)', async () => {
    const loader = loaderWith();
    const both = await keysAfter(loader, ['alpha.txt', 'beta.txt']);
    assert.equal(both.get(ALPHA), 'foo2024');
    const betaAlone = await keysAfter(loader, ['beta.txt']);
    assert.notEqual(betaAlone.get(BETA), both.get(BETA));
  });

  it('keeps every key through removing, re-adding and reordering files', async () => {
    const kept = new MemoryKeys();
    const loader = loaderWith(kept);
    const both = await keysAfter(loader, ['alpha.txt', 'beta.txt']);
    const betaKey = both.get(BETA)!;
    assert.equal((await keysAfter(loader, ['beta.txt'])).get(BETA), betaKey, 'removing alpha.txt moved beta\'s key');
    const again = await keysAfter(loader, ['beta.txt', 'alpha.txt']);
    assert.equal(again.get(BETA), betaKey);
    assert.equal(again.get(ALPHA), both.get(ALPHA), 'alpha did not get its key back');
    assert.deepEqual([...kept.keys.values()].sort(), [both.get(ALPHA), betaKey].sort());
  });

  it('lets a paper first seen alone keep the natural key when a rival arrives', async () => {
    const kept = new MemoryKeys();
    const loader = loaderWith(kept);
    assert.equal((await keysAfter(loader, ['beta.txt'])).get(BETA), 'foo2024');
    const both = await keysAfter(loader, ['alpha.txt', 'beta.txt']);
    assert.equal(both.get(BETA), 'foo2024');
    assert.notEqual(both.get(ALPHA), 'foo2024');
  });

  it('saves only when the keys changed', async () => {
    const kept = new MemoryKeys();
    const loader = loaderWith(kept);
    await keysAfter(loader, ['alpha.txt']);
    await keysAfter(loader, ['alpha.txt']);
    assert.equal(kept.saves, 1);
  });
});

describe('rememberIssuedKeys', () => {
  it('keeps the keys issued now and the earlier ones of papers not loaded', () => {
    const kept = rememberIssuedKeys(new Map([['a', 'a2024'], ['b', 'b2024']]), new Map([['b', 'b2024'], ['c', 'c2024']]));
    assert.deepEqual([...kept].sort(), [['a', 'a2024'], ['b', 'b2024'], ['c', 'c2024']]);
  });

  it('forgets an earlier key that another paper holds now', () => {
    const kept = rememberIssuedKeys(new Map([['gone', 'foo2024']]), new Map([['other', 'foo2024']]));
    assert.deepEqual([...kept], [['other', 'foo2024']]);
  });

  it('keeps at most the limit, the keys issued now first', () => {
    const previous = new Map(Array.from({ length: 10 }, (_, i) => [`old${i}`, `old${i}_key`] as [string, string]));
    const kept = rememberIssuedKeys(previous, new Map([['new', 'new_key']]), 4);
    assert.equal(kept.size, 4);
    assert.equal(kept.get('new'), 'new_key');
  });
});
