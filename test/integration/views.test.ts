import * as assert from './assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, requireContributed, runDismissing, waitFor, within } from './helpers';

describe('views', () => {
  before(async () => { await api(); });
  after(closeAllEditors);

  it('opens the Paper Scout container and focuses the topics tree', async function () {
    requireContributed(this, { view: 'paperScout.topics' });
    await within(vscode.commands.executeCommand('workbench.view.extension.paperScout'), 10_000, 'open container');
    await within(vscode.commands.executeCommand('paperScout.topics.focus'), 10_000, 'focus tree');
  });

  it('reveals a paper in the tree', async function () {
    requireContributed(this, { view: 'paperScout.topics', command: 'paperScout.revealPaper' });
    const paper = (await api()).papers()[0];
    await within(vscode.commands.executeCommand('paperScout.revealPaper', paper.id), 10_000, 'revealPaper');
  });

  it('changes the sort order', async function () {
    requireContributed(this, { command: 'paperScout.changeSort' });
    await runDismissing('paperScout.changeSort');
  });

  it('opens a paper in a webview panel', async function () {
    requireContributed(this, { command: 'paperScout.openPaper' });
    const paper = (await api()).papers()[0];
    await within(vscode.commands.executeCommand('paperScout.openPaper', paper.id), 10_000, 'openPaper');
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview), 'a webview tab');
    assert.ok(tab.label.length > 0);
  });
});

describe('topics tree', () => {
  it('lists topics at the root and their papers below', async function () {
    const scout = (await api()) as unknown as { topicTree?: { getChildren(element?: unknown): unknown[]; getTreeItem(element: unknown): vscode.TreeItem } };
    if (!scout.topicTree) this.skip();
    const tree = scout.topicTree!;
    const topics = tree.getChildren();
    assert.ok(topics.length > 0, 'no topics at the root');
    const first = tree.getTreeItem(topics[0]);
    assert.strictEqual(first.collapsibleState !== vscode.TreeItemCollapsibleState.None, true, 'a topic cannot be expanded');
    const papers = tree.getChildren(topics[0]);
    assert.ok(papers.length > 0, `topic "${String(first.label)}" has no papers`);
    const paper = tree.getTreeItem(papers[0]);
    assert.ok(paper.command, 'a paper item has no command to open it');
  });
});
