import assert from 'node:assert/strict';
import { CorpusLoader } from '../../../src/core/store/corpusLoader';
import { IssuedKeyFile, type KeyFileAccess, type LegacyKeys } from '../../../src/core/storage/issuedKeyFile';
import { corpusBytes, Gate, pageWith, RecordingLog, TestCorpusFiles } from '../store/fakes';

const NAME = '/storage/issued-citation-keys.json';

/** One file in memory; `failWrites` makes writes reject, `gate` holds each write until opened. */
class MemoryFile implements KeyFileAccess {
  readonly name = NAME;
  text: string | undefined;
  unreadable = false;
  failWrites = false;
  writes = 0;
  writing = 0;
  mostAtOnce = 0;
  gate: Gate | undefined;

  /** The size `size()` reports instead of the text's, as a file far larger than its text would. */
  reportedSize: number | undefined;
  reads = 0;

  async size(): Promise<number | undefined> {
    return this.text === undefined ? undefined : this.reportedSize ?? new TextEncoder().encode(this.text).byteLength;
  }

  async read(): Promise<Uint8Array | undefined> {
    this.reads++;
    if (this.unreadable) throw new Error('permission denied');
    return this.text === undefined ? undefined : new TextEncoder().encode(this.text);
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.writing++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.writing);
    try {
      await this.gate?.promise;
      if (this.failWrites) throw new Error('disk full');
      this.text = new TextDecoder().decode(bytes);
      this.writes++;
    } finally {
      this.writing--;
    }
  }

  json(): unknown {
    return this.text === undefined ? undefined : JSON.parse(this.text);
  }
}

/** A `globalState` entry in memory. */
class MemoryLegacy implements LegacyKeys {
  constructor(public value: unknown) {}
  get(): unknown { return this.value; }
  async clear(): Promise<void> { this.value = undefined; }
}

async function previousOf(store: IssuedKeyFile): Promise<[string, string][]> {
  return [...await store.previous()].sort();
}

describe('store: the issued keys file', () => {
  it('reads the keys the file holds, and none without a file', async () => {
    const file = new MemoryFile();
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, new RecordingLog())), []);
    file.text = JSON.stringify({ 'alpha method': 'alpha2024', beta: 'beta2024' });
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, new RecordingLog())), [['alpha method', 'alpha2024'], ['beta', 'beta2024']]);
  });

  for (const [what, text] of [['not JSON', '{"alpha": "alpha2024"'], ['not an object of strings', '{"alpha": 7}'], ['a list', '["alpha"]']]) {
    it(`counts a file that is ${what} as no keys, and says which file`, async () => {
      const file = new MemoryFile();
      file.text = text;
      const log = new RecordingLog();
      assert.deepEqual(await previousOf(new IssuedKeyFile(file, log)), []);
      assert.ok(log.lines.some((line) => line.startsWith('warn: ') && line.includes(NAME)), log.lines.join('\n'));
    });
  }

  it('drops an entry that is not a citation key, alone, and says so', async () => {
    const file = new MemoryFile();
    file.text = JSON.stringify({ alpha: 'alpha2024', brace: '}', comma: ',', newline: 'a\nb', space: 'a b', trailing: 'liger-', doubled: 'a::b', '': 'empty2024', beta: 'beta_2024' });
    const log = new RecordingLog();
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, log)), [['alpha', 'alpha2024'], ['beta', 'beta_2024']]);
    assert.ok(log.lines.some((line) => line.startsWith('warn: ') && line.includes(NAME) && line.includes('7 entries are not a citation key') && line.includes('"brace"')), log.lines.join('\n'));
  });

  it('does not read a keys file larger than any it writes (1 GB), and says how large it is', async () => {
    const file = new MemoryFile();
    file.text = JSON.stringify({ alpha: 'alpha2024' });
    file.reportedSize = 1024 * 1024 * 1024;
    const log = new RecordingLog();
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, log)), []);
    assert.equal(file.reads, 0, 'the file was read');
    assert.ok(log.lines.some((line) => line.includes(NAME) && line.includes('1,024 MB') && !line.includes('JSON')), log.lines.join('\n'));
  });

  it('counts an unreadable file as no keys, and says which file', async () => {
    const file = new MemoryFile();
    file.text = '{}';
    file.unreadable = true;
    const log = new RecordingLog();
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, log)), []);
    assert.ok(log.lines.some((line) => line.includes(NAME) && line.includes('permission denied')), log.lines.join('\n'));
  });

  it('moves the keys kept in globalState into a new file, then clears globalState', async () => {
    const file = new MemoryFile();
    const legacy = new MemoryLegacy({ alpha: 'alpha2024' });
    const store = new IssuedKeyFile(file, new RecordingLog(), legacy);
    assert.deepEqual(await previousOf(store), [['alpha', 'alpha2024']]);
    assert.deepEqual(file.json(), { alpha: 'alpha2024' });
    assert.equal(legacy.value, undefined);
  });

  it('keeps the globalState keys where they are while the file cannot be written', async () => {
    const file = new MemoryFile();
    file.failWrites = true;
    const legacy = new MemoryLegacy({ alpha: 'alpha2024' });
    const log = new RecordingLog();
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, log, legacy)), [['alpha', 'alpha2024']]);
    assert.deepEqual(legacy.value, { alpha: 'alpha2024' });
    assert.ok(log.lines.some((line) => line.startsWith('error: ') && line.includes(NAME) && line.includes('disk full')), log.lines.join('\n'));
    file.failWrites = false;
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, log, legacy)), [['alpha', 'alpha2024']]);
    assert.equal(legacy.value, undefined);
  });

  it('leaves globalState alone once the file exists, and drops an invalid globalState value', async () => {
    const file = new MemoryFile();
    file.text = JSON.stringify({ beta: 'beta2024' });
    const legacy = new MemoryLegacy({ alpha: 'alpha2024' });
    assert.deepEqual(await previousOf(new IssuedKeyFile(file, new RecordingLog(), legacy)), [['beta', 'beta2024']]);
    assert.deepEqual(legacy.value, { alpha: 'alpha2024' });

    const none = new MemoryFile();
    const invalid = new MemoryLegacy(['not', 'a', 'record']);
    assert.deepEqual(await previousOf(new IssuedKeyFile(none, new RecordingLog(), invalid)), []);
    assert.equal(invalid.value, undefined);
    assert.equal(none.text, undefined);
  });

  it('writes one at a time, in the order asked, and reads after the writes', async () => {
    const file = new MemoryFile();
    file.gate = new Gate();
    const store = new IssuedKeyFile(file, new RecordingLog());
    store.save(new Map([['a', 'a1']]));
    store.save(new Map([['a', 'a1'], ['b', 'b1']]));
    const read = store.previous();
    file.gate.open();
    assert.deepEqual([...await read].sort(), [['a', 'a1'], ['b', 'b1']]);
    assert.equal(file.mostAtOnce, 1);
    assert.equal(file.writes, 2);
    assert.deepEqual(file.json(), { a: 'a1', b: 'b1' });
  });

  it('logs a failed write, offers its keys, and writes them again at the next read', async () => {
    const file = new MemoryFile();
    file.text = '{}';
    file.failWrites = true;
    const log = new RecordingLog();
    const store = new IssuedKeyFile(file, log);
    store.save(new Map([['a', 'a1']]));
    assert.deepEqual(await previousOf(store), [['a', 'a1']]);
    assert.ok(log.lines.some((line) => line.startsWith('error: ') && line.includes(NAME)), log.lines.join('\n'));
    file.failWrites = false;
    assert.deepEqual(await previousOf(store), [['a', 'a1']]);
    assert.deepEqual(file.json(), { a: 'a1' });
  });
});

