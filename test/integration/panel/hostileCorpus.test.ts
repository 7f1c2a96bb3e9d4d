// A hostile corpus in a real VS Code (issue 7): its paper opens in the panel, and nothing in it runs:
// the webview sends no message but its own `ready`, and the extension rejects nothing.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { api, closeAllEditors, hooks, setSetting, waitFor, workspaceRoot } from '../helpers';
import type { PanelMessageEvent } from '../../../src/api';
import { hostileCorpusJson, HOSTILE_TITLE } from '../../fixtures/hostile/payloads';

/**
 * How long to watch for messages after the panel is ready. Not a wait for something to show: a payload
 * that ran would post its message within it (they run on load), and nothing else can tell that none did.
 */
const QUIET_MS = 2_000;

function observe(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('panel: a hostile corpus', function () {
  this.timeout(60_000);
  let file: vscode.Uri;

  before(async () => {
    file = vscode.Uri.joinPath(workspaceRoot(), 'paper-scout-hostile.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(hostileCorpusJson()));
  });

  after(async () => {
    await closeAllEditors();
    await setSetting('corpus.sources', undefined);
    await vscode.workspace.fs.delete(file, { useTrash: false });
  });

  it('loads the paper with its text intact, and opening it runs none of it', async () => {
    const scout = await api();
    const testHooks = await hooks();
    await setSetting('corpus.sources', ['paper-scout-hostile.json']);
    const paper = await waitFor(() => scout.papers().find((candidate) => candidate.id === 'hostile-paper'), 'the hostile paper to load');
    assert.strictEqual(paper.title, HOSTILE_TITLE, 'the title is kept as text');
    const messages: PanelMessageEvent[] = [];
    const listener = testHooks.onDidReceivePanelMessage((event) => messages.push(event));
    try {
      await scout.openPaper(paper.id);
      await waitFor(() => testHooks.panels().some((panel) => panel.paperId === paper.id && panel.loaded), 'the webview to be ready', 20_000);
      // Nothing should happen, so there is no event to wait for: watch for a while instead.
      await observe(QUIET_MS);
      const unexpected = messages.filter((event) => !event.accepted || (event.message as { type?: string }).type !== 'ready');
      assert.deepStrictEqual(unexpected, [], 'no message but ready came from the webview');
    } finally {
      listener.dispose();
    }
  });
});
