import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, closeAllEditors, untitledDocument, waitFor, within } from '../helpers';

/** Runs one Undo and waits until the document holds `text` again (every insertion was one edit). */
async function undoRestores(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.commands.executeCommand('undo');
  await waitFor(() => editor.document.getText() === text, `one undo to restore ${JSON.stringify(text)}`);
}

describe('citations: insertion', () => {
  afterEach(closeAllEditors);

  it('inserts with Paper Scout: Insert Citation into an untitled document, and undo removes it', async () => {
    const paper = (await api()).papers()[0];
    const editor = await untitledDocument('latex', '');
    await within(vscode.commands.executeCommand(COMMANDS.insertCitation, paper.id), 10_000, 'Insert Citation');
    assert.strictEqual(editor.document.getText(), `\\cite{${paper.key}}`);
    await undoRestores(editor, '');
  });

  it('inserts a Markdown link in Markdown and \\cite{key} in LaTeX', async () => {
    const scout = await api();
    const paper = scout.papers()[0];
    const markdown = await untitledDocument('markdown', 'See ');
    markdown.selection = new vscode.Selection(0, 4, 0, 4);
    assert.strictEqual(await scout.insertCitation(paper.id), true);
    assert.ok(/^See \[.+\]\(https:\/\/huggingface\.co\/papers\?q=.+\) \((\d{4}|n\.d\.)\)$/.test(markdown.document.getText()), markdown.document.getText());

    const latex = await untitledDocument('latex', 'As shown in ');
    latex.selection = new vscode.Selection(0, 12, 0, 12);
    await scout.insertCitation(paper.id);
    assert.strictEqual(latex.document.getText(), `As shown in \\cite{${paper.key}}`);
  });

  it('writes a comment in code, above the line when code follows the cursor', async () => {
    const scout = await api();
    const paper = scout.papers()[1];
    const python = await untitledDocument('python', 'def f():\n    return g(x)\n');
    python.selection = new vscode.Selection(1, 13, 1, 13); // inside g(|x)
    await scout.insertCitation(paper.id);
    const lines = python.document.getText().split('\n');
    assert.ok(/^ {4}# \S.* \((\d{4}|n\.d\.)\), https:\/\/huggingface\.co\/papers\?q=\S+$/.test(lines[1]), `comment not above the line, indented: ${JSON.stringify(lines)}`);
    assert.ok(!lines[1].includes('Paper Scout'), 'the comment names the product');
    assert.strictEqual(lines[2], '    return g(x)', 'the code line changed');

    const typescript = await untitledDocument('typescript', 'const a = 1;');
    typescript.selection = new vscode.Selection(0, 12, 0, 12);
    await scout.insertCitation(paper.id);
    assert.ok(/^const a = 1; \/\/ \S.+ \((\d{4}|n\.d\.)\), https:\S+$/.test(typescript.document.getText()), typescript.document.getText());
  });

  it('joins a comment the cursor is in, without a second comment marker', async () => {
    const scout = await api();
    const paper = scout.papers()[1];
    const python = await untitledDocument('python', 'x = g(y)  # memory trick from \n');
    python.selection = new vscode.Selection(0, 30, 0, 30);
    await scout.insertCitation(paper.id, 'comment');
    const line = python.document.getText().split('\n')[0];
    assert.ok(line.startsWith('x = g(y)  # memory trick from ') && /\), https:\S+$/.test(line), line);
    assert.strictEqual(line.split('#').length, 2, `a second comment marker: ${line}`);
  });

  it('inserts at every cursor as one undoable edit, after (not over) a selection', async () => {
    const scout = await api();
    const paper = scout.papers()[2];
    const editor = await untitledDocument('latex', 'one\ntwo words\nthree');
    editor.selections = [new vscode.Selection(0, 3, 0, 3), new vscode.Selection(1, 4, 1, 9), new vscode.Selection(2, 5, 2, 5)];
    await scout.insertCitation(paper.id, 'latex');
    const cite = `\\cite{${paper.key}}`;
    assert.strictEqual(editor.document.getText(), `one${cite}\ntwo words${cite}\nthree${cite}`);
    await undoRestores(editor, 'one\ntwo words\nthree');
  });

  it('replaces the selection only when asked to', async () => {
    const scout = await api();
    const paper = scout.papers()[3];
    const editor = await untitledDocument('markdown', 'cite me here');
    editor.selection = new vscode.Selection(0, 5, 0, 7);
    await scout.insertCitation(paper.id, 'pandoc', { replaceSelection: true });
    assert.strictEqual(editor.document.getText(), `cite [@${paper.key}] here`);
  });

  it('uses the per-language default format from the settings', async () => {
    const scout = await api();
    const paper = scout.papers()[4];
    const config = vscode.workspace.getConfiguration('paperScout');
    await config.update('citation.defaultFormat', { markdown: 'pandoc' }, vscode.ConfigurationTarget.Global);
    try {
      const editor = await untitledDocument('markdown', '');
      await scout.insertCitation(paper.id);
      assert.strictEqual(editor.document.getText(), `[@${paper.key}]`);
    } finally {
      await config.update('citation.defaultFormat', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('copies the citation when no editor is open', async () => {
    const scout = await api();
    const paper = scout.papers()[5];
    await closeAllEditors();
    assert.strictEqual(await scout.insertCitation(paper.id, 'bibtex'), false);
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.startsWith(`@misc{${paper.key},`), `clipboard holds ${JSON.stringify(copied.slice(0, 80))}`);
  });
});
