// Unknown citation keys (issue 15): a diagnostic on each cited key no paper has and the workspace
// does not define, its severity from the setting (off included), and the quick fixes "Replace with
// <nearest key>" and "Search Papers for '…'", applied as a user would.
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/types';
import * as assert from '../assert';
import { api, closeAllEditors, enterOnActive, hooks, nextEvent, scratchDocument, setSetting, waitFor, workspaceRoot } from '../helpers';

/** Paper Scout's unknown-key diagnostics of a document. */
function unknownKeyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Paper Scout' && diagnostic.code === 'unknown-key');
}

/** Waits until the document's unknown-key diagnostics mark exactly `keys` (in order). */
async function marked(document: vscode.TextDocument, keys: string[]): Promise<vscode.Diagnostic[]> {
  await (await hooks()).workspaceCitations.whenBuilt();
  return waitFor(() => {
    const diagnostics = unknownKeyDiagnostics(document.uri);
    const found = diagnostics.map((diagnostic) => document.getText(diagnostic.range));
    return JSON.stringify(found) === JSON.stringify(keys) ? diagnostics : undefined;
  }, `unknown keys ${JSON.stringify(keys)} (have ${JSON.stringify(unknownKeyDiagnostics(document.uri).map((diagnostic) => document.getText(diagnostic.range)))})`);
}

/** The quick fixes offered at `diagnostic`'s range. */
async function quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

/** A key one typo away from `paper`'s: its last two characters swapped. */
function typoOf(paper: Paper): string {
  const key = paper.key;
  return `${key.slice(0, -2)}${key.slice(-1)}${key.slice(-2, -1)}`;
}