describe('store: keys kept in the file across sessions', () => {
  const ALPHA = 'Foo: Alpha Method for Quantized Models';
  const BETA = 'Foo: Beta Method for Quantized Models';

  /** A new session: a loader and key store over `file`. */
  function session(file: MemoryFile, legacy?: LegacyKeys): CorpusLoader {
    const files = new TestCorpusFiles();
    files.texts.set('alpha.txt', pageWith(ALPHA));
    files.texts.set('beta.txt', pageWith(BETA));
    const log = new RecordingLog();
    return new CorpusLoader({ name: 'dist/corpus.json', read: async () => corpusBytes() }, files, log, new IssuedKeyFile(file, log, legacy));
  }

  async function keyOf(loader: CorpusLoader, entries: string[], title: string): Promise<string | undefined> {
    const { papers } = await loader.load({ includeBundled: true, entries, settingKey: 'paperScout.corpusFiles' });
    return papers.find((paper) => paper.title === title)?.key;
  }

  it('gives a paper its key back in the next session, and writes only when the keys changed', async () => {
    const file = new MemoryFile();
    const first = session(file);
    const betaKey = await keyOf(first, ['alpha.txt', 'beta.txt'], BETA);
    assert.equal(file.writes, 1);
    await keyOf(first, ['alpha.txt', 'beta.txt'], BETA);
    assert.equal(file.writes, 1, 'the same keys were written again');
    assert.equal(await keyOf(session(file), ['beta.txt'], BETA), betaKey, 'the key moved in a new session');
  });

  it('never drops a paper for a bad issued key: the paper gets a key afresh, and the bad entry is not saved again', async () => {
    const file = new MemoryFile();
    const betaKey = await keyOf(session(file), ['alpha.txt', 'beta.txt'], BETA);
    const identity = Object.entries(file.json() as Record<string, string>).find(([, key]) => key === betaKey)?.[0];
    assert.ok(identity, 'beta has no issued key');
    for (const bad of ['}', ',', 'two\nlines', 'a b', `${betaKey}-`]) {
      file.text = JSON.stringify({ ...(file.json() as object), [identity]: bad });
      const loader = session(file);
      const key = await keyOf(loader, ['alpha.txt', 'beta.txt'], BETA);
      assert.equal(key, betaKey, `with ${JSON.stringify(bad)} issued, beta was dropped or moved`);
      assert.equal((file.json() as Record<string, string>)[identity], betaKey, `the bad entry ${JSON.stringify(bad)} was saved again`);
    }
  });

  it('keeps a key that was in globalState before the file', async () => {
    const file = new MemoryFile();
    const legacy = new MemoryLegacy(undefined);
    const betaKey = await keyOf(session(new MemoryFile()), ['alpha.txt', 'beta.txt'], BETA);
    assert.notEqual(await keyOf(session(new MemoryFile()), ['beta.txt'], BETA), betaKey, 'beta alone gets another key (else this proves nothing)');
    const earlier = new MemoryFile();
    await keyOf(session(earlier), ['alpha.txt', 'beta.txt'], BETA);
    legacy.value = earlier.json();
    assert.equal(await keyOf(session(file, legacy), ['beta.txt'], BETA), betaKey);
    assert.equal(legacy.value, undefined);
    assert.ok(Object.values(file.json() as Record<string, string>).includes(betaKey!));
  });
});
