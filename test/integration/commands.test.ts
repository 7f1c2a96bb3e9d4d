import * as assert from './assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, contributes, runDismissing, untitledEditor } from './helpers';

/** The commands the extension is specified to contribute. */
const EXPECTED = ['paperScout.search', 'paperScout.searchSelection', 'paperScout.openPaper', 'paperScout.insertCitation',
  'paperScout.copyCitation', 'paperScout.changeSort', 'paperScout.revealPaper'];

/** Commands that take a paper id, or a topic name, as their first argument. */
const TAKES_PAPER_ID = new Set(['paperScout.openPaper', 'paperScout.insertCitation', 'paperScout.copyCitation',
  'paperScout.revealPaper', 'paperScout.replaceSelectionWithCitation']);
const TAKES_TOPIC = new Set(['paperScout.revealTopic', 'paperScout.searchInTopic']);

/** The commands package.json contributes (read at load time, so each gets its own test). */
function contributedCommands(): string[] {
  const found = vscode.extensions.getExtension('paper-scout.paper-scout');
  return (found?.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
}

describe('commands', () => {
  before(async () => { await api(); });
  afterEach(closeAllEditors);

  it('contributes every command with a title and the "Paper Scout" category', () => {
    for (const command of contributes().commands ?? []) {
      assert.ok(command.title, `${command.command} has no title`);
      assert.strictEqual(command.category, 'Paper Scout', `${command.command} category`);
    }
  });

  it('registers every contributed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = (contributes().commands ?? []).map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });

  for (const command of EXPECTED) {
    it(`contributes ${command}`, function () {
      if ((contributes().commands ?? []).length === 0) this.skip();
      assert.ok((contributes().commands ?? []).some((c) => c.command === command), `${command} is not contributed`);
    });
  }

  for (const command of contributedCommands()) {
    it(`runs ${command}`, async () => {
      const paper = (await api()).papers()[0];
      await untitledEditor();
      const args = TAKES_PAPER_ID.has(command) ? [paper.id] : TAKES_TOPIC.has(command) ? [paper.topics[0]] : [];
      await runDismissing(command, ...args);
    });
  }
});
