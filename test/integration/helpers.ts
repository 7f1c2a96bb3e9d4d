// Shared by the integration tests: the extension under test, its API (the one type, src/api.ts) and
// its test hooks, settings, editors, and waits for the thing itself (never a fixed sleep).
import * as vscode from 'vscode';
import type { CommandFailure, PaperScoutApi, PaperScoutTestHooks } from '../../src/api';
import type { Paper } from '../../src/core/types';
import * as assert from './assert';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'paper-scout.paper-scout';

/** The extension under test; fails the test when VS Code did not load it. */
export function extension(): vscode.Extension<PaperScoutApi> {
  const found = vscode.extensions.getExtension<PaperScoutApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded`);
  return found;
}

/** Activates the extension (once), waits until its corpus is loaded, and returns its API. */
export async function api(): Promise<PaperScoutApi> {
  const scout = await extension().activate();
  const state = await scout.loaded();
  if (state.kind === 'error') throw new Error(`Paper Scout failed to load: ${state.message}`);
  return scout;
}

/** The test hooks; fails when the extension does not offer them (it must, under ExtensionMode.Test). */
export async function hooks(): Promise<PaperScoutTestHooks> {
  const { testHooks } = await api();
  assert.ok(testHooks, 'the API has no test hooks, though VS Code runs the extension under ExtensionMode.Test');
  return testHooks;
}

/** The `contributes` section of the loaded manifest. */
export function contributes(): {
  commands?: { command: string; title: string; category?: string }[];
  views?: Record<string, { id: string; name: string }[]>;
  viewsContainers?: Record<string, { id: string }[]>;
} {
  return extension().packageJSON.contributes ?? {};
}

/** A paper with a date, and one without (the corpus has both). */
export async function papersWithAndWithoutDate(): Promise<{ dated: Paper; undated: Paper | undefined }> {
  const papers = (await api()).papers();
  const dated = papers.find((paper) => paper.published !== null);
  if (!dated) throw new Error('no dated paper in the corpus');
  return { dated, undated: papers.find((paper) => paper.published === null) };
}

/** Sets a Paper Scout setting in the user settings and waits until the extension reads it back. */
export async function setSetting(name: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('paperScout');
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  const expected = JSON.stringify(value ?? vscode.workspace.getConfiguration('paperScout').inspect(name)?.defaultValue);
  await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration('paperScout').get(name)) === expected, `setting paperScout.${name}`);
}

/** Resolves on the next turn of the event loop (for polling). */
function nextPoll(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value; fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await nextPoll(50);
  }
}

/** Resolves with the next value `event` fires that passes `accept`; fails after `timeoutMs`. */
export function nextEvent<T>(event: vscode.Event<T>, what: string, accept: (value: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { subscription.dispose(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error); });
  });
}

/**
 * The row the workbench has active in the open Paper Scout quick pick now, or undefined while it has none
 * among the items on show. The extension host hears which row is active as a position in the list and
 * reads it against the items IT holds; it sends new items to the workbench only on its next turn (a
 * quick pick's changes are batched), and the workbench reports the row it then makes active on its own
 * time. So a report made for the previous items (the typed text filtering them) can arrive after the new
 * ones were set, and name the row at that position of the new ones: not the row an Enter would take.
 * Hence: one turn, so that every change made so far is on its way to the workbench; then a request the
 * workbench answers only after it has applied them, and after the report of the row they made active
 * (it sends both before its answer, in order).
 */
async function activeRow(testHooks: PaperScoutTestHooks): Promise<string | undefined> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await vscode.commands.getCommands();
  return testHooks.quickPick()?.active;
}

/**
 * Presses Enter once in the open Paper Scout quick pick (the search, papers for a passage, the export's file),
 * when the workbench has the row `label` active, and resolves with `outcome` (what that Enter leads to). One
 * Enter only: a second, sent while the first is still being answered, would choose a row of the next list.
 */
export async function enterOn<T>(label: string, outcome: Thenable<T>): Promise<T> {
  const testHooks = await hooks();
  await waitFor(async () => (await activeRow(testHooks)) === label, `"${label}" to be the active row of the open quick pick`);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return outcome;
}

/**
 * Presses Enter once on the row the workbench has active in the open Paper Scout quick pick, once it has
 * one among the items on show: its first row as VS Code lists them (it puts the titles that hold the typed
 * text first, so not necessarily the index's first result). Resolves with that row's label and with `outcome`.
 * Call it once the items meant are on show (their `onDidShow…` event), not while the previous ones are.
 */
export async function enterOnActive<T>(outcome: Thenable<T>): Promise<{ row: string; outcome: T }> {
  const testHooks = await hooks();
  const row = await waitFor(() => activeRow(testHooks), 'the workbench to have a row of the open quick pick active');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return { row, outcome: await outcome };
}

/**
 * Resolves once the panel showing `paperId` has loaded its page and has the focus: a panel opened with the
 * focus hands it to its webview only once the page has loaded, so a quick pick opened before then loses the
 * focus to it and closes. Reads the panel's state, so it holds for a new panel and for one that was already
 * open alike; a timeout names every panel's state.
 */
export async function untilPanelLoadedAndActive(testHooks: PaperScoutTestHooks, paperId: string): Promise<void> {
  try {
    await waitFor(() => testHooks.panels().some((panel) => panel.paperId === paperId && panel.loaded && panel.active),
      `the panel of ${paperId} to load and have the focus`, 20_000);
  } catch (error) {
    const panels = testHooks.panels().map(({ paperId: id, visible, active, loaded }) => ({ id, visible, active, loaded }));
    throw new Error(`${error instanceof Error ? error.message : String(error)}; panels: ${JSON.stringify(panels)}`, { cause: error });
  }
}

/**
 * The Paper Scout commands that failed since activation. The registry catches every error (a menu gets no
 * rejection), so a command that throws would pass any test that only runs it: tests count these instead.
 */
export function commandFailures(): readonly CommandFailure[] {
  const hooks = extension().exports?.testHooks;
  assert.ok(hooks, 'the extension is not active, or has no test hooks');
  return hooks.commandFailures();
}

/** Failures a test made on purpose (see `expectCommandFailures`). */
const expectedFailures = new Set<CommandFailure>();

/** Runs `work`, which makes commands fail on purpose, and returns those failures; the other checks leave them out. */
export async function expectCommandFailures(work: () => Promise<unknown>): Promise<readonly CommandFailure[]> {
  const before = commandFailures().length;
  await work();
  const failed = commandFailures().slice(before);
  for (const failure of failed) expectedFailures.add(failure);
  return failed;
}

/** Fails when a command failed (not on purpose) after the first `since` failures, naming each. */
export function assertNoCommandFailed(since = 0, during = 'the test'): void {
  const failed = commandFailures().slice(since).filter((failure) => !expectedFailures.has(failure));
  assert.deepStrictEqual(failed.map(({ command, message }) => `${command}: ${message}`), [], `commands failed during ${during}`);
}

/**
 * Runs a command that may wait on a quick pick or input box, and closes whatever quick input it opens
 * until the command settles: no guess at how long the quick input takes to show. Fails when the command
 * failed (the registry reports a failure instead of rejecting).
 */
export async function runDismissing(command: string, ...args: unknown[]): Promise<unknown> {
  const failuresBefore = commandFailures().length;
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => { settled = true; });
  await waitFor(async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    return settled;
  }, `${command} to settle once its quick input is closed`);
  const result = await running;
  assertNoCommandFailed(failuresBefore, command);
  return result;
}

const EXTENSIONS: Readonly<Record<string, string>> = { latex: 'tex', markdown: 'md', python: 'py', typescript: 'ts', javascript: 'js', plaintext: 'txt', bibtex: 'bib', json: 'json' };
let scratchCount = 0;

/**
 * Opens a new file of the workspace (a fresh copy per run) holding `content` in `language`. Tests of
 * completion, hover and export use these rather than untitled documents: VS Code hands out
 * `Untitled-1` again once it is closed, and a provider asked right away could still read the closed
 * document's text under that name.
 */
export async function scratchDocument(language: string, content: string): Promise<vscode.TextEditor> {
  const root = workspaceRoot();
  scratchCount++;
  const uri = vscode.Uri.joinPath(root, 'scratch', `doc-${Date.now()}-${scratchCount}.${EXTENSIONS[language] ?? 'txt'}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document, `${uri.path} to be active`);
  return editor;
}