describe('references: unknown citation keys', function () {
  this.timeout(60_000);
  let paper: Paper;
  before(async () => {
    const papers = (await api()).papers();
    const found = papers.find((candidate) => /^[a-z]{4,}20\d\d$/.test(candidate.key) && !papers.some((other) => other.key === typoOf(candidate)));
    assert.ok(found, 'no paper with a key like name2024 in the corpus');
    paper = found;
  });
  afterEach(closeAllEditors);
  after(() => setSetting('workspaceCitations.unknownKeys', undefined));

  it('marks a cited key that no paper has and nothing defines, as a warning, and not a known or defined one', async () => {
    const defined = `defined${Date.now()}`;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${defined}.bib`), new TextEncoder().encode(`@book{${defined}, title = {T}}\n`));
    const unknown = `nosuchpaper${Date.now()}`;
    const { document } = await scratchDocument('latex', `\\cite{${paper.key}, ${unknown}} and \\citet{${defined}}.\n`);
    const [diagnostic] = await marked(document, [unknown]);
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostic.message.includes(unknown), diagnostic.message);
  });

  it('follows the severity setting, and marks nothing when it is off', async () => {
    const unknown = `nosuchpaper${Date.now()}`;
    const { document } = await scratchDocument('markdown', `As [@${unknown}] shows.\n`);
    await marked(document, [unknown]);
    await setSetting('workspaceCitations.unknownKeys', 'error');
    await waitFor(() => unknownKeyDiagnostics(document.uri)[0]?.severity === vscode.DiagnosticSeverity.Error, 'the diagnostic to become an error');
    await setSetting('workspaceCitations.unknownKeys', 'off');
    await marked(document, []);
    await setSetting('workspaceCitations.unknownKeys', undefined);
    await marked(document, [unknown]);
  });

  it('replaces a mistyped key with the nearest known one, as the preferred quick fix', async () => {
    const typo = typoOf(paper);
    const editor = await scratchDocument('markdown', `See [@${typo}; @${paper.key}].\n`);
    const [diagnostic] = await marked(editor.document, [typo]);
    const fixes = await quickFixes(editor.document, diagnostic);
    const replace = fixes.find((action) => action.title === `Replace with ${paper.key}`);
    assert.ok(replace?.edit && replace.isPreferred, `no preferred "Replace with ${paper.key}" among: ${fixes.map((action) => action.title).join('; ')}`);
    assert.ok(fixes.some((action) => action.title === `Search Papers for '${typo}'`), 'no "Search Papers for" fix');
    assert.ok(await vscode.workspace.applyEdit(replace.edit), 'the edit was not applied');
    assert.strictEqual(editor.document.getText(), `See [@${paper.key}; @${paper.key}].\n`);
    await marked(editor.document, []);
  });

  it("ignores a key for the workspace with a quick fix, keeps it in the workspace settings, and marks it again once removed there", async () => {
    const handle = `octocat${Date.now()}`;
    const { document } = await scratchDocument('markdown', `Thanks [@${handle}] for the review.\n`);
    const [diagnostic] = await marked(document, [handle]);
    const ignore = (await quickFixes(document, diagnostic)).find((action) => action.title === `Ignore '${handle}' in This Workspace`);
    assert.ok(ignore?.command && !ignore.isPreferred, 'no "Ignore … in This Workspace" fix, or it is the preferred one');
    const inspect = () => vscode.workspace.getConfiguration('paperScout').inspect<string[]>('workspaceCitations.ignoredKeys');
    try {
      await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
      assert.deepStrictEqual(inspect()?.workspaceValue, [handle], 'kept in the workspace settings');
      assert.strictEqual(inspect()?.globalValue, undefined, 'the user settings are left alone');
      await marked(document, []);
    } finally {
      await vscode.workspace.getConfiguration('paperScout').update('workspaceCitations.ignoredKeys', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await marked(document, [handle]);
  });

  it('does not mark a key while it is typed, and marks it when the cursor leaves it or the writer pauses', async () => {
    const testHooks = await hooks();
    const gone = `gonekey${Date.now()}`;
    const typed = `typedkey${Date.now()}`;
    const editor = await scratchDocument('latex', `See \\cite{${gone}} here.\n`);
    await marked(editor.document, [gone]);
    // A pause no test waits for: the key is held until the cursor leaves it.
    const pause = testHooks.setTypingPause(10 * 60_000);
    try {
      const start = editor.document.positionAt(editor.document.getText().indexOf(gone));
      const end = start.translate(0, gone.length);
      editor.selection = new vscode.Selection(end, end);
      // Typing over the marked key: it goes, and the key typed in its place is held while the cursor is on it.
      assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(start, end), typed)));
      await marked(editor.document, []);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await marked(editor.document, [typed]);
      // With the cursor on the key, the pause marks it.
      testHooks.setTypingPause(50);
      const second = `secondkey${Date.now()}`;
      const after = editor.document.positionAt(editor.document.getText().indexOf(typed) + typed.length);
      editor.selection = new vscode.Selection(after, after);
      assert.ok(await editor.edit((builder) => builder.insert(after, `, ${second}`)));
      await marked(editor.document, [typed, second]);
    } finally {
      testHooks.setTypingPause(pause);
    }
  });

  it("searches for the paper an unknown key meant, and puts the chosen paper's key in its place", async () => {
    const scout = await api();
    const testHooks = await hooks();
    const unknown = `quantization_survey_${Date.now()}`;
    const editor = await scratchDocument('latex', `Surveys~\\cite{${unknown}} exist.\n`);
    const [diagnostic] = await marked(editor.document, [unknown]);
    const search = (await quickFixes(editor.document, diagnostic)).find((action) => action.title === `Search Papers for '${unknown}'`);
    assert.ok(search?.command, 'no "Search Papers for" fix');
    const shown = nextEvent(testHooks.onDidShowSearchItems, 'the search to show papers for the words of the key', (event) => event.query.includes('quantization') && event.items > 0);
    const running = vscode.commands.executeCommand(search.command.command, ...(search.command.arguments ?? []));
    const keyAt = (): string => editor.document.getText(new vscode.Range(diagnostic.range.start, diagnostic.range.start.translate(0, 40)));
    // One Enter, once the papers are shown and VS Code reports its first row active.
    await shown;
    await enterOnActive(running);
    await waitFor(() => !keyAt().startsWith(unknown), 'the chosen paper to replace the unknown key');
    const chosen = scout.papers().find((candidate) => keyAt().startsWith(`${candidate.key}}`));
    assert.ok(chosen, `no paper's key replaced the unknown one: ${editor.document.getText()}`);
    assert.ok(chosen.topics.includes('Quantization') || /quantiz/i.test(`${chosen.title} ${chosen.abstract}`), `the search for "quantization survey" chose ${chosen.key}`);
  });
});
