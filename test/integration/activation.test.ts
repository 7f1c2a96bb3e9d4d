// Runs first (files run in path order): nothing has asked for the extension yet, so these tests see it
// activate by its manifest alone, as a user who opens a code file first does.
import * as vscode from 'vscode';
import * as assert from './assert';
import { api, closeAllEditors, extension, scratchDocument, waitFor } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('offers @cite: completion in a code file opened first, activated by its manifest alone', async () => {
    // No activate() call: only the manifest's activation events can start Paper Scout here. The fixture
    // workspace holds a .tex file (workspaceContains) and the file opened is Python (onLanguage:python).
    const content = 'x = 1  # see @cite:';
    const { document } = await scratchDocument('python', content);
    const end = document.positionAt(content.length);
    const offered = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end, ':');
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).length;
    }, 'Paper Scout to activate by itself and offer papers after @cite: in a Python comment', 20_000);
    // The first 50 papers by the passage; VS Code asks again as a key is typed.
    assert.strictEqual(offered, 50, `${offered} papers offered`);
    assert.strictEqual(extension().isActive, true);
  });

  it('returns an API whose papers() holds the bundled corpus', async () => {
    const papers = (await api()).papers();
    assert.ok(papers.length > 200, `only ${papers.length} papers loaded`);
    for (const paper of papers.slice(0, 5)) {
      assert.strictEqual(typeof paper.id, 'string');
      assert.strictEqual(typeof paper.title, 'string');
      assert.strictEqual(typeof paper.key, 'string');
    }
  });

  it('offers the test hooks, since VS Code runs it under ExtensionMode.Test', async () => {
    assert.ok((await api()).testHooks, 'no test hooks under ExtensionMode.Test');
  });
});
