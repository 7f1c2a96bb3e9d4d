// The workspace citation index as a background service (issue 15): built after activation, kept
// current as files are written and deleted, leaving out what search.exclude and the size limit leave
// out, switched off by its setting; and what users see of it: the number of citing places in the
// Topics tree and the "Cited in" section of the paper panel.
import * as vscode from 'vscode';
import type { PaperScoutTestHooks } from '../../../src/api';
import type { Paper } from '../../../src/core/types';
import * as assert from '../assert';
import { api, closeAllEditors, hooks, scratchDocument, waitFor, workspaceRoot } from '../helpers';

/** Sets a setting in the user settings (`undefined` removes it) and waits until VS Code reads it back. */
async function setGlobal(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration(section).inspect(key)?.globalValue) === JSON.stringify(value), `${section}.${key}`);
}

/** Waits for the index to be rebuilt after a settings change and to hold `count` citations of `key`. */
async function citations(testHooks: PaperScoutTestHooks, key: string, count: number): Promise<void> {
  await waitFor(async () => {
    await testHooks.workspaceCitations.whenBuilt();
    return testHooks.workspaceCitations.state() !== 'building' && testHooks.workspaceCitations.citationsOf(key).length === count;
  }, `${count} citations of ${key} (have ${testHooks.workspaceCitations.citationsOf(key).length})`);
}

/** Writes a file into the workspace's scratch folder without opening it. */
async function writeScratch(path: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

describe('references: the workspace citation index', function () {
  this.timeout(60_000);
  let testHooks: PaperScoutTestHooks;
  let paper: Paper;
  before(async () => {
    testHooks = await hooks();
    paper = (await api()).papers()[0];
  });
  afterEach(closeAllEditors);
  after(async () => {
    await setGlobal('search', 'exclude', undefined);
    await setGlobal('paperScout', 'workspaceCitations.maxFileSize', undefined);
    await setGlobal('paperScout', 'workspaceCitations.enabled', undefined);
  });

  it('is built after activation from the files of the workspace, never opened ones included', async () => {
    await testHooks.workspaceCitations.whenBuilt();
    assert.strictEqual(testHooks.workspaceCitations.state(), 'ready');
    // test/fixtures/workspace/notes.md cites [@awq2023] on line 8; no integration test opens it.
    const places = testHooks.workspaceCitations.citationsOf('awq2023').map((place) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(place.uri))}:${place.line}:${place.column}`);
    assert.ok(places.includes('notes.md:8:17'), `notes.md:8:17 is not among the citations of awq2023: ${places.join(', ')}`);
  });

  it('reads files written to the workspace and forgets deleted ones and deleted folders', async () => {
    const key = `watched${Date.now()}`;
    const file = await writeScratch(`watched-${key}.tex`, `\\parencite{${key}}\n`);
    const nested = await writeScratch(`folder-${key}/deep/notes.md`, `[@${key}]\n`);
    await citations(testHooks, key, 2);
    await vscode.workspace.fs.delete(file);
    await citations(testHooks, key, 1);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(nested, '..', '..'), { recursive: true });
    await citations(testHooks, key, 0);
  });

  it('leaves out what search.exclude excludes, and files over the size limit', async () => {
    const key = `excluded${Date.now()}`;
    await writeScratch(`hidden-${key}/a.md`, `[@${key}]\n`);
    await writeScratch(`big-${key}.md`, `[@${key}]\n${'padding '.repeat(200)}\n`);
    await citations(testHooks, key, 2);
    await setGlobal('search', 'exclude', { [`**/hidden-${key}`]: true });
    await citations(testHooks, key, 1);
    await setGlobal('paperScout', 'workspaceCitations.maxFileSize', 1000);
    await citations(testHooks, key, 0);
    await setGlobal('paperScout', 'workspaceCitations.maxFileSize', undefined);
    await setGlobal('search', 'exclude', undefined);
    await citations(testHooks, key, 2);
  });

  it('shows how often a paper is cited in its Topics tree item, and follows edits', async () => {
    const editor = await scratchDocument('markdown', `Two places: [@${paper.key}] and [@${paper.key}].\n`);
    const tree = testHooks.topicTree;
    const description = (): string => {
      const topic = tree.getChildren().find((node) => node.kind === 'topic' && node.rule.name === paper.topics[0]);
      const node = topic && tree.getChildren(topic).find((child) => child.kind === 'paper' && child.paper.id === paper.id);
      return node ? String(tree.getTreeItem(node).description ?? '') : '';
    };
    // The tree counts every key that cites the paper: its key and its old keys (earlier tests cite some).
    const counted = (): number => [paper.key, ...(paper.aliases ?? [])].reduce((sum, key) => sum + testHooks.workspaceCitations.citationsOf(key).length, 0);
    await waitFor(() => counted() >= 2 && description().endsWith(`cited ${counted()}×`), `the tree item to say "cited ${counted()}×" (it says "${description()}")`);
    const before = counted();
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), `A third [@${paper.key}].\n`));
    await waitFor(() => counted() === before + 1 && description().endsWith(`cited ${before + 1}×`), `the count to grow to ${before + 1} (the item says "${description()}")`);
  });

  it('lists the places citing a paper in its panel, and updates the list as the workspace changes', async () => {
    const scout = await api();
    const editor = await scratchDocument('latex', `As \\citet{${paper.key}} found.\n`);
    const path = vscode.workspace.asRelativePath(editor.document.uri);
    await scout.openPaper(paper.id);
    const listed = () => testHooks.panels().find((panel) => panel.paperId === paper.id)?.citedIn;
    await waitFor(() => listed()?.places.some((place) => place.file === path && place.line === 1 && place.column === 11), `the panel to list ${path}:1 (it lists ${JSON.stringify(listed()?.places.slice(0, 3))})`, 20_000);
    const total = listed()?.total ?? 0;
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), `Again \\cite{${paper.key}}.\n`));
    await waitFor(() => listed()?.total === total + 1 && listed()?.places.some((place) => place.file === path && place.line === 2), 'the panel to list the new place');
  });

  it('is switched off by its setting: no citation index, and the panel says so', async () => {
    const scout = await api();
    await setGlobal('paperScout', 'workspaceCitations.enabled', false);
    await waitFor(() => testHooks.workspaceCitations.state() === 'off', 'the index to be off');
    assert.deepStrictEqual(testHooks.workspaceCitations.citationsOf(paper.key), []);
    await scout.openPaper(paper.id);
    await waitFor(() => testHooks.panels().find((panel) => panel.paperId === paper.id)?.citedIn?.state === 'off', 'the panel to say the index is off', 20_000);
    await setGlobal('paperScout', 'workspaceCitations.enabled', undefined);
    await waitFor(() => testHooks.workspaceCitations.state() === 'ready', 'the index to be built again');
  });
});
