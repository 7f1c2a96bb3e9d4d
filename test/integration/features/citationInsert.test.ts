import * as vscode from 'vscode';
import * as assert from '../assert';
import { closeAllEditors, waitFor } from '../helpers';
import { editorWith, scout } from './scout';

describe('features: citation insertion', () => {
  afterEach(closeAllEditors);

  it('inserts a Markdown link in Markdown and \\cite{key} in LaTeX', async () => {
    const api = await scout();
    const paper = api.papers()[0];
    const markdown = await editorWith('markdown', 'See ');
    markdown.selection = new vscode.Selection(0, 4, 0, 4);
    assert.strictEqual(await api.insertCitation(paper.id), true);
    assert.ok(/^See \[.+\]\(https:\/\/huggingface\.co\/papers\?q=.+\) \((\d{4}|n\.d\.)\)$/.test(markdown.document.getText()), markdown.document.getText());

    const latex = await editorWith('latex', 'As shown in ');
    latex.selection = new vscode.Selection(0, 12, 0, 12);
    await api.insertCitation(paper.id);
    assert.strictEqual(latex.document.getText(), `As shown in \\cite{${paper.key}}`);
  });

  it('writes a comment in code, above the line when code follows the cursor', async () => {
    const api = await scout();
    const paper = api.papers()[1];
    const python = await editorWith('python', 'def f():\n    return g(x)\n');
    python.selection = new vscode.Selection(1, 13, 1, 13); // inside g(|x)
    await api.insertCitation(paper.id);
    const lines = python.document.getText().split('\n');
    assert.ok(lines[1].startsWith('    # Paper Scout: '), `comment not above the line, indented: ${JSON.stringify(lines)}`);
    assert.strictEqual(lines[2], '    return g(x)', 'the code line changed');

    const typescript = await editorWith('typescript', 'const a = 1;');
    typescript.selection = new vscode.Selection(0, 12, 0, 12);
    await api.insertCitation(paper.id);
    assert.ok(/^const a = 1; \/\/ Paper Scout: .+$/.test(typescript.document.getText()), typescript.document.getText());
  });

  it('inserts at every cursor as one undoable edit, after (not over) a selection', async () => {
    const api = await scout();
    const paper = api.papers()[2];
    const editor = await editorWith('latex', 'one\ntwo words\nthree');
    editor.selections = [new vscode.Selection(0, 3, 0, 3), new vscode.Selection(1, 4, 1, 9), new vscode.Selection(2, 5, 2, 5)];
    await api.insertCitation(paper.id, 'latex');
    const cite = `\\cite{${paper.key}}`;
    assert.strictEqual(editor.document.getText(), `one${cite}\ntwo words${cite}\nthree${cite}`);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === 'one\ntwo words\nthree', 'one undo to remove every insertion');
  });

  it('replaces the selection only when asked to', async () => {
    const api = await scout();
    const paper = api.papers()[3];
    const editor = await editorWith('markdown', 'cite me here');
    editor.selection = new vscode.Selection(0, 5, 0, 7);
    await api.insertCitation(paper.id, 'pandoc', { replaceSelection: true });
    assert.strictEqual(editor.document.getText(), `cite [@${paper.key}] here`);
  });

  it('uses the per-language default format from the settings', async () => {
    const api = await scout();
    const paper = api.papers()[4];
    const config = vscode.workspace.getConfiguration('paperScout');
    await config.update('citation.defaultFormat', { markdown: 'pandoc' }, vscode.ConfigurationTarget.Global);
    try {
      const editor = await editorWith('markdown', '');
      await api.insertCitation(paper.id);
      assert.strictEqual(editor.document.getText(), `[@${paper.key}]`);
    } finally {
      await config.update('citation.defaultFormat', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('copies the citation when no editor is open', async () => {
    const api = await scout();
    const paper = api.papers()[5];
    await closeAllEditors();
    assert.strictEqual(await api.insertCitation(paper.id, 'bibtex'), false);
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.startsWith(`@misc{${paper.key},`), `clipboard holds ${JSON.stringify(copied.slice(0, 80))}`);
  });
});
