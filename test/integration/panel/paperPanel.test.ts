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
      assert.strictEqual(testHooks.panels()[0].loaded, true, 'the panel does not report its loaded page');
    } finally {
      listener.dispose();
    }
  });

  it('reports its page unloaded while another editor hides it, and loaded again once shown', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const paper = scout.papers()[1];
    await scout.openPaper(paper.id);
    await waitFor(() => testHooks.panels()[0]?.loaded, 'the panel to load', 20_000);
    const column = vscode.window.tabGroups.activeTabGroup.viewColumn;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'hides the panel' });
    await vscode.window.showTextDocument(document, { viewColumn: column });
    await waitFor(() => testHooks.panels()[0] && !testHooks.panels()[0].visible, 'the panel to be hidden');
    assert.strictEqual(testHooks.panels()[0].loaded, false, 'a hidden panel still reports its page loaded');
    await scout.openPaper(paper.id);
    await waitFor(() => testHooks.panels()[0]?.loaded && testHooks.panels()[0].visible, 'the panel to load its page again once shown', 20_000);
  });

  it('reuses one panel, or opens one per paper, as the setting says', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const [first, second] = scout.papers();
    await setSetting('panel.reuse', true);
    await scout.openPaper(first.id);
    await scout.openPaper(second.id);
    assert.deepStrictEqual(testHooks.panels().map((panel) => panel.paperId), [second.id]);
    await closeAllEditors(); // and waits until the extension host has heard that its panels closed

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

  it('goes back and forward through the papers it showed: its buttons, the Back and Forward commands, and a new paper clearing Forward', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const [first, second, third] = scout.papers();
    await setSetting('panel.reuse', true);
    await scout.openPaper(first.id);
    const shows = (id: string, back: string[], forward: string[]) => waitFor(() => {
      const panel = testHooks.panels()[0];
      return panel?.paperId === id && JSON.stringify(panel.back) === JSON.stringify(back) && JSON.stringify(panel.forward) === JSON.stringify(forward);
    }, `the panel to show ${id} with back [${back.join(', ')}] and forward [${forward.join(', ')}] (it shows ${JSON.stringify(testHooks.panels()[0])})`);
    await shows(first.id, [], []);
    // Following a related paper, as its link in the panel does.
    await testHooks.sendPanelMessage(first.id, { type: 'openPaper', paperId: second.id });
    await shows(second.id, [first.id], []);
    await testHooks.sendPanelMessage(second.id, { type: 'navigate', direction: 'back' });
    await shows(first.id, [], [second.id]);
    await waitFor(() => testHooks.panels()[0]?.active, 'the panel to have the focus');
    await vscode.commands.executeCommand(COMMANDS.panelForward);
    await shows(second.id, [first.id], []);
    await vscode.commands.executeCommand(COMMANDS.panelBack);
    await shows(first.id, [], [second.id]);
    await scout.openPaper(third.id);
    await shows(third.id, [first.id], []);
    await testHooks.sendPanelMessage(third.id, { type: 'navigate', direction: 'forward' });
    await shows(third.id, [first.id], []);
  });
});
