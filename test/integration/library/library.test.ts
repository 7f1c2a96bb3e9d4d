// The user's library in a real VS Code (issue 19): a workspace refs.bib a LaTeX document declares
// (completion with authors and year, its own keys first, hover, search by author, known keys, Go to
// Definition), a CSL-JSON file in the setting, and an auto-export rewritten while VS Code runs.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, closeAllEditors, scratchDocument, setSetting, waitFor, workspaceRoot } from '../helpers';

const FOLDER = 'library-refs';

const REFS = `@inproceedings{vaswaniZebraAttention2017,
  title = {Zebra {{Attention}} for Striped Tokens},
  booktitle = {Advances in {{Neural Information Processing Systems}}},
  author = {Vaswani, Ashish and M{\\"u}ller, J{\\"o}rg and others},
  year = {2017},
  month = dec,
  abstract = {We align striped tokens with zebra attention heads.}
}

@article{garciaOkapiRetrieval2019,
  title = {Okapi Retrieval with {{Garc{\\'\\i}a}} Weights},
  author = {Garc{\\'\\i}a, Mar{\\'\\i}a},
  journal = {Journal of Retrieval},
  date = {2019-05-02},
  doi = {10.5555/okapi.2019}
}
`;

const ITEMS = JSON.stringify([
  { id: 'radfordLemurVision2021', type: 'paper-conference', title: 'Lemur Vision from Natural Language Supervision', author: [{ family: 'Radford', given: 'Alec' }], issued: { 'date-parts': [[2021, 7]] }, 'container-title': 'ICML' },
], null, 2);

