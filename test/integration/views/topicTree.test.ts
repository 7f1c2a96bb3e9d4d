import * as vscode from 'vscode';
import { readableText } from '../../../src/core/citations/latexText';
import * as assert from '../assert';
import type { TopicTreeNode } from '../../../src/api';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, hooks, runDismissing, setSetting, waitFor, within } from '../helpers';

/** A tree item's label as text. */
function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** The tree's topic nodes and their labels, as VS Code gets them. */
async function topicLabels(): Promise<string[]> {
  const tree = (await hooks()).topicTree;
  return tree.getChildren().map((node) => labelOf(tree.getTreeItem(node)));
}

describe('views: the Topics tree', () => {
  after(async () => {
    await setSetting('topics', undefined);
    await setSetting('sortBy', undefined);
  });

  it('lists every topic with its codicon and paper count, and every paper under its topics', async () => {
    const scout = await api();
    const tree = (await hooks()).topicTree;
    const roots = tree.getChildren();
    assert.ok(roots.length >= 10, `only ${roots.length} topics`);
    for (const node of roots) {
      assert.strictEqual(node.kind, 'topic');
      const item = tree.getTreeItem(node);
      assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, `${labelOf(item)} cannot be expanded`);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon, `${labelOf(item)} has no codicon`);
      assert.strictEqual(item.description, String(tree.getChildren(node).length), `${labelOf(item)} count`);
    }
    const listed = new Set(roots.flatMap((node) => tree.getChildren(node).map((child) => (child.kind === 'paper' ? child.paper.id : ''))));
    for (const paper of scout.papers()) assert.ok(listed.has(paper.id), `${paper.id} is under no topic`);
  });

  it('shows a paper by its title with its date and upvotes after it, its key and abstract in the tooltip, and opens it on click', async () => {
    const tree = (await hooks()).topicTree;
    const topic = tree.getChildren()[0];
    const node = tree.getChildren(topic)[0] as Extract<TopicTreeNode, { kind: 'paper' }>;
    const item = tree.getTreeItem(node);
    assert.strictEqual(item.contextValue, 'paperScout.paper');
    assert.strictEqual(item.command?.command, COMMANDS.openPaper);
    assert.deepStrictEqual(item.command?.arguments, [node.paper.id]);
    assert.strictEqual(labelOf(item), readableText(node.paper.title), 'the title leads');
    const facts = [node.paper.published, node.paper.upvotes === null ? null : `▲ ${node.paper.upvotes}`].filter(Boolean).join(' · ');
    assert.ok(String(item.description).startsWith(facts), `the description: ${String(item.description)}`);
    assert.ok(!/n\.d\.|▲ –/.test(String(item.description)), `a placeholder for an unknown value: ${String(item.description)}`);
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes(`\`${node.paper.key}\``), `the tooltip lacks the key: ${tooltip.value.slice(0, 200)}`);
    assert.ok(tooltip.value.length > 40, 'tooltip is empty');
    assert.ok(!tooltip.value.includes('&nbsp;'), 'the tooltip spaces are &nbsp; (words break in the middle)');
    assert.strictEqual(tree.getParent(node), topic);
  });

  it('puts the upvotes first in the description when sorted by them, most first, and leaves out unknown ones', async () => {
    const tree = (await hooks()).topicTree;
    await setSetting('sortBy', 'upvotes');
    const upvoted = (node: TopicTreeNode): boolean => node.kind === 'paper' && node.paper.upvotes !== null;
    await waitFor(() => String(tree.getTreeItem(tree.getChildren(tree.getChildren()[0]).find(upvoted)!).description).startsWith('▲'), 'the descriptions to lead with upvotes');
    for (const topic of tree.getChildren()) {
      const rows = tree.getChildren(topic).map((node) => ({ node, description: String(tree.getTreeItem(node).description ?? '') }));
      for (const { node, description } of rows) {
        const paper = (node as Extract<TopicTreeNode, { kind: 'paper' }>).paper;
        if (paper.upvotes !== null) assert.ok(description.startsWith(`▲ ${paper.upvotes}`), `${paper.key}: ${description}`);
        else assert.ok(!description.includes('▲'), `${paper.key}: ${description}`);
      }
      const known = rows.map(({ node }) => (node as Extract<TopicTreeNode, { kind: 'paper' }>).paper.upvotes).filter((count): count is number => count !== null);
      assert.deepStrictEqual(known, [...known].sort((a, b) => b - a), 'not most upvoted first');
    }
    await setSetting('sortBy', 'date');
  });

  it('sorts newest first with undated papers last, and follows the sort setting', async () => {
    const tree = (await hooks()).topicTree;
    await setSetting('sortBy', 'date');
    for (const topic of tree.getChildren()) {
      const dates = tree.getChildren(topic).map((node) => (node.kind === 'paper' ? node.paper.published : null));
      const firstUndated = dates.indexOf(null);
      if (firstUndated >= 0) assert.ok(dates.slice(firstUndated).every((date) => date === null), 'a dated paper after an undated one');
      const known = dates.filter((date): date is string => date !== null);
      assert.deepStrictEqual(known, [...known].sort().reverse(), 'dated papers are not newest first');
    }
    const changed = new Promise<void>((resolve) => { const once = tree.onDidChangeTreeData(() => { once.dispose(); resolve(); }); });
    await vscode.commands.executeCommand(COMMANDS.changeSort, 'title');
    await changed;
    const topic = tree.getChildren()[0];
    const titles = tree.getChildren(topic).map((node) => (node.kind === 'paper' ? node.paper.title : ''));
    assert.deepStrictEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })), 'not sorted by title');
  });

  it('adds and overrides topics from the settings without a reload, and names bad entries', async () => {
    const scout = await api();
    const tree = (await hooks()).topicTree;
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
    const first = tree.getChildren()[0];
    assert.strictEqual((tree.getTreeItem(first).iconPath as vscode.ThemeIcon).id, 'zap');
    const agents = tree.getChildren().find((node) => node.kind === 'topic' && node.rule.name === 'Agents')!;
    assert.ok(tree.getChildren(agents).length > 0, 'no paper matched the Agents topic');
    const problems = scout.diagnostics().filter((diagnostic) => diagnostic.file === 'paperScout.topics');
    assert.ok(problems.some((problem) => problem.path?.startsWith('[1]')), `no diagnostic names entry [1]: ${JSON.stringify(problems)}`);

    await setSetting('topics', undefined);
    await waitFor(async () => !(await topicLabels()).includes('Agents'), 'the Agents topic to go');
  });

  it('reveals a paper and a topic', async () => {
    const scout = await api();
    const paper = scout.papers()[5];
    assert.strictEqual(await scout.revealPaper(paper.id), true);
    assert.strictEqual(await scout.revealTopic(paper.topics[0]), true);
    assert.strictEqual(await scout.revealPaper('no-such-paper'), false);
  });

  it('reveals a topic with the paper under it selected, as the panel\'s topic chips do', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const paper = scout.papers().find((candidate) => candidate.topics.length > 1) ?? scout.papers()[0];
    const topic = paper.topics[paper.topics.length - 1];
    assert.strictEqual(await scout.revealTopic(topic, paper.id), true);
    const selected = await waitFor(() => testHooks.topicSelection()[0], 'a selection in the Topics view');
    assert.ok(selected.kind === 'paper' && selected.paper.id === paper.id && selected.topic.rule.name === topic,
      `selected ${selected.kind === 'paper' ? `${selected.paper.id} under ${selected.topic.rule.name}` : `the topic ${selected.rule.name}`}`);
  });

  it('opens in the Paper Scout container from the activity bar, and takes the focus', async () => {
    await within(vscode.commands.executeCommand('workbench.view.extension.paperScout'), 10_000, 'open the container');
    await within(vscode.commands.executeCommand('paperScout.topics.focus'), 10_000, 'focus the Topics view');
  });

  it('reveals a paper with Paper Scout: Reveal Paper in Topics', async () => {
    const paper = (await api()).papers()[0];
    assert.strictEqual(await within(vscode.commands.executeCommand<boolean>(COMMANDS.revealPaper, paper.id), 10_000, 'Reveal Paper'), true);
  });

  it('asks for the sort order with Paper Scout: Change Sort Order', async () => {
    await runDismissing(COMMANDS.changeSort);
  });
});
