// A workspace holding files that stalled the citation scanner (issue 24): `\bibitem[` repeated with no
// `]`, `\verb` with delimiters that never recur, a Markdown file of tens of thousands of keys.
// Each took seconds to minutes of the extension host's thread before (or overflowed its stack and cut
// the index short). Completion asked while the index is being built answers before the build is done,
// and once it is done every file is in the index, the ones after the hostile ones included.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { api, closeAllEditors, hooks, scratchDocument, waitFor, workspaceRoot } from '../helpers';

/** Just under the 1 MiB size limit, so the files are read. */
const SIZE = 900_000;
/** Enough of them that the build takes a while on any machine. */
const COPIES = 6;

async function setGlobal(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration(section).inspect(key)?.globalValue) === JSON.stringify(value), `${section}.${key}`);
}

describe('references: files that stalled the scanner', function () {
  this.timeout(180_000);
  const folder = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'stalling');

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await setGlobal('paperScout', 'workspaceCitations.maxFileSize', undefined);
    // The rebuild the setting starts reads the workspace: let it end before the next test (or the end of the run).
    await (await hooks()).workspaceCitations.whenBuilt();
  });

  it('leave the extension host free while they are indexed: completion answers during the build, and every file gets indexed', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const key = `afterstall${Date.now()}`;
    const bibitems = '\\bibitem['.repeat(SIZE / 9);
    let verbs = '';
    for (let at = 0; verbs.length < SIZE; at++) verbs += `\\verb${String.fromCharCode(0x4e00 + (at % 20_000))}`;
    const write = (name: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), name), new TextEncoder().encode(text));
    for (let copy = 0; copy < COPIES; copy++) {
      await write(`a-bibitem-${copy}.tex`, bibitems);
      await write(`b-verb-${copy}.tex`, verbs);
    }
    const keysOnce = `k${Date.now()}`;
    // One bracketed citation first: the file shows it cites, so every bare key after it is a citation too
    // (in Markdown that shows no sign of citing a bare key of no known paper is a mention, issue 20).
    const bareKeys = Math.floor(SIZE / (keysOnce.length + 2));
    await write('c-keys.md', `[@${keysOnce}]\n${`@${keysOnce} `.repeat(bareKeys)}`);
    // Read after the hostile files (the build goes in path order): a file that cost its own scan only.
    await write(`z-after-${key}.md`, `[@${key}]\n`);

    // A rebuild from scratch (a changed setting restarts it), with completion asked while it runs.
    const content = 'See \\cite{';
    const { document } = await scratchDocument('latex', content);
    await setGlobal('paperScout', 'workspaceCitations.maxFileSize', 1_000_000);
    await waitFor(() => testHooks.workspaceCitations.state() === 'building', 'the index to be rebuilt');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length), '{');
    const answeredWhile = testHooks.workspaceCitations.state();
    const items = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    // Completion lists at most 50 papers, best first, in an incomplete list (src/citations/completion.ts).
    assert.strictEqual(items.length, Math.min(50, scout.papers().length), 'completion offers papers, as many as it lists');
    assert.ok(list.isIncomplete, 'the list is incomplete, so VS Code asks again as typing goes on');
    assert.strictEqual(answeredWhile, 'building', 'completion waited for the build: the extension host was held');

    await testHooks.workspaceCitations.whenBuilt();
    assert.strictEqual(testHooks.workspaceCitations.state(), 'ready');
    assert.strictEqual(testHooks.workspaceCitations.citationsOf(key).length, 1, 'the file after the hostile ones is not indexed');
    assert.strictEqual(testHooks.workspaceCitations.citationsOf(keysOnce).length, 1 + bareKeys, 'the Markdown file of tens of thousands of keys is not indexed whole');
  });
});
