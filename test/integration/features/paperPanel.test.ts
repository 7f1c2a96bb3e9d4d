import * as vscode from 'vscode';
import * as assert from '../assert';
import { closeAllEditors, waitFor } from '../helpers';
import type { PanelMessageEvent } from '../../../src/api';
import { scout, setSetting } from './scout';

describe('features: paper panel', () => {
  afterEach(closeAllEditors);
  after(() => setSetting('panel.reuse', undefined));

  it('opens a panel whose script runs under the CSP and asks for its paper', async () => {
    const api = await scout();
    const paper = api.papers()[0];
    const messages: PanelMessageEvent[] = [];
    const listener = api.onDidReceivePanelMessage((event) => messages.push(event));
    try {
      await api.openPaper(paper.id);
      await waitFor(() => messages.find((event) => event.accepted && (event.message as { type?: string }).type === 'ready'), 'the webview to say it is ready', 20_000);
      assert.deepStrictEqual(api.panels().map((panel) => panel.paperId), [paper.id]);
      assert.ok(messages.every((event) => event.accepted), `a message was rejected: ${JSON.stringify(messages)}`);
    } finally {
      listener.dispose();
    }
  });

  it('reuses one panel, or opens one per paper, as the setting says', async () => {
    const api = await scout();
    const [first, second] = api.papers();
    await setSetting('panel.reuse', true);
    await api.openPaper(first.id);
    await api.openPaper(second.id);
    assert.deepStrictEqual(api.panels().map((panel) => panel.paperId), [second.id]);
    await closeAllEditors();
    await waitFor(() => api.panels().length === 0, 'panels to close');

    await setSetting('panel.reuse', false);
    await api.openPaper(first.id);
    await api.openPaper(second.id);
    await api.openPaper(first.id);
    assert.deepStrictEqual(api.panels().map((panel) => panel.paperId).sort(), [first.id, second.id].sort());
    const webviewTabs = (): number => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview).length;
    await waitFor(() => webviewTabs() === 2, `two webview tabs (have ${webviewTabs()})`);
  });

  it('warns instead of opening an unknown paper', async () => {
    const api = await scout();
    await api.openPaper('no-such-paper');
    assert.strictEqual(api.panels().length, 0);
  });
});
