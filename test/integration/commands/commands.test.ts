// Every contributed command, as VS Code sees it: contributed with a title and category, registered, and
// runnable with the arguments menus pass and with none (then it asks with the search). The registry catches
// every error and reports it, so a command "runs" only when it reported no failure (runDismissing checks).
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/commands/commandIds';
import * as assert from '../assert';
import { api, closeAllEditors, contributes, expectCommandFailures, runDismissing, untitledDocument } from '../helpers';

/** Commands that take a paper id, or a topic name, as their first argument. */
const TAKES_PAPER_ID: ReadonlySet<string> = new Set([COMMANDS.openPaper, COMMANDS.insertCitation, COMMANDS.copyCitation,
  COMMANDS.revealPaper, COMMANDS.replaceSelectionWithCitation]);
const TAKES_TOPIC: ReadonlySet<string> = new Set([COMMANDS.revealTopic, COMMANDS.searchInTopic]);

describe('commands', () => {
  before(async () => { await api(); });
  afterEach(closeAllEditors);

  it('contributes every command of src/commands/commandIds.ts, each with a title and the "Paper Scout" category', () => {
    const contributed = contributes().commands ?? [];
    for (const id of Object.values(COMMANDS)) {
      const command = contributed.find((candidate) => candidate.command === id);
      assert.ok(command, `${id} is not contributed`);
      assert.ok(command.title, `${id} has no title`);
      assert.strictEqual(command.category, 'Paper Scout', `${id} category`);
    }
  });

  it('registers every command of src/commands/commandIds.ts', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(Object.values(COMMANDS).filter((id) => !registered.has(id)), []);
  });

  for (const id of Object.values(COMMANDS)) {
    it(`runs ${id} with the argument a menu passes, and reports no failure`, async () => {
      const paper = (await api()).papers()[0];
      const editor = await untitledDocument('latex', '\\cite{nosuchkey}');
      // The quick fix of an unknown key passes the key and where it stands.
      const keyPlace = { uri: editor.document.uri.toString(), line: 0, character: '\\cite{'.length, key: 'nosuchkey' };
      // Its Ignore quick fix passes the key alone; the key it adds to the workspace setting is taken out again after.
      const ignoredKeys = vscode.workspace.getConfiguration('paperScout.workspaceCitations');
      const ignoredBefore = ignoredKeys.inspect<string[]>('ignoredKeys')?.workspaceValue;
      const args = TAKES_PAPER_ID.has(id) ? [paper.id] : TAKES_TOPIC.has(id) ? [paper.topics[0]]
        : id === COMMANDS.searchPapersForKey ? [keyPlace] : id === COMMANDS.ignoreCitationKey ? [{ key: keyPlace.key }] : [];
      await runDismissing(id, ...args);
      if (id === COMMANDS.ignoreCitationKey) {
        const ignored = vscode.workspace.getConfiguration('paperScout.workspaceCitations').inspect<string[]>('ignoredKeys')?.workspaceValue;
        assert.deepStrictEqual(ignored, [...(ignoredBefore ?? []), keyPlace.key]);
        await ignoredKeys.update('ignoredKeys', ignoredBefore, vscode.ConfigurationTarget.Workspace);
      }
    });
  }

  it('counts a command that fails as failed (the registry shows the error instead of rejecting)', async () => {
    const failed = await expectCommandFailures(async () => {
      assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.searchPapersForKey), undefined, 'a failed command resolves to undefined');
    });
    assert.deepStrictEqual(failed.map((failure) => failure.command), [COMMANDS.searchPapersForKey]);
    assert.ok(/needs the key/.test(failed[0].message), failed[0].message);
  });

  it('opens the search with the selected text, and the commands given no paper ask with it', async () => {
    const editor = await untitledDocument('markdown', 'low-rank adaptation');
    editor.selection = new vscode.Selection(0, 0, 0, 19);
    for (const id of [COMMANDS.searchSelection, COMMANDS.openPaper, COMMANDS.insertCitation, COMMANDS.copyCitation, COMMANDS.revealPaper, COMMANDS.replaceSelectionWithCitation]) {
      await runDismissing(id);
    }
    assert.strictEqual(editor.document.getText(), 'low-rank adaptation', 'a dismissed search changed the document');
  });
});
