// The user's corpus files (setting paperScout.corpus.sources): read from the setting, merged with the bundled papers, re-read when a
// file changes, and every bad file reported by name and line or JSON path without losing the rest.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, setSetting, waitFor, workspaceRoot } from '../helpers';

const FOLDER = 'paper-scout-user-corpus';
const ABSTRACT = 'We propose a careful study of quantized sparse adapters for very small language models. '.repeat(8);

function page(...titles: string[]): string {
  return ['new', '', 'Subscribe', '', 'Mar 14', '', ...titles.flatMap((title) => [title, '', ABSTRACT, '', '  • 4 authors', '·', 'Feb 2, 2024 3', ''])].join('\n');
}

describe('store: the user\'s corpus files', function () {
  this.timeout(60_000);
  let folder: vscode.Uri;

  before(async () => {
    folder = vscode.Uri.joinPath(workspaceRoot(), FOLDER);
    await vscode.workspace.fs.createDirectory(folder);
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    await write('mine.txt', page('My Own Paper on Quantized Adapters'));
    await write('broken.txt', 'Lonely Title Without Abstract\n');
    await write('bad.json', '{"version": 1,\n  "papers": [ }\n');
    await write('wrong.json', JSON.stringify({ version: 1, topics: [], papers: [{ id: 'NOT A SLUG', title: 'x' }] }));
  });

  after(async () => {
    await setSetting('corpus.sources', undefined);
    await setSetting('corpus.includeBundled', undefined);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('loads a folder of the user\'s files next to the bundled papers and reports each bad file once', async () => {
    const scout = await api();
    // An earlier test's corpus files may still be in force: count the papers without any.
    await setSetting('corpus.sources', undefined);
    await scout.reload();
    const bundled = scout.papers().length;
    await setSetting('corpus.sources', [FOLDER]);
    await waitFor(() => scout.papers().some((paper) => paper.title === 'My Own Paper on Quantized Adapters'), 'the user paper to load');
    assert.strictEqual(scout.papers().length, bundled + 1, 'bundled papers are all kept');
    const mine = scout.papers().find((paper) => paper.title === 'My Own Paper on Quantized Adapters');
    assert.deepStrictEqual([mine?.published, mine?.upvotes, mine?.authorsCount], ['2024-02-02', 3, 4]);
    assert.ok((await scout.search('quantized adapters own paper')).some((result) => result.paper.id === mine?.id), 'the user paper is searchable');
    const problems = scout.diagnostics().map((d) => `${d.file.split('/').pop()}:${d.line ?? d.path}`);
    assert.ok(problems.includes('broken.txt:1'), problems.join(', '));
    assert.ok(problems.includes('bad.json:2'), problems.join(', '));
    assert.ok(problems.includes('wrong.json:papers[0].id'), problems.join(', '));
  });

  it('reloads by itself when a file changes', async () => {
    const scout = await api();
    await setSetting('corpus.sources', [FOLDER]);
    await waitFor(() => scout.papers().some((paper) => paper.title === 'My Own Paper on Quantized Adapters'), 'the user paper to load');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'mine.txt'), new TextEncoder().encode(page('My Own Paper on Quantized Adapters', 'A Second Paper Added Later')));
    await waitFor(() => scout.papers().some((paper) => paper.title === 'A Second Paper Added Later'), 'the file watcher to reload the changed file');
  });

  it('re-reads the files on Paper Scout: Reload Papers', async () => {
    const scout = await api();
    await setSetting('corpus.sources', [FOLDER]);
    await waitFor(() => scout.papers().some((paper) => paper.title === 'My Own Paper on Quantized Adapters'), 'the user paper to load');
    const file = vscode.Uri.joinPath(folder, 'late.txt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(page('A Paper Read on Reload')));
    await vscode.commands.executeCommand(COMMANDS.reload);
    assert.ok(scout.papers().some((paper) => paper.title === 'A Paper Read on Reload'), 'Reload Papers did not read the new file');
    await vscode.workspace.fs.delete(file, { useTrash: false });
  });

  it('can turn the bundled papers off, and a missing file is reported with the setting entry', async () => {
    const scout = await api();
    await setSetting('corpus.sources', [FOLDER, 'no/such/file.txt']);
    await setSetting('corpus.includeBundled', false);
    await waitFor(() => scout.papers().length === 2, 'only the user papers to remain');
    assert.ok(scout.diagnostics().some((d) => /file\.txt$/.test(d.file) && /not found.*paperScout\.corpus\.sources\[1\]/.test(d.message)), JSON.stringify(scout.diagnostics()));
    await setSetting('corpus.includeBundled', undefined);
    await waitFor(() => scout.papers().length > 200, 'the bundled papers to come back');
  });
});
