import * as vscode from 'vscode';
import * as assert from '../assert';
import { runDismissing, untitledDocument } from '../helpers';
import { scout } from './scout';

describe('features: search', () => {
  it('ranks a paper first by its citation key, and filters by topic', async () => {
    const api = await scout();
    const paper = api.papers()[7];
    assert.strictEqual((await api.search(paper.key))[0]?.paper.id, paper.id);
    const topic = paper.topics[0];
    const filtered = await api.search('model', { topic, limit: 100 });
    assert.ok(filtered.length > 0, 'no results in the topic');
    assert.ok(filtered.every((result) => result.paper.topics.includes(topic)), 'a result outside the topic');
  });

  it('opens the search with the selected text, and the argument-less commands ask with it', async () => {
    const editor = await untitledDocument('markdown', 'low-rank adaptation');
    const document = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 19);
    for (const command of ['paperScout.searchSelection', 'paperScout.openPaper', 'paperScout.insertCitation', 'paperScout.copyCitation', 'paperScout.revealPaper', 'paperScout.replaceSelectionWithCitation']) {
      await runDismissing(command);
    }
    assert.strictEqual(document.getText(), 'low-rank adaptation', 'a dismissed search changed the document');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
