// Shared by the integration tests: the extension under test, its API, and what its manifest contributes.
import * as assert from './assert';
import * as vscode from 'vscode';
import type { Paper } from '../../src/core/types';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'paper-scout.paper-scout';

/** The part of the API `activate()` returns (src/api.ts) that the harness's own tests use. */
export interface PaperScoutApi {
  state?(): { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };
  papers(): readonly Paper[];
  search(query: string): Promise<{ paper: Paper; score: number; snippet: string }[]>;
}

/** The extension under test; fails the test when VS Code did not load it. */
export function extension(): vscode.Extension<PaperScoutApi> {
  const found = vscode.extensions.getExtension<PaperScoutApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded`);
  return found;
}

/** Activates the extension (once), waits until its corpus is loaded, and returns its API. */
export async function api(): Promise<PaperScoutApi> {
  const scout = await extension().activate();
  if (scout.state) await waitFor(() => scout.state?.().kind !== 'loading', 'the corpus to load', 20_000);
  const state = scout.state?.();
  if (state?.kind === 'error') throw new Error(`Paper Scout failed to load: ${state.message}`);
  return scout;
}

/** The `contributes` section of the loaded manifest. */
export function contributes(): {
  commands?: { command: string; title: string; category?: string }[];
  views?: Record<string, { id: string; name: string }[]>;
  viewsContainers?: Record<string, { id: string }[]>;
} {
  return extension().packageJSON.contributes ?? {};
}

/** True when the manifest contributes `command`. */
export function contributesCommand(command: string): boolean {
  return (contributes().commands ?? []).some((c) => c.command === command);
}

/** True when the manifest contributes a view with this id. */
export function contributesView(id: string): boolean {
  return Object.values(contributes().views ?? {}).some((views) => views.some((v) => v.id === id));
}

/**
 * Skips the current test while the feature is not in the manifest yet, so the harness runs green on a
 * partial extension; once the feature is contributed the test runs for real.
 */
export function requireContributed(context: Mocha.Context, what: { command?: string; view?: string }): void {
  if (what.command && !contributesCommand(what.command)) context.skip();
  if (what.view && !contributesView(what.view)) context.skip();
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

/**
 * Runs a command that may wait on a quick pick or input box: dismisses whatever it opened, then waits
 * for the command to settle.
 */
export async function runDismissing(command: string, ...args: unknown[]): Promise<unknown> {
  const running = vscode.commands.executeCommand(command, ...args);
  await sleep(500);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return within(running, 10_000, command);
}

const EXTENSIONS: Readonly<Record<string, string>> = { latex: 'tex', markdown: 'md', python: 'py', typescript: 'ts', javascript: 'js', plaintext: 'txt' };
let scratchCount = 0;

/**
 * Opens a new file of the workspace (a fresh copy per run) holding `content` in `language`. Tests of
 * completion, hover and export use these rather than untitled documents: VS Code hands out
 * `Untitled-1` again once it is closed, and a provider asked right away could still read the closed
 * document's text under that name.
 */
export async function scratchDocument(language: string, content: string): Promise<vscode.TextEditor> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the tests run with a workspace folder open');
  scratchCount++;
  const uri = vscode.Uri.joinPath(root, 'scratch', `doc-${Date.now()}-${scratchCount}.${EXTENSIONS[language] ?? 'txt'}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document, `${uri.path} to be active`);
  return editor;
}

/** Opens an untitled document with `content` in `language`, in an editor. */
export async function untitledDocument(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document, `the ${language} editor to be active`);
  return editor;
}

/** Opens an empty untitled document in an editor. */
export async function untitledEditor(language = 'latex'): Promise<vscode.TextEditor> {
  return untitledDocument(language, '');
}

/** Closes every editor without saving. */
export async function closeAllEditors(): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled && editor.document.isDirty) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