/** The workspace folder the tests run in (a fresh copy of test/fixtures/workspace per run). */
export function workspaceRoot(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the tests run with a workspace folder open');
  return root;
}

let untitledCount = 0;

/**
 * Opens an untitled document with `content` in `language`, in an editor, and waits until it is active.
 * Each gets a name of its own: VS Code hands out `Untitled-1` again once it is closed, and the
 * extension host may still hold the closed document under that name (a test then edits the old text).
 */
export async function untitledDocument(language: string, content = ''): Promise<vscode.TextEditor> {
  untitledCount++;
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/paper-scout-test-${Date.now()}-${untitledCount}.${EXTENSIONS[language] ?? 'txt'}` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  if (content) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), content);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not write the content of ${uri.path}`);
  }
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document && document.getText() === content, `the ${language} editor to be active with its content`);
  return editor;
}

/**
 * Closes every editor without saving. A paper panel still loading its page is let finish first. Twice in fresh
 * clones, on the web worker host, the first webview of a fresh browser profile was closed while it loaded and
 * the next one never loaded; VS Code's webview service worker has known failures of this kind
 * (microsoft/vscode#125993). A user rarely closes a panel within its first second; the tests did it often.
 */
export async function closeAllEditors(): Promise<void> {
  const testHooks = extension().isActive ? extension().exports.testHooks : undefined;
  if (testHooks) await waitFor(() => testHooks.panels().every((panel) => !panel.visible || panel.loaded), 'the open paper panels to load before they close', 20_000);
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled && editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // The extension host hears of a closed webview panel in a message of its own, which may come after the
  // command's answer: wait for it, so that the next test's Open Paper makes a new panel, not shows an old one.
  if (testHooks) await waitFor(() => testHooks.panels().length === 0, 'the paper panels to close');
}

/**
 * `count` new papers made of copies of `papers`, each with an id, key and title of its own (`tag` and
 * the round: `galore-copy1`, `galorecopy1`, `GaLore ... (copy 1)`), for corpus files of many papers.
 */
export function paperCopies(papers: readonly Paper[], count: number, tag = 'copy'): Paper[] {
  const made: Paper[] = [];
  for (let round = 1; made.length < count; round++) {
    for (const paper of papers) {
      if (made.length === count) break;
      made.push({ ...paper, id: `${paper.id}-${tag}${round}`, key: `${paper.key}${tag}${round}`, title: `${paper.title} (${tag} ${round})`, aliases: [] });
    }
  }
  return made;
}
