import * as vscode from 'vscode';
import * as assert from '../assert';
import { COMMANDS } from '../../../src/commands/commandIds';
import { readableText } from '../../../src/core/citations/latexText';
import { api, closeAllEditors, hooks, setSetting, waitFor, within } from '../helpers';
import type { PanelMessageEvent } from '../../../src/api';

describe('panel: the paper panel', () => {
  afterEach(closeAllEditors);
  after(() => setSetting('panel.reuse', undefined));

  it('opens a panel whose script runs under the CSP and asks for its paper', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const paper = scout.papers()[0];
    const messages: PanelMessageEvent[] = [];
    const listener = testHooks.onDidReceivePanelMessage((event) => messages.push(event));
    try {
      await scout.openPaper(paper.id);
      await waitFor(() => messages.find((event) => event.accepted && (event.message as { type?: string }).type === 'ready'), 'the webview to say it is ready', 20_000);
      assert.deepStrictEqual(testHooks.panels().map((panel) => panel.paperId), [paper.id]);
      assert.ok(messages.every((event) => event.accepted), `a message was rejected: ${JSON.stringify(messages)}`);
    } finally {
      listener.dispose();
    }
  });

  it('reuses one panel, or opens one per paper, as the setting says', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const [first, second] = scout.papers();
    await setSetting('panel.reuse', true);
    await scout.openPaper(first.id);
    await scout.openPaper(second.id);
    assert.deepStrictEqual(testHooks.panels().map((panel) => panel.paperId), [second.id]);
    await closeAllEditors();
    await waitFor(() => testHooks.panels().length === 0, 'panels to close');

    await setSetting('panel.reuse', false);
    await scout.openPaper(first.id);
    await scout.openPaper(second.id);
    await scout.openPaper(first.id);
    assert.deepStrictEqual(testHooks.panels().map((panel) => panel.paperId).sort(), [first.id, second.id].sort());
    const webviewTabs = (): number => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview).length;
    await waitFor(() => webviewTabs() === 2, `two webview tabs (have ${webviewTabs()})`);
  });

  it('warns instead of opening an unknown paper', async () => {
    const scout = await api();
    const testHooks = await hooks();
    await scout.openPaper('no-such-paper');
    assert.strictEqual(testHooks.panels().length, 0);
  });

  it('opens with Paper Scout: Open Paper in a webview tab titled by the paper', async () => {
    const paper = (await api()).papers()[0];
    await within(vscode.commands.executeCommand(COMMANDS.openPaper, paper.id), 10_000, 'Open Paper');
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputWebview), 'a webview tab');
    const label = tab.label.replace(/…$/, '');
    assert.ok(label.length > 0 && readableText(paper.title).startsWith(label), `the tab "${tab.label}" is not titled by "${paper.title}"`);
  });
});
