// Export Bibliography on local files in the Node extension host, which writes them with Node's `fs`:
// a symlinked .bib is followed only after a warning naming the file it leads to, and then stays a link
// to it; the file keeps its permission bits, a write the file system refuses leaves the original, a
// read-only file is refused and left alone, and a file too large to merge into is not read. (The web
// worker host has no local files: see exportBibliography.test.ts for what both hosts do.)
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, closeAllEditors, scratchDocument, workspaceRoot } from '../helpers';

describe('citations: export bibliography to local files (Node host)', () => {
  let dir: string;

  before(async () => {
    await api();
    assert.strictEqual(workspaceRoot().scheme, 'file', 'the Node host tests run on a local folder');
    dir = mkdtempSync(join(workspaceRoot().fsPath, '.paper-scout-local-export-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  /** What the export resolves to: its merge, or why it refused the target. */
  type Outcome = { added: string[]; refused?: undefined } | { refused: string; message: string; realTarget?: string; added?: undefined };

  /** Exports the keys a LaTeX document cites to the file at `path` (following a link only to `followLinkTo`). */
  async function exportTo(path: string, followLinkTo?: string): Promise<Outcome | undefined> {
    const paper = (await api()).papers()[0];
    const { document } = await scratchDocument('latex', `\\cite{${paper.key}}\n`);
    return vscode.commands.executeCommand(COMMANDS.exportBibliography,
      { scope: 'document', document: document.uri.toString(), target: vscode.Uri.file(path).toString(), followLinkTo });
  }

  it('warns before writing through a symlink, naming the file it leads to; once that file is accepted, the link stays a link', async () => {
    const real = join(dir, 'real.bib');
    const link = join(dir, 'link.bib');
    const original = '@book{knuth1984, title = {The \\TeX book}}\n';
    writeFileSync(real, original);
    symlinkSync('real.bib', link);
    const warned = await exportTo(link);
    assert.ok(warned?.refused === 'symbolic link', JSON.stringify(warned));
    assert.ok(warned.message.includes(realpathSync(real)), `the warning does not name the real file: ${warned.message}`);
    assert.strictEqual(readFileSync(real, 'utf8'), original, 'the file behind the link was written before the user agreed');
    assert.strictEqual(warned.realTarget, vscode.Uri.file(realpathSync(real)).toString());
    const result = await exportTo(link, warned.realTarget);
    assert.ok(result?.added?.length === 1, JSON.stringify(result));
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link became a plain file');
    assert.strictEqual(readlinkSync(link), 'real.bib');
    assert.ok(readFileSync(real, 'utf8').includes(`@misc{${result.added[0]},`), 'the file the link points at has no new entry');
  });

  it('warns that a workspace refs.bib linking to a dotfile outside the workspace leads there, and leaves that file alone', async () => {
    const home = mkdtempSync(join(tmpdir(), 'paper-scout-home-'));
    try {
      const dotfile = join(home, '.dotfile.bib');
      writeFileSync(dotfile, '% my dotfile\n');
      const link = join(dir, 'refs.bib');
      symlinkSync(dotfile, link);
      const warned = await exportTo(link);
      assert.ok(warned?.refused === 'symbolic link', JSON.stringify(warned));
      assert.ok(warned.message.includes(realpathSync(dotfile)) && warned.message.includes('outside the workspace'), warned.message);
      assert.strictEqual(readFileSync(dotfile, 'utf8'), '% my dotfile\n');
      const elsewhere = await exportTo(link, vscode.Uri.file(join(home, 'other.bib')).toString());
      assert.ok(elsewhere?.refused === 'symbolic link', 'a link was followed to a file other than the one accepted');
      assert.strictEqual(readFileSync(dotfile, 'utf8'), '% my dotfile\n');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('does not read a .bib file too large to merge into, and says how large it is', async () => {
    const huge = join(dir, 'huge.bib');
    writeFileSync(huge, '');
    truncateSync(huge, 1024 * 1024 * 1024); // 1 GB, sparse: nothing is written to the disk
    const result = await exportTo(huge);
    assert.ok(result?.refused === 'too large', JSON.stringify(result));
    assert.ok(/1,024 MB/.test(result.message) && !/UTF-8/.test(result.message), result.message);
    assert.strictEqual(statSync(huge).size, 1024 * 1024 * 1024);
  });

  it('keeps the file\'s permission bits', async () => {
    const target = join(dir, 'group.bib');
    writeFileSync(target, '');
    chmodSync(target, 0o640);
    const result = await exportTo(target);
    assert.ok(result?.added, `the export failed: ${JSON.stringify(result)}`);
    assert.strictEqual(statSync(target).mode & 0o7777, 0o640);
  });

  it('leaves the original byte for byte when the write fails, and no temporary file', async () => {
    // The file system refuses the temporary file beside it: its name would pass 255 bytes.
    const target = join(dir, `${'r'.repeat(240)}.bib`);
    const original = '% mine\r\n@book{knuth1984, title = {The \\TeX book}}\r\n';
    writeFileSync(target, original);
    assert.strictEqual(await exportTo(target), undefined, 'the export reported success');
    assert.strictEqual(readFileSync(target, 'utf8'), original);
    assert.deepStrictEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'temporary files left behind');
  });

  it('refuses a read-only file and leaves it byte for byte', async () => {
    const target = join(dir, 'locked.bib');
    const original = '% mine\n';
    writeFileSync(target, original);
    chmodSync(target, 0o444);
    assert.strictEqual(await exportTo(target), undefined, 'a read-only file was written');
    assert.strictEqual(readFileSync(target, 'utf8'), original);
    assert.strictEqual(statSync(target).mode & 0o7777, 0o444);
  });
});
