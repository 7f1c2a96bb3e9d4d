// Find All References, Go to Definition and document highlights on a citation key (issue 15), asked
// through VS Code's own commands, over files of the workspace in LaTeX, Markdown, code and BibTeX.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { api, closeAllEditors, hooks, scratchDocument, waitFor, workspaceRoot } from '../helpers';

let made = 0;

/** A key no paper has, new for each call, so tests never see each other's citations. */
function freshKey(): string {
  made++;
  return `zz${Date.now().toString(36)}${made}`;
}

/** The position of the `nth` (0-based) occurrence of `needle` in `document`, plus `delta` characters. */
function positionOf(document: vscode.TextDocument, needle: string, nth = 0, delta = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(at + delta);
}

/** `path:line:character` of a location, with the path relative to the workspace. */
function where(location: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range = 'targetRange' in location ? location.targetRange : location.range;
  return `${vscode.workspace.asRelativePath(uri)}:${range.start.line}:${range.start.character}-${range.end.character}`;
}

/** Writes a workspace file without opening it (the index hears of it from the file watcher). */
async function writeFile(name: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Waits until the index holds `count` citations of `key`. */
async function indexed(key: string, count: number): Promise<void> {
  const citations = (await hooks()).workspaceCitations;
  await citations.whenBuilt();
  await waitFor(() => citations.citationsOf(key).length === count, `${count} citations of ${key} in the index (have ${citations.citationsOf(key).length})`);
}

describe('references: Find All References, Go to Definition and highlights on a key', function () {
  this.timeout(60_000);
  before(async () => { await api(); });
  afterEach(closeAllEditors);

  it('finds every citation of a key in the workspace: LaTeX, Markdown and code comments, open or not', async () => {
    const key = freshKey();
    const unopened = await writeFile(`unopened-${key}.md`, `Closed file: see [@${key}, p. 4].\n`);
    const latex = await scratchDocument('latex', `Intro \\citep[see][]{other, ${key}}.\n`);
    const code = await scratchDocument('python', `x = 1  # as in @cite:${key}\n`);
    await indexed(key, 3);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', code.document.uri, positionOf(code.document, key, 0, 2));
    const expected = [
      `scratch/unopened-${key}.md:0:${'Closed file: see [@'.length}-${'Closed file: see [@'.length + key.length}`,
      where(new vscode.Location(latex.document.uri, new vscode.Range(positionOf(latex.document, key), positionOf(latex.document, key, 0, key.length)))),
      where(new vscode.Location(code.document.uri, new vscode.Range(positionOf(code.document, key), positionOf(code.document, key, 0, key.length)))),
    ].sort();
    assert.deepStrictEqual(references.map(where).sort(), expected);
    assert.ok(references.some((location) => location.uri.toString() === unopened.toString()), 'the file never opened is not found');
  });

  it('follows edits: a citation typed is found, one deleted is gone', async () => {
    const key = freshKey();
    const editor = await scratchDocument('markdown', `First [@${key}].\n`);
    await indexed(key, 1);
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), `Second @${key} and third [-@${key}].\n`));
    await indexed(key, 3);
    await editor.edit((builder) => builder.delete(new vscode.Range(0, 0, 1, 0)));
    await indexed(key, 2);
    // Asked on the in-text citation: Markdown's own references also answer inside brackets (link labels).
    const answered = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, key, 0));
    // Only Paper Scout's answers: the key itself (the web host's Markdown server may add a range of its own, starting at @).
    const references = answered.filter((location) => editor.document.getText(location.range) === key);
    assert.deepStrictEqual(references.map((location) => `${location.range.start.line}:${location.range.start.character}`),
      [`0:${'Second @'.length}`, `0:${editor.document.getText().indexOf(key, 'Second @'.length + key.length)}`]);
  });

  it('goes to the .bib entry of a key the workspace defines, and lists it as a declaration', async () => {
    const key = freshKey();
    const bib = await writeFile(`refs-${key}.bib`, `@string{venue = "X"}\n\n@article{${key},\n  title = {A Study},\n}\n`);
    const tex = await scratchDocument('latex', `As \\textcite{${key}} shows.\n`);
    await indexed(key, 1);
    // The .bib file was never opened: the index reads it when the file watcher reports it.
    const definitions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', tex.document.uri, positionOf(tex.document, key, 0, 1));
      return found.length > 0 ? found : undefined;
    }, `the definition of ${key} in ${bib.path}`);
    assert.deepStrictEqual(definitions.map(where), [`scratch/refs-${key}.bib:2:9-${9 + key.length}`]);
    assert.strictEqual(('targetUri' in definitions[0] ? definitions[0].targetUri : definitions[0].uri).toString(), bib.toString());
    const withDeclaration = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', tex.document.uri, positionOf(tex.document, key));
    assert.strictEqual(withDeclaration.length, 2, `references with the declaration: ${withDeclaration.map(where).join(', ')}`);
  });

  it("goes to a paper's own entry when no .bib file has its key, and Go to Definition opens the paper's panel", async () => {
    const scout = await api();
    const testHooks = await hooks();
    const paper = scout.papers().find((candidate) => /^[a-z0-9_]+$/.test(candidate.key));
    assert.ok(paper, 'no paper with a plain key');
    const editor = await scratchDocument('markdown', `Compare [@${paper.key}] here.\n`);
    const at = positionOf(editor.document, paper.key, 0, 1);
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', editor.document.uri, at);
    assert.strictEqual(definitions.length, 1);
    const target = 'targetUri' in definitions[0] ? definitions[0].targetUri : definitions[0].uri;
    assert.strictEqual(target.scheme, 'paper-scout');
    const entry = await vscode.workspace.openTextDocument(target);
    assert.ok(entry.getText().includes(`{${paper.key},`), `the entry does not define the key: ${entry.getText().slice(0, 200)}`);

    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitFor(() => testHooks.panels().some((panel) => panel.paperId === paper.id), "the paper's panel to open");
    const entryTabs = (): number => vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'paper-scout').length;
    await waitFor(() => entryTabs() === 0, 'the editor of the entry to close');
  });

  it('highlights every occurrence of the key under the cursor in the document, and no other key', async () => {
    const key = freshKey();
    const other = freshKey();
    const editor = await scratchDocument('latex', `\\cite{${key}} and \\cite{${other}, ${key}}.\n% \\cite{${key}} in a comment\n\\bibitem{${key}} Entry.\n`);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', editor.document.uri, positionOf(editor.document, key, 0, 2));
    const found = highlights.map((highlight) => `${highlight.range.start.line}:${highlight.range.start.character}:${highlight.kind}`);
    const expected = [
      `0:6:${vscode.DocumentHighlightKind.Read}`,
      `0:${positionOf(editor.document, key, 1).character}:${vscode.DocumentHighlightKind.Read}`,
      `2:9:${vscode.DocumentHighlightKind.Write}`,
    ];
    assert.deepStrictEqual(found.sort(), expected.sort());
    const outside = await vscode.commands.executeCommand<vscode.DocumentHighlight[] | undefined>('vscode.executeDocumentHighlights', editor.document.uri, positionOf(editor.document, ' and ', 0, 2));
    assert.ok(!outside?.some((highlight) => highlight.kind !== vscode.DocumentHighlightKind.Text), 'key highlights for a word that is no key');
  });
});