function write(name: string, text: string): Thenable<void> {
  return vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), FOLDER, name), new TextEncoder().encode(text));
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('library: the user\'s .bib and CSL files as papers', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), FOLDER));
    await write('refs.bib', REFS);
    await write('items.json', ITEMS);
    // The test workspace turns the workspace's library off for the other tests (its .vscode/settings.json).
    await vscode.workspace.getConfiguration('paperScout').update('library.workspaceBibFiles', true, vscode.ConfigurationTarget.Workspace);
  });

  afterEach(closeAllEditors);

  after(async () => {
    await vscode.workspace.getConfiguration('paperScout').update('library.workspaceBibFiles', false, vscode.ConfigurationTarget.Workspace);
    await setSetting('corpus.sources', undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), FOLDER), { recursive: true, useTrash: false });
  });

  it('completes, shows and finds the entries of the refs.bib a LaTeX document declares, and knows their keys', async () => {
    const scout = await api();
    const content = `\\bibliography{../${FOLDER}/refs}\nStriped tokens \\cite{noSuchKey2099} and \\cite{vaswaniZebraAttention2017}.\nMore \\cite{`;
    const { document } = await scratchDocument('latex', content);
    const zebra = await waitFor(() => scout.papers().find((paper) => paper.key === 'vaswaniZebraAttention2017'), 'the refs.bib entry to be a paper');
    assert.strictEqual(zebra.title, 'Zebra Attention for Striped Tokens');
    assert.deepStrictEqual(zebra.authors?.map((person) => person.family), ['Vaswani', 'Müller']);
    assert.strictEqual(zebra.published, '2017-12');
    assert.ok(zebra.library?.[0].file.endsWith('refs.bib'), JSON.stringify(zebra.library));
    assert.strictEqual(scout.papers().find((paper) => paper.key === 'garciaOkapiRetrieval2019')?.authors?.[0].family, 'García');

    // Completion after \cite{: the key, with the authors and the year.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length), '{', 400);
    const item = list.items.find((candidate) => label(candidate) === 'vaswaniZebraAttention2017' && candidate.kind === vscode.CompletionItemKind.Reference);
    assert.ok(item, `no completion for the library key among ${list.items.length} items`);
    assert.ok(/Vaswani et al\. 2017/.test(item.detail ?? ''), `detail: ${item.detail}`);

    // Typing an author's name: the document's own bibliography first.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(content.length), 'garc');
    await vscode.workspace.applyEdit(edit);
    const typed = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length + 4));
    const first = typed.items.filter((candidate) => candidate.kind === vscode.CompletionItemKind.Reference).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.strictEqual(first && label(first), 'garciaOkapiRetrieval2019');

    // Hover over the key shows its entry.
    const offset = content.indexOf('vaswaniZebraAttention2017') + 4;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const card = hovers.flatMap((hover) => hover.contents.filter((part): part is vscode.MarkdownString => typeof part === 'object' && 'value' in part)).map((part) => part.value).find((value) => value.includes(COMMANDS.openPaper));
    assert.ok(card, 'no Paper Scout hover over the library key');
    const text = card.replace(/\\(.)/g, '$1');
    assert.ok(text.includes('Zebra Attention for Striped Tokens') && text.includes('Ashish Vaswani') && text.includes('in your library (refs.bib)'), text);

    // Search by author, accents aside.
    assert.strictEqual((await scout.search('author:muller zebra'))[0]?.paper.key, 'vaswaniZebraAttention2017');
    assert.strictEqual((await scout.search('author:garcia'))[0]?.paper.key, 'garciaOkapiRetrieval2019');

    // The unknown key is flagged; the library's is not.
    const flagged = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Paper Scout' || /noSuchKey2099/.test(diagnostic.message));
      return found.some((diagnostic) => /noSuchKey2099/.test(diagnostic.message)) ? found : undefined;
    }, 'the unknown key to be flagged', 20_000);
    assert.ok(!flagged.some((diagnostic) => diagnostic.message.includes('vaswaniZebraAttention2017')), flagged.map((diagnostic) => diagnostic.message).join('\n'));

    // Go to Definition opens the entry in refs.bib.
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, document.positionAt(offset));
    const targets = definitions.map((definition) => ('targetUri' in definition ? { uri: definition.targetUri, line: definition.targetRange.start.line } : { uri: definition.uri, line: definition.range.start.line }));
    assert.ok(targets.some((target) => target.uri.path.endsWith(`${FOLDER}/refs.bib`) && target.line === 0), JSON.stringify(targets));
  });

  it('exports a cited library entry as its refs.bib has it, found by the citation scanner, beside a bundled paper made anew', async () => {
    const scout = await api();
    const bundled = scout.papers().find((paper) => !paper.library);
    assert.ok(bundled, 'no bundled paper');
    const { document } = await scratchDocument('latex', `\\bibliography{../${FOLDER}/refs}\nRetrieval \\cite{garciaOkapiRetrieval2019} and \\cite{${bundled.key}}.\n`);
    await waitFor(() => scout.papers().find((paper) => paper.key === 'garciaOkapiRetrieval2019'), 'the refs.bib entry to be a paper');
    const target = vscode.Uri.joinPath(workspaceRoot(), FOLDER, 'exported.bib');
    const result = await vscode.commands.executeCommand<{ added: string[]; unknown: string[] } | undefined>(COMMANDS.exportBibliography,
      { scope: 'document', document: document.uri.toString(), target: target.toString() });
    assert.deepStrictEqual(result && { added: result.added, unknown: result.unknown }, { added: ['garciaOkapiRetrieval2019', bundled.key], unknown: [] });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const entry = REFS.slice(REFS.indexOf('@article{garciaOkapiRetrieval2019'), REFS.lastIndexOf('}') + 1);
    assert.ok(text.includes(entry), `the library's own entry is not in the export:\n${text}`);
    assert.ok(text.includes(`@misc{${bundled.key},`), `the bundled paper's entry is missing:\n${text}`);
  });

  it('reads a CSL-JSON file given in the setting as the library', async () => {
    const scout = await api();
    await setSetting('corpus.sources', [`${FOLDER}/items.json`]);
    const lemur = await waitFor(() => scout.papers().find((paper) => paper.key === 'radfordLemurVision2021'), 'the CSL-JSON item to be a paper');
    assert.strictEqual(lemur.venue, 'ICML');
    assert.strictEqual(lemur.published, '2021-07');
    assert.strictEqual(lemur.library?.[0].type, 'paper-conference');
    assert.ok(!scout.diagnostics().some((diagnostic) => diagnostic.file.endsWith('items.json')), JSON.stringify(scout.diagnostics()));
    assert.strictEqual((await scout.search('lemur vision in:library'))[0]?.paper.key, 'radfordLemurVision2021');
  });

  it('follows an auto-export rewritten while VS Code runs: the changed entry is searchable, the others stay', async () => {
    const scout = await api();
    await write('zotero.bib', REFS.replace(/vaswaniZebra/g, 'autoZebra').replace(/garciaOkapi/g, 'autoOkapi'));
    await setSetting('corpus.sources', [`${FOLDER}/zotero.bib`]);
    await waitFor(() => scout.papers().find((paper) => paper.key === 'autoZebraAttention2017'), 'the auto-export to be read');
    await write('zotero.bib', REFS.replace(/vaswaniZebra/g, 'autoZebra').replace(/garciaOkapi/g, 'autoOkapi').replace('Zebra {{Attention}} for Striped Tokens', 'Quagga Attention for Striped Tokens'));
    await waitFor(async () => (await scout.search('quagga attention'))[0]?.paper.key === 'autoZebraAttention2017', 'the rewritten entry to be searchable', 20_000);
    assert.ok(scout.papers().some((paper) => paper.key === 'autoOkapiRetrieval2019'), 'the unchanged entry stays');
  });
});
