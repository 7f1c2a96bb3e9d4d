// "Suggest Papers for This Passage" (issue 15): the quick pick of papers about the passage at the
// cursor with the words they matched, the citation of the one chosen inserted as one undoable edit,
// its empty and no-result states, the light bulb that runs it, and completion ordered by the passage.
import * as vscode from 'vscode';
import type { SuggestionsShown } from '../../../src/api';
import { COMMANDS } from '../../../src/commands/commandIds';
import type { Paper } from '../../../src/core/types';
import * as assert from '../assert';
import { api, closeAllEditors, enterOn, hooks, nextEvent, scratchDocument, setSetting, waitFor } from '../helpers';

const CITE_TITLE = 'Cite a paper about this…';

/** A LaTeX paragraph about activation-aware weight quantization, citing another paper already. */
const LATEX_PASSAGE = 'Pruning removes whole rows and columns~\\cite{slicegpt}. Post-training quantization maps the weights to '
  + '4-bit integers instead; protecting the few salient weight channels, found from the activation magnitudes, '
  + 'and scaling them before rounding keeps the quantized model close to full precision.';

/** The paper with this key; fails when the bundled corpus lacks it. */
function paperWithKey(papers: readonly Paper[], key: string): Paper {
  const paper = papers.find((candidate) => candidate.key === key);
  assert.ok(paper, `the bundled corpus has no paper with the key ${key}`);
  return paper;
}

/** Runs the command with the cursor where it is, and resolves with what its quick pick shows. */
async function suggest(argument?: unknown): Promise<{ shown: SuggestionsShown; running: Thenable<unknown> }> {
  const testHooks = await hooks();
  const shown = nextEvent(testHooks.onDidShowSuggestions, 'the suggestion pick to show its items');
  const running = vscode.commands.executeCommand(COMMANDS.suggestPapers, ...(argument === undefined ? [] : [argument]));
  return { shown: await shown, running };
}

/** Closes the quick pick and waits for the command to end. */
async function dismiss(running: Thenable<unknown>): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await running;
}

/** The code actions offered at `position` in `document`. */
async function codeActions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
}

