// A good citizen in a workspace that cites nothing (issue 20). This session opens
// test/fixtures/quiet-workspace: code, a package.json, and Markdown full of @mentions, scoped package
// names and linked handles, but no LaTeX, no .bib and no citation. Paper Scout must read no file,
// make no watcher and flag nothing there, until a LaTeX document is opened; then its index runs.
import * as vscode from 'vscode';
import type { PaperScoutTestHooks } from '../../../src/api';
import * as assert from '../assert';
import { api, closeAllEditors, extension, hooks, untitledDocument, waitFor, workspaceRoot } from '../helpers';

/** Paper Scout's diagnostics of a document. */
function paperScoutDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Paper Scout');
}

/** Opens a file of the workspace in an editor. */
async function open(path: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), path));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('a workspace that cites nothing', function () {
  this.timeout(60_000);
  let testHooks: PaperScoutTestHooks;
  after(closeAllEditors);

  it('does not start Paper Scout merely because the window opened', () => {
    // No activation event matches: no LaTeX or .bib file, no document of a language Paper Scout serves open.
    const documents = vscode.workspace.textDocuments.map((document) => `${document.languageId} ${document.uri.toString()}`);
    assert.strictEqual(extension().isActive, false, `Paper Scout is active in a window where nothing asked for it; documents: ${documents.join(', ')}`);
  });

  it('starts when a code file is opened and offers @cite: completion there, while the index stays idle: no file read, no watcher', async () => {
    await open('src/worker.py');
    await waitFor(() => extension().isActive, 'Paper Scout to activate for a Python document (onLanguage:python)', 20_000);
    // A paper's key, partly typed after the trigger, is offered (completion lists at most 50, best first).
    const paper = (await api()).papers()[3];
    const content = `x = 1  # see @cite:${paper.key.slice(0, -1)}`;
    const { document } = await untitledDocument('python', content);
    const offered = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length));
      const keys = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map((item) => typeof item.label === 'string' ? item.label : item.label.label);
      return keys.length > 0 ? keys : undefined;
    }, 'papers offered after @cite: in a Python comment', 20_000);
    assert.ok(offered.includes(paper.key), `${paper.key} is not offered: ${offered.slice(0, 5).join(', ')}`);
    testHooks = await hooks();
    const citations = testHooks.workspaceCitations;
    await waitFor(() => citations.state() === 'idle', `the citation index to be idle (it is ${citations.state()})`);
    assert.deepStrictEqual(citations.files(), []);
    assert.strictEqual(citations.watchers(), 0);
    assert.strictEqual(citations.startedBy(), undefined);
  });

  it('flags no @mention, package name or handle in the README, the CHANGELOG or the docs, while it does flag an unknown @cite: key', async () => {
    const documents = [await open('README.md'), await open('CHANGELOG.md'), await open('docs/operations.md'), await open('src/server.ts'), await open('src/worker.py')];
    // An unknown key cited with explicit syntax is flagged, so the diagnostics are running here: the
    // Markdown files have been checked when this one has.
    const unknown = `nosuchpaper${Date.now()}`;
    const { document: code } = await untitledDocument('python', `x = 1  # see @cite:${unknown}\n`);
    await waitFor(() => paperScoutDiagnostics(code.uri).some((diagnostic) => code.getText(diagnostic.range) === unknown), `the unknown key ${unknown} to be flagged`);
    for (const document of documents) assert.deepStrictEqual(paperScoutDiagnostics(document.uri).map((diagnostic) => diagnostic.message), [], vscode.workspace.asRelativePath(document.uri));
    // Opening code, Markdown without citations and untitled code documents leaves the index idle.
    assert.strictEqual(testHooks.workspaceCitations.state(), 'idle');
    assert.deepStrictEqual(testHooks.workspaceCitations.files(), []);
  });

  it('runs the index once a LaTeX document is opened, reading the workspace and watching the kinds it reads', async () => {
    const citations = testHooks.workspaceCitations;
    const key = `quietkey${Date.now()}`;
    const draft = vscode.Uri.joinPath(workspaceRoot(), 'draft.tex');
    // Written while idle: no watcher sees it, and nothing is read until it is opened.
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(`\\section{Queues}\nAs \\citet{${key}} found.\n`));
    assert.strictEqual(citations.state(), 'idle');
    const document = await open('draft.tex');
    await waitFor(() => citations.startedBy()?.kind === 'document', 'the index to start for the LaTeX document');
    assert.ok(citations.startedBy()?.detail.endsWith('/draft.tex'), citations.startedBy()?.detail);
    await waitFor(async () => {
      await citations.whenBuilt();
      return citations.state() === 'ready';
    }, 'the index to be built');
    assert.strictEqual(citations.watchers(), 2, 'one watcher for the kinds it reads, one for folders created and deleted');
    // Every file of a kind it reads (package.json is data), and the untitled code document still open.
    const files = citations.files().map((uri) => vscode.Uri.parse(uri)).filter((uri) => uri.scheme !== 'untitled').map((uri) => vscode.workspace.asRelativePath(uri)).sort();
    assert.deepStrictEqual(files, ['CHANGELOG.md', 'README.md', 'docs/operations.md', 'draft.tex', 'src/server.ts', 'src/worker.py']);
    assert.deepStrictEqual(citations.citationsOf(key).map((place) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(place.uri))}:${place.line}:${place.column}`), ['draft.tex:2:11']);
    // The README's mentions are no citations now either; the LaTeX document's unknown key is flagged.
    await waitFor(() => paperScoutDiagnostics(document.uri).some((diagnostic) => document.getText(diagnostic.range) === key), `the unknown key ${key} to be flagged`);
    const readme = await open('README.md');
    assert.deepStrictEqual(paperScoutDiagnostics(readme.uri), []);
    assert.deepStrictEqual(citations.citationsOf('octocat'), []);
  });
});
