// Shared by the feature tests of the UI (sidebar, search, panel, citations): the full API and small helpers.
import * as vscode from 'vscode';
import type { PaperScoutApi } from '../../../src/api';
import type { Paper } from '../../../src/core/types';
import { extension, untitledDocument, waitFor } from '../helpers';

/** The extension's API with its full type (src/api.ts). */
export async function scout(): Promise<PaperScoutApi> {
  return (await extension().activate()) as unknown as PaperScoutApi;
}

/** A paper with a date, and one without (the corpus has both). */
export async function papersWithAndWithoutDate(): Promise<{ dated: Paper; undated: Paper | undefined }> {
  const papers = (await scout()).papers();
  const dated = papers.find((paper) => paper.published !== null);
  if (!dated) throw new Error('no dated paper in the corpus');
  return { dated, undated: papers.find((paper) => paper.published === null) };
}

/** Sets a Paper Scout setting in the user settings and waits until the extension reads it back. */
export async function setSetting(name: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('paperScout');
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration('paperScout').get(name)) === JSON.stringify(value ?? vscode.workspace.getConfiguration('paperScout').inspect(name)?.defaultValue), `setting paperScout.${name}`);
}

/** Opens an untitled document with `content` in `language`. */
export async function editorWith(language: string, content: string): Promise<vscode.TextEditor> {
  const editor = await untitledDocument(language, content);
  await waitFor(() => vscode.window.activeTextEditor?.document === editor.document, `the ${language} editor to be active`);
  return editor;
}
