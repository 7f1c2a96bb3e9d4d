// Hostile corpus files and topic patterns in a real VS Code (issue 13, the extension's side): a bad
// file beside good ones costs only itself and is named with its line; a title nested 20,000 deep
// neither breaks completion nor hover; a topic pattern that needs backtracking is refused, naming the
// setting and the entry, while one that would backtrack catastrophically elsewhere runs in linear time
// and the extension keeps answering.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, closeAllEditors, hooks, nextEvent, scratchDocument, setSetting, waitFor, workspaceRoot } from '../helpers';

const FOLDER = 'paper-scout-hostile-files';
const ABSTRACT = 'We propose a careful study of quantized sparse adapters for very small language models. '.repeat(6);
const DEEP_KEY = 'deepnest2024';

function page(title: string): string {
  return ['new', '', 'Subscribe', '', 'Mar 14', '', title, '', ABSTRACT, '', '  • 4 authors', '·', 'Feb 2, 2024 3', ''].join('\n');
}

/** A corpus JSON paper, valid by the schema. */
function jsonPaper(id: string, key: string, title: string): unknown {
  return { id, key, title, abstract: ABSTRACT, published: '2024-02-02', upvotes: 1, authorsCount: 2, organization: null, topics: [], links: [], sources: [] };
}

describe('store: hostile corpus files and topic patterns', function () {
  this.timeout(60_000);
  let folder: vscode.Uri;

  before(async () => {
    folder = vscode.Uri.joinPath(workspaceRoot(), FOLDER);
    await vscode.workspace.fs.createDirectory(folder);
    const write = (name: string, bytes: Uint8Array): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), bytes);
    const text = (value: string): Uint8Array => new TextEncoder().encode(value);
    await write('good.txt', text(page('A Good Paper Beside Bad Files')));
    // Cut off in the middle of its second paper (line 3).
    await write('cut.json', text(`{"version": 1, "papers": [\n${JSON.stringify(jsonPaper('cut-one', 'cutone2024', 'Cut One'))},\n{"id": "cut-two", "title": "Cut`));
    // Saved as Latin-1: the é of the title (line 7) is the single byte E9.
    const [before, after] = page('Caf\u00e9 Latin Paper').split('\u00e9');
    await write('latin1.txt', new Uint8Array([...text(before), 0xe9, ...text(after)]));
    const deepTitle = `Deep $${'x^{'.repeat(20_000)}y${'}'.repeat(20_000)}$ Nest`;
    await write('deep.json', text(JSON.stringify({ version: 1, papers: [jsonPaper('deep-nest', DEEP_KEY, deepTitle), jsonPaper('plain-neighbour', 'plainneighbour2024', 'A Plain Neighbour Paper')] })));
  });

  after(async () => {
    await closeAllEditors();
    await setSetting('corpus.sources', undefined);
    await setSetting('topics', undefined);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  it('keeps the bundled and the good papers beside bad files, and names each bad file with its line', async () => {
    const scout = await api();
    // An earlier test's corpus files may still be in force: count the papers without any.
    await setSetting('corpus.sources', undefined);
    await scout.reload();
    const bundled = scout.papers().length;
    await setSetting('corpus.sources', [FOLDER]);
    await waitFor(() => scout.papers().some((paper) => paper.id === 'plain-neighbour'), 'the good papers to load');
    const titles = new Set(scout.papers().map((paper) => paper.title));
    for (const title of ['A Good Paper Beside Bad Files', 'Caf\uFFFD Latin Paper', 'A Plain Neighbour Paper']) assert.ok(titles.has(title), `${title} is missing`);
    assert.strictEqual(scout.papers().length, bundled + 4, 'every bundled paper stays, and the good ones are added');
    assert.ok(!scout.papers().some((paper) => paper.id === 'cut-one'), 'a file that is not JSON gives no papers');
    const problems = scout.diagnostics().map((d) => `${d.file.split('/').pop()}:${d.line}: ${d.message}`);
    assert.ok(problems.some((line) => /^cut\.json:3: not valid JSON/.test(line)), problems.join('\n'));
    assert.ok(problems.some((line) => /^latin1\.txt:7: the text is not valid UTF-8/.test(line)), problems.join('\n'));
    assert.ok(!problems.some((line) => /corpus\.json|good\.txt|deep\.json/.test(line)), problems.join('\n'));
  });

  it('offers completion and a hover for every paper, the one with a title nested 20,000 deep too', async () => {
    const scout = await api();
    await setSetting('corpus.sources', [FOLDER]);
    await waitFor(() => scout.papers().some((paper) => paper.key === DEEP_KEY), 'the deep paper to load');
    const offered = async (content: string): Promise<string[]> => {
      const { document } = await scratchDocument('latex', content);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length), content.endsWith('{') ? '{' : undefined);
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    const first = await offered('See \\cite{');
    assert.strictEqual(new Set(first).size, 50, 'the first 50 papers, one item each');
    // Each paper is offered once its key is typed (VS Code asks again as it grows), the deep one too.
    for (const key of [DEEP_KEY, 'plainneighbour2024']) {
      assert.ok((await offered(`See \\cite{${key}`)).includes(key), `${key} is offered`);
    }
    const cited = `See \\cite{${DEEP_KEY}}.`;
    const { document: citing } = await scratchDocument('latex', cited);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', citing.uri, citing.positionAt(cited.indexOf(DEEP_KEY) + 2));
    const cards = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : (part as { value: string }).value)));
    assert.ok(cards.some((card) => card.includes(COMMANDS.openPaper) && card.includes('Nest')), `the deep paper has its card: ${cards.map((card) => card.slice(0, 80)).join(' | ')}`);
  });

  it('shows a title with a right-to-left override and $(icon) text as written in the search and the Topics view, and inserts its \\input into LaTeX as text', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const labels = vscode.Uri.joinPath(workspaceRoot(), `${FOLDER}-labels`);
    await vscode.workspace.fs.createDirectory(labels);
    try {
      const title = 'Sneaky \u202Etxt.exe $(alert) Paper \u2066Isolated\u2069 \\input{/etc/passwd}';
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(labels, 'labels.json'), new TextEncoder().encode(JSON.stringify({ version: 1, papers: [jsonPaper('sneaky-paper', 'sneaky2024', title)] })));
      await setSetting('corpus.sources', [`${FOLDER}-labels`]);
      await waitFor(() => scout.papers().some((paper) => paper.id === 'sneaky-paper'), 'the paper to load');
      const shown = nextEvent(testHooks.onDidShowSearchItems, 'the search to show the paper', (items) => items.query === 'sneaky' && items.kind === 'results');
      void vscode.commands.executeCommand(COMMANDS.search, 'sneaky');
      const { labels: pickLabels } = await shown;
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.ok(pickLabels.some((label) => label.startsWith('Sneaky txt.exe \\$(alert) Paper Isolated')), `the quick pick shows ${JSON.stringify(pickLabels.slice(0, 3))}`);
      const tree = testHooks.topicTree;
      const rows: string[] = [];
      for (const topic of tree.getChildren()) {
        for (const child of tree.getChildren(topic)) {
          const item = tree.getTreeItem(child);
          const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
          if (label.includes('Sneaky')) rows.push(label);
        }
      }
      assert.ok(rows.length > 0 && rows.every((label) => !/[\u202A-\u202E\u2066-\u2069]/.test(label)), `tree rows: ${JSON.stringify(rows)}`);
      // Inserted into LaTeX as plain text, a title's \input is text, not a command that reads a file.
      const { document } = await scratchDocument('latex', 'See ');
      await scout.insertCitation('sneaky-paper', 'plain');
      await waitFor(() => document.getText().length > 'See '.length, 'the citation to be inserted');
      assert.ok(document.getText().includes('\\textbackslash{}input') && !/\\input/.test(document.getText()), document.getText());
    } finally {
      await setSetting('corpus.sources', undefined);
      await vscode.workspace.fs.delete(labels, { recursive: true, useTrash: false });
    }
  });

  it('refuses a topic pattern that needs backtracking, naming the setting and entry, and stays responsive', async () => {
    const scout = await api();
    await setSetting('topics', [
      { name: 'Repeated Words', terms: [{ match: String.raw`\b(\w+) \1\b`, weight: 5, regex: true }] },
      { name: 'Whole Words', terms: [{ match: String.raw`^(\w+\s?)+$`, weight: 5, regex: true }] },
      { name: 'Many A', terms: [{ match: '(.*a){25}', weight: 5, regex: true }] },
    ]);
    await waitFor(() => scout.topics().some((rule) => rule.name === 'Whole Words'), 'the topics setting to apply');
    const refused = scout.diagnostics().filter((d) => d.file === 'paperScout.topics');
    assert.deepStrictEqual(refused.map((d) => d.path), ['[0].terms[0].match'], JSON.stringify(refused));
    assert.ok(/cannot be matched in linear time/.test(refused[0].message), refused[0].message);
    assert.ok(!scout.topics().some((rule) => rule.name === 'Repeated Words'));
    assert.ok(scout.topics().some((rule) => rule.name === 'Many A'));
    // Titles of plain words match the pattern that backtracks catastrophically elsewhere; the rest do not.
    await waitFor(() => scout.papers().some((paper) => paper.topics.includes('Whole Words')), 'papers to get the new topic');
    assert.ok(scout.papers().some((paper) => !paper.topics.includes('Whole Words')));
    assert.ok((await scout.search('quantization')).length > 0, 'search answers');
    await vscode.commands.executeCommand(COMMANDS.reload);
    assert.strictEqual(scout.state().kind, 'ready', 'Reload Papers runs and the store is ready after it');
  });
});
