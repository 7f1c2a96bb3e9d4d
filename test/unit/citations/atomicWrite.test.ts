import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileHost } from '../../../src/citations/nodeFileHost';
import { type AtomicWriteError, writeFileAtomically, type AtomicWriteHost } from '../../../src/core/citations/atomicWrite';

/** The real file system, through the host the Node extension host writes exported `.bib` files with. */
const nodeHost = nodeFileHost;

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

  it('keeps the exact mode even where the umask would trim it', async () => {
    const target = join(dir, 'shared.bib');
    writeFileSync(target, 'old');
    chmodSync(target, 0o666);
    const umask = process.umask(0o077);
    try {
      await writeFileAtomically(nodeHost, target, encode('new'), encode('old'));
    } finally {
      process.umask(umask);
    }
    assert.equal(statSync(target).mode & 0o7777, 0o666);
  });

  it('leaves the original when the file system refuses the temporary file (a name too long for it)', async () => {
    const target = join(dir, `${'r'.repeat(240)}.bib`); // the temporary name beside it passes 255 bytes
    writeFileSync(target, 'original');
    await assert.rejects(writeFileAtomically(nodeHost, target, encode('new'), encode('original')), (error: AtomicWriteError) => {
      assert.equal(error.reason, 'failed');
      assert.match(error.message, /could not write beside r+\.bib: .*ENAMETOOLONG.*; r+\.bib is unchanged/);
      return true;
    });
    assert.equal(readFileSync(target, 'utf8'), 'original');
    assert.deepEqual(readdirSync(dir), [`${'r'.repeat(240)}.bib`]);
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
