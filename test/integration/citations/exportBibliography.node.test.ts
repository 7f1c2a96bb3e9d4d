// Export Bibliography on local files in the Node extension host, which writes them with Node's `fs`:
// a symlinked .bib stays a link to the file it points at, the file keeps its permission bits, a write
// the file system refuses leaves the original, and a read-only file is refused and left alone. (The web worker host has no local files: see
// exportBibliography.test.ts for what both hosts do.)
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  /** Exports the keys a LaTeX document cites to the file at `path`. */
  async function exportTo(path: string): Promise<{ added: string[] } | undefined> {
    const paper = (await api()).papers()[0];
    const { document } = await scratchDocument('latex', `\\cite{${paper.key}}\n`);
    return vscode.commands.executeCommand(COMMANDS.exportBibliography,
      { scope: 'document', document: document.uri.toString(), target: vscode.Uri.file(path).toString() });
  }

  it('writes through a symlink: the link stays a link, the file it points at gets the entries', async () => {
    const real = join(dir, 'real.bib');
    const link = join(dir, 'link.bib');
    writeFileSync(real, '@book{knuth1984, title = {The \\TeX book}}\n');
    symlinkSync('real.bib', link);
    const result = await exportTo(link);
    assert.ok(result && result.added.length === 1, JSON.stringify(result));
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link became a plain file');
    assert.strictEqual(readlinkSync(link), 'real.bib');
    assert.ok(readFileSync(real, 'utf8').includes(`@misc{${result.added[0]},`), 'the file the link points at has no new entry');
  });

  it('keeps the file\'s permission bits', async () => {
    const target = join(dir, 'group.bib');
    writeFileSync(target, '');
    chmodSync(target, 0o640);
    const result = await exportTo(target);
    assert.ok(result, 'the export failed');
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
