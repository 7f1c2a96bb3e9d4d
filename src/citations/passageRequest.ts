/**
 * The passage request for a place in a document: the text the core reads (the whole document when it
 * is of ordinary size, else a window of lines around the cursor, so the light bulb and completion,
 * asked on every cursor move, cost the same in a huge file), the cursor and selection as offsets in
 * that text, the language and the comment trigger.
 */
import * as vscode from 'vscode';
import type { PassageRequest } from '../core/passage/suggest';
import { commentTrigger } from '../settings/settings';

/** Documents up to this many UTF-16 units are read whole. */
export const WHOLE_DOCUMENT_CHARS = 256 * 1024;
/** In a longer document, this many characters each side of the cursor (to whole lines). */
const WINDOW_CHARS = 32 * 1024;

/** A window of whole lines of `document` around `position`: its text, its offset in the document, and the cursor's offset in it. */
export function documentWindow(document: vscode.TextDocument, position: vscode.Position): { text: string; base: number; cursor: number; range: vscode.Range } {
  const end = document.lineAt(document.lineCount - 1).range.end;
  const length = document.offsetAt(end);
  const cursor = document.offsetAt(position);
  let range = new vscode.Range(new vscode.Position(0, 0), end);
  if (length > WHOLE_DOCUMENT_CHARS) {
    const from = document.positionAt(Math.max(0, cursor - WINDOW_CHARS));
    const to = document.positionAt(Math.min(length, cursor + WINDOW_CHARS));
    range = new vscode.Range(from.line, 0, to.line, document.lineAt(to.line).range.end.character);
  }
  const base = document.offsetAt(range.start);
  return { text: document.getText(range), base, cursor: cursor - base, range };
}

/** The request for `position` in `document`; a non-empty `selection` is the passage itself. */
export function passageRequest(document: vscode.TextDocument, position: vscode.Position, selection?: vscode.Range): PassageRequest {
  const window = documentWindow(document, position);
  const request: PassageRequest = { text: window.text, languageId: document.languageId, cursor: window.cursor, commentTrigger: commentTrigger() };
  const chosen = selection && !selection.isEmpty ? window.range.intersection(selection) : undefined;
  if (chosen && !chosen.isEmpty) request.selection = { start: document.offsetAt(chosen.start) - window.base, end: document.offsetAt(chosen.end) - window.base };
  return request;
}
