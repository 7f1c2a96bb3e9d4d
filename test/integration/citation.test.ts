import * as assert from './assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, requireContributed, untitledEditor, waitFor, within } from './helpers';

describe('citations', () => {
  before(async () => { await api(); });
  afterEach(closeAllEditors);

  it('inserts a citation into an untitled document, and undo removes it', async function () {
    requireContributed(this, { command: 'paperScout.insertCitation' });
    const paper = (await api()).papers()[0];
    const editor = await untitledEditor();
    await within(vscode.commands.executeCommand('paperScout.insertCitation', paper.id), 10_000, 'insertCitation');
    const text = await waitFor(() => editor.document.getText(), 'inserted text');
    assert.ok(text.includes(paper.key), `inserted text lacks the key ${paper.key}: ${text}`);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === '', 'undo to empty the document');
  });
});
