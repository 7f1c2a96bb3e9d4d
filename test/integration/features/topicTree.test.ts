import * as vscode from 'vscode';
import * as assert from '../assert';
import { waitFor } from '../helpers';
import type { TopicTreeNode } from '../../../src/api';
import { scout, setSetting } from './scout';

/** The tree's topic nodes and their labels, as VS Code gets them. */
async function topicLabels(): Promise<string[]> {
  const tree = (await scout()).topicTree;
  return tree.getChildren().map((node) => String(tree.getTreeItem(node).label));
}

describe('features: Topics tree', () => {
  after(async () => {
    await setSetting('topics', undefined);
    await setSetting('sortBy', undefined);
  });

  it('lists every topic with its codicon and paper count, and every paper under its topics', async () => {
    const api = await scout();
    const roots = api.topicTree.getChildren();
    assert.ok(roots.length >= 10, `only ${roots.length} topics`);
    for (const node of roots) {
      assert.strictEqual(node.kind, 'topic');
      const item = api.topicTree.getTreeItem(node);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon, `${String(item.label)} has no codicon`);
      assert.strictEqual(item.description, String(api.topicTree.getChildren(node).length), `${String(item.label)} count`);
    }
    const listed = new Set(roots.flatMap((node) => api.topicTree.getChildren(node).map((child) => (child.kind === 'paper' ? child.paper.id : ''))));
    for (const paper of api.papers()) assert.ok(listed.has(paper.id), `${paper.id} is under no topic`);
  });

  it('shows a paper with its date and upvotes, an abstract tooltip, and opens it on click', async () => {
    const api = await scout();
    const topic = api.topicTree.getChildren()[0];
    const node = api.topicTree.getChildren(topic)[0] as Extract<TopicTreeNode, { kind: 'paper' }>;
    const item = api.topicTree.getTreeItem(node);
    assert.strictEqual(item.contextValue, 'paperScout.paper');
    assert.strictEqual(item.command?.command, 'paperScout.openPaper');
    assert.deepStrictEqual(item.command?.arguments, [node.paper.id]);
    if (node.paper.published) assert.ok(String(item.description).includes(node.paper.published), 'description lacks the date');
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.length > 40, 'tooltip is empty');
    assert.strictEqual(api.topicTree.getParent(node), topic);
  });

  it('sorts newest first with undated papers last, and follows the sort setting', async () => {
    const api = await scout();
    await setSetting('sortBy', 'date');
    for (const topic of api.topicTree.getChildren()) {
      const dates = api.topicTree.getChildren(topic).map((node) => (node.kind === 'paper' ? node.paper.published : null));
      const firstUndated = dates.indexOf(null);
      if (firstUndated >= 0) assert.ok(dates.slice(firstUndated).every((date) => date === null), 'a dated paper after an undated one');
      const known = dates.filter((date): date is string => date !== null);
      assert.deepStrictEqual(known, [...known].sort().reverse(), 'dated papers are not newest first');
    }
    const changed = new Promise<void>((resolve) => { const once = api.topicTree.onDidChangeTreeData(() => { once.dispose(); resolve(); }); });
    await vscode.commands.executeCommand('paperScout.changeSort', 'title');
    await changed;
    const topic = api.topicTree.getChildren()[0];
    const titles = api.topicTree.getChildren(topic).map((node) => (node.kind === 'paper' ? node.paper.title : ''));
    assert.deepStrictEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })), 'not sorted by title');
  });

  it('adds and overrides topics from the settings without a reload, and names bad entries', async () => {
    const api = await scout();
    const builtIn = await topicLabels();
    await setSetting('topics', [
      { name: 'Agents', icon: 'robot', terms: [{ match: 'agent*', weight: 5 }, { match: 'language model*', weight: 3 }] },
      { name: 'Broken', terms: [{ match: 'x', weight: 'heavy' }] },
      { name: builtIn[0], icon: 'zap', description: 'mine', terms: [{ match: 'quantiz*', weight: 4 }] },
    ]);
    await waitFor(async () => (await topicLabels()).includes('Agents'), 'the Agents topic in the tree');
    const labels = await topicLabels();
    assert.strictEqual(labels[0], builtIn[0], 'an overridden topic keeps its place');
    assert.ok(!labels.includes('Broken'), 'an invalid topic was added');
    const first = api.topicTree.getChildren()[0];
    assert.strictEqual((api.topicTree.getTreeItem(first).iconPath as vscode.ThemeIcon).id, 'zap');
    const agents = api.topicTree.getChildren().find((node) => node.kind === 'topic' && node.rule.name === 'Agents')!;
    assert.ok(api.topicTree.getChildren(agents).length > 0, 'no paper matched the Agents topic');
    const problems = api.diagnostics().filter((diagnostic) => diagnostic.file === 'paperScout.topics');
    assert.ok(problems.some((problem) => problem.path?.startsWith('[1]')), `no diagnostic names entry [1]: ${JSON.stringify(problems)}`);

    await setSetting('topics', undefined);
    await waitFor(async () => !(await topicLabels()).includes('Agents'), 'the Agents topic to go');
  });

  it('reveals a paper and a topic', async () => {
    const api = await scout();
    const paper = api.papers()[5];
    assert.strictEqual(await api.revealPaper(paper.id), true);
    assert.strictEqual(await api.revealTopic(paper.topics[0]), true);
    assert.strictEqual(await api.revealPaper('no-such-paper'), false);
  });

  it('says how many papers are loaded in the status bar', async () => {
    const api = await scout();
    assert.ok(api.statusText().includes(`${api.papers().length} papers`), api.statusText());
  });
});
