/**
 * The citations and key definitions of one open document, as the editor features need them on every
 * cursor move (highlights, the key under the cursor, diagnostics): scanned once per document version
 * and kept until the document changes or closes. Documents over the size limit are not scanned. A
 * mention (a bare `@key` in Markdown that shows no sign of citing) is given as a citation when its key
 * is known, and left out otherwise.
 */
import * as vscode from 'vscode';
import { scanCitations } from '../core/references/scanCitations';
import { resolveMentions, type KeyOccurrence } from '../core/references/keyOccurrences';
import { commentTrigger } from '../settings/settings';

/** The range of an occurrence's key in its document (`line` and `column` are 1-based, UTF-16). */
export function keyRange(occurrence: Pick<KeyOccurrence, 'key' | 'line' | 'column'>): vscode.Range {
  return new vscode.Range(occurrence.line - 1, occurrence.column - 1, occurrence.line - 1, occurrence.column - 1 + occurrence.key.length);
}

/** The document's occurrences; none when its scan fails, so one document never breaks the features of others. */
function scanOrNothing(text: string, languageId: string, commentTrigger: string): KeyOccurrence[] {
  try {
    return scanCitations(text, languageId, { commentTrigger });
  } catch {
    return [];
  }
}

interface Scanned {
  version: number;
  trigger: string;
  languageId: string;
  occurrences: KeyOccurrence[];
  hasMentions: boolean;
}

/** Occurrences of keys in open documents, cached per document version. */
export class DocumentCitations implements vscode.Disposable {
  private readonly cache = new Map<string, Scanned>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));

  /**
   * `maxBytes()`: documents longer than this (in UTF-16 units) are not scanned; `isKnown`: whether a
   * key is known without a definition in the document (a paper's key, or one the workspace defines).
   */
  constructor(private readonly maxBytes: () => number, private readonly isKnown: (key: string) => boolean) {}

  /** The keys `document` cites and defines, in order; empty for a document over the size limit. */
  occurrences(document: vscode.TextDocument): readonly KeyOccurrence[] {
    const scanned = this.scanned(document);
    if (!scanned.hasMentions) return scanned.occurrences;
    const defined = new Set(scanned.occurrences.filter((occurrence) => occurrence.kind === 'definition').map((occurrence) => occurrence.key));
    return resolveMentions(scanned.occurrences, (key) => defined.has(key) || this.isKnown(key));
  }

  /** What the scanner found in `document`, mentions as they are (cached per version). */
  private scanned(document: vscode.TextDocument): Scanned {
    const id = document.uri.toString();
    const trigger = commentTrigger();
    const cached = this.cache.get(id);
    if (cached && cached.version === document.version && cached.trigger === trigger && cached.languageId === document.languageId) return cached;
    const text = document.getText();
    const occurrences = text.length > this.maxBytes() ? [] : scanOrNothing(text, document.languageId, trigger);
    const scanned = { version: document.version, trigger, languageId: document.languageId, occurrences, hasMentions: occurrences.some((occurrence) => occurrence.kind === 'mention') };
    this.cache.set(id, scanned);
    return scanned;
  }

  /** The cited or defined key at `position`, with its range; undefined when the position is on no key. */
  keyAt(document: vscode.TextDocument, position: vscode.Position): { occurrence: KeyOccurrence; range: vscode.Range } | undefined {
    for (const occurrence of this.occurrences(document)) {
      if (occurrence.line - 1 !== position.line) continue;
      const range = keyRange(occurrence);
      if (range.contains(position)) return { occurrence, range };
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
