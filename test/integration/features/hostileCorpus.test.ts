// A hostile corpus in a real VS Code (issue 7): its paper opens in the panel, and nothing in it runs:
// the webview sends no message but its own `ready`, and the extension rejects nothing.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { closeAllEditors, sleep, waitFor } from '../helpers';
import type { PanelMessageEvent } from '../../../src/api';
import { hostileCorpusJson, HOSTILE_TITLE } from '../../fixtures/hostile/payloads';
import { scout, setSetting } from './scout';

describe('features: a hostile corpus', function () {
  this.timeout(60_000);
  let file: vscode.Uri;

  before(async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the tests run with a workspace folder open');
    file = vscode.Uri.joinPath(root, 'paper-scout-hostile.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(hostileCorpusJson()));
  });

  after(async () => {
    await closeAllEditors();
    await setSetting('corpus.sources', undefined);
    await vscode.workspace.fs.delete(file, { useTrash: false });
  });

  it('loads the paper with its text intact, and opening it runs none of it', async () => {
    const api = await scout();
    await setSetting('corpus.sources', ['paper-scout-hostile.json']);
    const paper = await waitFor(() => api.papers().find((candidate) => candidate.id === 'hostile-paper'), 'the hostile paper to load');
    assert.strictEqual(paper.title, HOSTILE_TITLE, 'the title is kept as text');
    const messages: PanelMessageEvent[] = [];
    const listener = api.onDidReceivePanelMessage((event) => messages.push(event));
    try {
      await api.openPaper(paper.id);
      await waitFor(() => messages.some((event) => (event.message as { type?: string }).type === 'ready'), 'the webview to be ready', 20_000);
      await sleep(2_000);
      const unexpected = messages.filter((event) => !event.accepted || (event.message as { type?: string }).type !== 'ready');
      assert.deepStrictEqual(unexpected, [], 'no message but ready came from the webview');
    } finally {
      listener.dispose();
    }
  });
});