describe('citations: papers for the passage at the cursor', function () {
  this.timeout(60_000);
  let papers: readonly Paper[];
  before(async () => {
    const scout = await api();
    papers = scout.papers();
    await scout.search('warm up the index'); // suggestions and completion order need the index made
  });
  afterEach(closeAllEditors);

  it('shows the papers about the paragraph with the words they matched, and cites the chosen one at the end of the sentence as one undoable edit', async () => {
    const awq = paperWithKey(papers, 'awq2023');
    const text = `\\section{Related Work}\n${LATEX_PASSAGE}\n`;
    const editor = await scratchDocument('latex', text);
    const cursor = editor.document.positionAt(text.indexOf('keeps the quantized'));
    editor.selection = new vscode.Selection(cursor, cursor);
    const { shown, running } = await suggest();
    assert.strictEqual(shown.state, 'papers');
    const rank = shown.papers.findIndex((paper) => paper.id === awq.id);
    assert.ok(rank >= 0 && rank < 3, `AWQ is not among the first three: ${shown.papers.slice(0, 5).map((paper) => paper.key).join(', ')}`);
    const passageWords = new Set(LATEX_PASSAGE.toLowerCase().split(/[^a-z0-9]+/));
    assert.ok(shown.papers[rank].matched.length > 0, 'no matched words are shown for AWQ');
    for (const word of shown.papers[rank].matched) assert.ok(passageWords.has(word.toLowerCase()), `"${word}" is not a word of the passage`);
    assert.ok(!shown.words.includes('slicegpt') && !shown.words.includes('cite'), `citations count as passage words: ${shown.words.join(', ')}`);

    // Enter takes the first paper once the pick has made its items the active ones; the citation goes
    // where a writer cites the sentence: before its full stop, after a tie.
    const first = shown.papers[0];
    const offset = text.indexOf('full precision.') + 'full precision'.length;
    const expected = `${text.slice(0, offset)}~\\cite{${first.key}}${text.slice(offset)}`;
    const testHooks = await hooks();
    const pick = await waitFor(() => testHooks.quickPick(), 'the open pick');
    await enterOn(pick.labels[0], running);
    assert.strictEqual(editor.document.getText(), expected, `the citation of ${first.key} at the sentence's end`);
    await waitFor(() => vscode.window.activeTextEditor?.document === editor.document, 'the editor to be active again');
    assert.ok(editor.selection.active.isEqual(cursor), 'the cursor stays where the writer was');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === text, 'one undo to remove the whole citation');
  });

  it('says there is no passage when the cursor is in code with no comment near, and offers the search', async () => {
    const editor = await scratchDocument('python', 'x = compute(1, 2)\ny = x * 3\n');
    editor.selection = new vscode.Selection(1, 3, 1, 3);
    const { shown, running } = await suggest();
    assert.deepStrictEqual({ state: shown.state, papers: shown.papers.length }, { state: 'no passage', papers: 0 });
    await dismiss(running);
  });

  it('says no paper matches a passage of unknown words', async () => {
    const editor = await scratchDocument('markdown', 'Blorptastic quuxifying of zzyzx frobnications.\n');
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    const { shown, running } = await suggest();
    assert.strictEqual(shown.state, 'no papers');
    assert.ok(shown.words.length > 0, 'the passage words are not reported');
    await dismiss(running);
  });

  it('reads the code comment around the cursor, and a selection as the passage itself', async () => {
    const galore = paperWithKey(papers, 'galore');
    const code = 'def train(model):\n    # Adam keeps two moments per weight; project each gradient to a low-rank subspace\n    # and keep the optimizer states there, to save memory in full-parameter training.\n    return model\n';
    const editor = await scratchDocument('python', code);
    editor.selection = new vscode.Selection(1, 10, 1, 10);
    const inComment = await suggest();
    assert.ok(inComment.shown.papers.slice(0, 3).some((paper) => paper.id === galore.id), `GaLore is not among the first three: ${inComment.shown.papers.slice(0, 3).map((paper) => paper.key).join(', ')}`);
    await dismiss(inComment.running);
    const notes = await scratchDocument('markdown', 'Gradient projection saves optimizer memory. Weight quantization needs calibration data.\n');
    const start = 'Gradient projection saves optimizer memory. '.length;
    const place = { uri: notes.document.uri.toString(), start: { line: 0, character: start }, end: { line: 0, character: start + 'Weight quantization needs calibration data.'.length } };
    const selected = await suggest(place);
    assert.ok(selected.shown.words.includes('quantization') && !selected.shown.words.includes('Gradient'), `the selection's words: ${selected.shown.words.join(', ')}`);
    await dismiss(selected.running);
  });

  it('offers "Cite a paper about this…" in Markdown and LaTeX paragraphs and in code comments, not in code', async () => {
    const markdown = await scratchDocument('markdown', '# Notes\n\nLow-rank adapters make fine-tuning cheap.\n');
    assert.ok((await codeActions(markdown.document, new vscode.Position(2, 4))).some((action) => action.title === CITE_TITLE), 'no light bulb in a Markdown paragraph');
    assert.ok(!(await codeActions(markdown.document, new vscode.Position(1, 0))).some((action) => action.title === CITE_TITLE), 'a light bulb on a blank line');
    const latex = await scratchDocument('latex', `\\section{Background}\n${LATEX_PASSAGE}\n`);
    const inLatex = (await codeActions(latex.document, new vscode.Position(1, 10))).find((action) => action.title === CITE_TITLE);
    assert.ok(inLatex?.command?.command === COMMANDS.suggestPapers, 'no light bulb running the suggestion in a LaTeX paragraph');
    const python = await scratchDocument('python', 'import torch\n\n# quantize the weights to four bits\nw = torch.zeros(4)\n');
    assert.ok((await codeActions(python.document, new vscode.Position(2, 8))).some((action) => action.title === CITE_TITLE), 'no light bulb in a Python comment');
    assert.ok(!(await codeActions(python.document, new vscode.Position(3, 4))).some((action) => action.title === CITE_TITLE), 'a light bulb in Python code');
  });

  it('offers no light bulb where a citation would not fit: between .bib entries, in a short comment, in a JSON file', async () => {
    const bib = await scratchDocument('bibtex', '@misc{a, title = {Low-Rank Adapters for Large Language Models}}\n\n@misc{b, title = {Quantized Weights}}\n');
    for (const line of [0, 1, 2]) assert.ok(!(await codeActions(bib.document, new vscode.Position(line, 10))).some((action) => action.title === CITE_TITLE), `a light bulb on line ${line + 1} of a .bib file`);
    const typescript = await scratchDocument('typescript', '// eslint-disable-next-line no-console\nconsole.log(1);\n');
    assert.ok(!(await codeActions(typescript.document, new vscode.Position(0, 8))).some((action) => action.title === CITE_TITLE), 'a light bulb on a lint directive');
    const json = await scratchDocument('json', '{ "description": "Low-rank adapters make fine-tuning of large language models cheap" }\n');
    assert.ok(!(await codeActions(json.document, new vscode.Position(0, 30))).some((action) => action.title === CITE_TITLE), 'a light bulb in JSON');
  });

  it('runs the suggestion for the place the light bulb was asked about, and can be turned off', async () => {
    const editor = await scratchDocument('markdown', 'Quantizing the weights to four bits with activation-aware scaling.\n');
    const action = (await codeActions(editor.document, new vscode.Position(0, 12))).find((candidate) => candidate.title === CITE_TITLE);
    assert.ok(action?.command, 'no light bulb');
    const { shown, running } = await suggest(action.command.arguments?.[0]);
    assert.strictEqual(shown.state, 'papers');
    await dismiss(running);
    try {
      await setSetting('suggest.lightBulb', false);
      assert.ok(!(await codeActions(editor.document, new vscode.Position(0, 12))).some((candidate) => candidate.title === CITE_TITLE), 'the light bulb stays when turned off');
    } finally {
      await setSetting('suggest.lightBulb', undefined);
    }
  });

  it('orders \\cite{ completions by the passage: papers about it first, keys it cites already last', async () => {
    const awq = paperWithKey(papers, 'awq2023');
    await (await api()).search('make sure the index is made'); // a settings change in another test may have dropped it
    const content = `${LATEX_PASSAGE} As shown in \\cite{`;
    const { document } = await scratchDocument('latex', content);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length), '{');
    const ours = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    assert.ok(ours.every((item) => item.sortText), 'an item has no sortText');
    const ordered = ours.sort((a, b) => (a.sortText as string).localeCompare(b.sortText as string)).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(ordered.slice(0, 3).includes(awq.key), `AWQ is not among the first three: ${ordered.slice(0, 5).join(', ')}`);
    // The list holds the first 50 (VS Code asks again as a key is typed): a key cited already comes last, if at all.
    assert.ok(ordered.length <= 50 && list.isIncomplete, `${ordered.length} items, incomplete: ${list.isIncomplete}`);
    assert.ok(!ordered.includes('slicegpt') || ordered[ordered.length - 1] === 'slicegpt', `the key the passage cites already is not last: ${ordered.join(', ')}`);
  });
});
