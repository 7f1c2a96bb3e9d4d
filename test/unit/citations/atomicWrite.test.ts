import assert from 'node:assert/strict';
import { chmodSync, constants, lstatSync, mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AtomicWriteError, writeFileAtomically, type AtomicWriteHost } from '../../../src/core/citations/atomicWrite';

/** The real file system through Node's `fs`, as the Node extension host and the CLI would give it. */
const nodeHost: AtomicWriteHost<string> = {
  async resolve(path) {
    try {
      return await fs.realpath(path);
    } catch {
      return path;
    }
  },
  async stat(path) {
    try {
      return { mode: (await fs.stat(path)).mode & 0o777 };
    } catch {
      return null;
    }
  },
  sibling: (path, name) => join(dirname(path), name),
  baseName: (path) => basename(path),
  async create(path, bytes, mode) {
    const handle = await fs.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { force: true }),
};

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paper-scout-atomic-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a new file and replaces an existing one, leaving no temporary file', async () => {
    const target = join(dir, 'references.bib');
    await writeFileAtomically(nodeHost, target, encode('first'), null);
    await writeFileAtomically(nodeHost, target, encode('second'), encode('first'));
    assert.equal(readFileSync(target, 'utf8'), 'second');
    assert.deepEqual(readdirSync(dir), ['references.bib']);
  });

  it('writes through a symlink to its target and keeps the link and the file\'s mode', async () => {
    const real = join(dir, 'real.bib');
    const link = join(dir, 'link.bib');
    writeFileSync(real, 'old');
    chmodSync(real, 0o640);
    symlinkSync(real, link);
    const written = await writeFileAtomically(nodeHost, link, encode('new'), encode('old'));
    assert.equal(written, real);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'new');
    assert.equal(statSync(real).mode & 0o777, 0o640);
  });

  it('refuses a read-only file with a message naming it, and leaves it alone', async () => {
    const target = join(dir, 'locked.bib');
    writeFileSync(target, 'mine');
    chmodSync(target, 0o444);
    await assert.rejects(writeFileAtomically(nodeHost, target, encode('new'), encode('mine')), (error: AtomicWriteError) => {
      assert.equal(error.reason, 'read-only');
      assert.match(error.message, /locked\.bib is read-only/);
      return true;
    });
    assert.equal(readFileSync(target, 'utf8'), 'mine');
  });

  it('leaves the original byte for byte when writing the new content fails', async () => {
    const target = join(dir, 'references.bib');
    const original = 'café \r\n@misc{x}\n';
    writeFileSync(target, original);
    const failing: AtomicWriteHost<string> = {
      ...nodeHost,
      async create(path, bytes, mode) {
        await nodeHost.create(path, bytes.slice(0, 3), mode); // a partial write, then the disk is full
        throw new Error('ENOSPC: no space left on device');
      },
    };
    await assert.rejects(writeFileAtomically(failing, target, encode('new content'), encode(original)), /no space left on device; references\.bib is unchanged/);
    assert.equal(readFileSync(target, 'utf8'), original);
    assert.deepEqual(readdirSync(dir), ['references.bib']);
  });

  it('leaves the original when the rename fails, and restores it when a rename deleted it first', async () => {
    const target = join(dir, 'references.bib');
    writeFileSync(target, 'original');
    const refusing: AtomicWriteHost<string> = { ...nodeHost, rename: () => Promise.reject(new Error('EBUSY: resource busy')) };
    await assert.rejects(writeFileAtomically(refusing, target, encode('new'), encode('original')), /EBUSY: resource busy; references\.bib is unchanged/);
    assert.equal(readFileSync(target, 'utf8'), 'original');
    assert.deepEqual(readdirSync(dir), ['references.bib']);

    // A host that renames by delete-then-move and fails in between, as VS Code's workspace.fs can.
    const deleting: AtomicWriteHost<string> = {
      ...nodeHost,
      async rename(_from, to) {
        await fs.rm(to);
        throw new Error('EXDEV: move failed');
      },
    };
    await assert.rejects(writeFileAtomically(deleting, target, encode('new'), encode('original')), /its content was restored/);
    assert.equal(readFileSync(target, 'utf8'), 'original');
    assert.deepEqual(readdirSync(dir), ['references.bib']);
  });
});
