// Inserting citations (issues 8 and 21): where a citation lands (a word boundary, the end of the sentence,
// a new comment line after the comment block), in which style (the document's own), as one undoable edit,
// and with the editor given the focus back afterwards.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { readableTitle } from '../../../src/core/citations/latexText';
import type { Paper } from '../../../src/core/types';
import { api, closeAllEditors, enterOnActive, hooks, nextEvent, setSetting, untilPanelLoadedAndActive, untitledDocument, waitFor, within } from '../helpers';

/** Runs one Undo and waits until the document holds `text` again (every insertion was one edit). */
async function undoRestores(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.commands.executeCommand('undo');
  await waitFor(() => editor.document.getText() === text, `one undo to restore ${JSON.stringify(text)}`);
}

/** An editor holding `marked` without its `|`, with the cursor where the `|` was. */
async function editorWithCursor(language: string, marked: string): Promise<vscode.TextEditor> {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'the text marks the cursor with |');
  const editor = await untitledDocument(language, marked.slice(0, at) + marked.slice(at + 1));
  const cursor = editor.document.positionAt(at);
  editor.selection = new vscode.Selection(cursor, cursor);
  return editor;
}

/** A paper whose title reads short enough for one comment line, with a date. */
function shortDatedPaper(papers: readonly Paper[]): Paper {
  const paper = papers.find((candidate) => candidate.published !== null && readableTitle(candidate.title).length < 45);
  assert.ok(paper, 'the corpus has a dated paper with a short title');
  return paper;
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

  describe('the document\'s own style', () => {
    it('gives plain Markdown the link, and Markdown that cites with [@key] or declares a bibliography [@key]', async () => {
      const scout = await api();
      const paper = scout.papers()[0];
      const plain = await editorWithCursor('markdown', 'See |');
      assert.strictEqual(await scout.insertCitation(paper.id), true);
      assert.ok(/^See \[.+\]\(https:\/\/\S+\)( \(\d{4}\))?$/.test(plain.document.getText()), plain.document.getText());

      const citing = await editorWithCursor('markdown', 'Low-rank adapters [@galore] help. See |');
      await scout.insertCitation(paper.id);
      assert.strictEqual(citing.document.getText(), `Low-rank adapters [@galore] help. See [@${paper.key}]`);

      const declaring = await editorWithCursor('markdown', '---\nbibliography: refs.bib\n---\n\nSee |');
      await vscode.commands.executeCommand(COMMANDS.insertCitation, paper.id);
      assert.strictEqual(declaring.document.getText(), `---\nbibliography: refs.bib\n---\n\nSee [@${paper.key}]`);
    });

    it('gives LaTeX the command it cites with: \\citep with natbib, \\autocite with biblatex, else \\cite', async () => {
      const scout = await api();
      const paper = scout.papers()[1];
      const natbib = await editorWithCursor('latex', 'Pruning \\citep{galore} helps; see |');
      await scout.insertCitation(paper.id);
      assert.strictEqual(natbib.document.getText(), `Pruning \\citep{galore} helps; see \\citep{${paper.key}}`);
      const biblatex = await editorWithCursor('latex', '\\usepackage{biblatex}\nSee |');
      await scout.insertCitation(paper.id);
      assert.strictEqual(biblatex.document.getText(), `\\usepackage{biblatex}\nSee \\autocite{${paper.key}}`);
      const plain = await editorWithCursor('latex', 'As shown in |');
      await scout.insertCitation(paper.id);
      assert.strictEqual(plain.document.getText(), `As shown in \\cite{${paper.key}}`);
    });

    it('lets a setting fix the format per language', async () => {
      const scout = await api();
      const paper = scout.papers()[4];
      const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('paperScout');
      try {
        // VS Code lays an object setting over its default ({ "*": "auto" }), so wait for the entries themselves.
        await config().update('citation.defaultFormat', { markdown: 'markdown', latex: 'pandoc' }, vscode.ConfigurationTarget.Global);
        await waitFor(() => config().get<Record<string, string>>('citation.defaultFormat')?.latex === 'pandoc', 'the setting to apply');
        const markdown = await editorWithCursor('markdown', 'Adapters [@galore] help. See |');
        await scout.insertCitation(paper.id);
        assert.ok(/See \[.+\]\(https:\S+\)/.test(markdown.document.getText()), markdown.document.getText());
        const latex = await editorWithCursor('latex', 'See \\citep{a} and |');
        await scout.insertCitation(paper.id);
        assert.strictEqual(latex.document.getText(), `See \\citep{a} and [@${paper.key}]`);
      } finally {
        await setSetting('citation.defaultFormat', undefined);
      }
    });
  });

  describe('where it lands', () => {
    it('never inside a word: at the nearer end of the word the cursor is in', async () => {
      const scout = await api();
      const paper = scout.papers()[2];
      const editor = await editorWithCursor('markdown', 'We prune the ba|se weights [@galore].');
      await scout.insertCitation(paper.id);
      assert.strictEqual(editor.document.getText(), `We prune the base [@${paper.key}] weights [@galore].`);
      const comment = await editorWithCursor('python', '# Prune attention heads wh|ose importance is low\nx = 1\n');
      await scout.insertCitation(paper.id, 'comment');
      const line = comment.document.lineAt(0).text;
      assert.ok(line.startsWith('# Prune attention heads ') && line.endsWith(' whose importance is low'), line);
      assert.strictEqual(line.split('#').length, 2, `a second comment marker: ${line}`);
    });

    it('never glued to the word before: typed right after a sentence, before its punctuation', async () => {
      const scout = await api();
      const paper = scout.papers()[2];
      const markdown = await editorWithCursor('markdown', 'Cited [@galore]. We merge the base weights.|');
      await scout.insertCitation(paper.id);
      assert.strictEqual(markdown.document.getText(), `Cited [@galore]. We merge the base weights [@${paper.key}].`);
      assert.strictEqual(markdown.selection.active.character, markdown.document.getText().length - 1, 'the cursor follows the citation');
      const latex = await editorWithCursor('latex', 'We merge the base weights.|');
      await scout.insertCitation(paper.id);
      assert.strictEqual(latex.document.getText(), `We merge the base weights~\\cite{${paper.key}}.`);
    });

    it('for a passage: at the end of the sentence the cursor is in, before its punctuation, after one space', async () => {
      const scout = await api();
      const paper = scout.papers()[3];
      const markdown = await editorWithCursor('markdown', 'Cited [@galore]. We prune the b|ase weights. Then we merge.');
      await scout.insertCitation(paper.id, undefined, { placement: 'passage' });
      assert.strictEqual(markdown.document.getText(), `Cited [@galore]. We prune the base weights [@${paper.key}]. Then we merge.`);
      const latex = await editorWithCursor('latex', 'We prune the b|ase\nweights of the model; then we merge.');
      await scout.insertCitation(paper.id, undefined, { placement: 'passage' });
      assert.strictEqual(latex.document.getText(), `We prune the base\nweights of the model~\\cite{${paper.key}}; then we merge.`);
      const joined = await editorWithCursor('markdown', 'We prune w|eights [@galore].');
      await scout.insertCitation(paper.id, 'pandoc', { placement: 'passage' });
      assert.strictEqual(joined.document.getText(), `We prune weights [@galore; @${paper.key}].`);
    });

    it('for a passage in code: on a new comment line after the comment block, in its style and indentation', async () => {
      const scout = await api();
      const paper = shortDatedPaper(scout.papers());
      const code = 'def prune(model):\n    # Prune attention heads wh|ose importance\n    # falls below the threshold.\n    return model\n';
      const editor = await editorWithCursor('python', code);
      await scout.insertCitation(paper.id, undefined, { placement: 'passage' });
      const lines = editor.document.getText().split('\n');
      assert.deepStrictEqual(lines.slice(0, 3), ['def prune(model):', '    # Prune attention heads whose importance', '    # falls below the threshold.']);
      assert.strictEqual(lines[3], `    # See: ${readableTitle(paper.title)} (${paper.published!.slice(0, 4)})`);
      assert.strictEqual(lines[4], '    return model');
      assert.ok(lines.every((line) => line.length <= 80), 'no line runs past 80 columns');
      await undoRestores(editor, code.replace('|', ''));
    });

    it('writes a comment in code, above the line when code follows the cursor', async () => {
      const scout = await api();
      const paper = shortDatedPaper(scout.papers());
      const python = await editorWithCursor('python', 'def f():\n    return g(|x)\n');
      await scout.insertCitation(paper.id);
      const lines = python.document.getText().split('\n');
      assert.strictEqual(lines[1], `    # ${readableTitle(paper.title)} (${paper.published!.slice(0, 4)})`, `comment not above the line, indented: ${JSON.stringify(lines)}`);
      assert.strictEqual(lines[2], '    return g(x)', 'the code line changed');
      const typescript = await editorWithCursor('typescript', 'const a = 1;|');
      await scout.insertCitation(paper.id);
      assert.strictEqual(typescript.document.getText(), `const a = 1; // ${readableTitle(paper.title)} (${paper.published!.slice(0, 4)})`);
    });

    it('inserts at every cursor as one undoable edit, after (not over) a selection', async () => {
      const scout = await api();
      const paper = scout.papers()[2];
      const editor = await untitledDocument('latex', 'one\ntwo words\nthree');
      editor.selections = [new vscode.Selection(0, 3, 0, 3), new vscode.Selection(1, 4, 1, 9), new vscode.Selection(2, 5, 2, 5)];
      await scout.insertCitation(paper.id, 'latex');
      const cite = `~\\cite{${paper.key}}`;
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
  });

  describe('the focus afterwards', () => {
    it('goes back to the editor after an insert from the paper panel', async () => {
      const scout = await api();
      const testHooks = await hooks();
      const paper = scout.papers()[5];
      const editor = await editorWithCursor('markdown', 'We merge the weights [@galore] and |');
      await scout.openPaper(paper.id);
      await untilPanelLoadedAndActive(testHooks, paper.id); // as when a user presses its Insert button
      await waitFor(() => vscode.window.activeTextEditor === undefined, 'the panel to have the focus');
      await testHooks.sendPanelMessage(paper.id, { type: 'insertCitation', paperId: paper.id, format: 'pandoc' });
      assert.strictEqual(editor.document.getText(), `We merge the weights [@galore] and [@${paper.key}]`);
      await waitFor(() => vscode.window.activeTextEditor?.document === editor.document && !testHooks.panels()[0]?.active, 'the editor to have the focus again');
    });

    it('goes back to the editor after an insert from a search quick pick opened over the panel', async () => {
      const scout = await api();
      const testHooks = await hooks();
      const paper = scout.papers()[6];
      const editor = await editorWithCursor('latex', 'See |');
      await scout.openPaper(scout.papers()[0].id);
      await untilPanelLoadedAndActive(testHooks, scout.papers()[0].id);
      await waitFor(() => vscode.window.activeTextEditor === undefined, 'the panel to have the focus');
      const shown = nextEvent(testHooks.onDidShowSearchItems, `results for ${paper.key}`, (items) => items.kind === 'results' && items.query === paper.key);
      const running = vscode.commands.executeCommand(COMMANDS.insertCitation);
      await waitFor(() => testHooks.searchPick(), 'the search pick');
      testHooks.searchPick()!.type(paper.key);
      await shown;
      await enterOnActive(running);
      assert.strictEqual(editor.document.getText(), `See \\cite{${paper.key}}`);
      await waitFor(() => vscode.window.activeTextEditor?.document === editor.document && !testHooks.panels()[0]?.active, 'the editor to have the focus again');
    });
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
