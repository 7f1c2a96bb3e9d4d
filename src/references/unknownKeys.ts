/**
 * Unknown citation keys in open documents: a diagnostic (its severity a setting, `off` included) on
 * each cited key that no paper has and nothing in the workspace defines, with quick fixes "Replace
 * with <nearest key>" (by edit distance and title words), "Search Papers for '<key>'" and "Ignore
 * '<key>' in This Workspace" (kept in a setting). Waits for the citation index, since a key may be
 * defined in a `.bib` file not yet read. A key still being typed is not marked until the writer
 * pauses (`TYPING_PAUSE_MS`) or moves the cursor off it.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { Debouncer } from '../core/debounce';
import { nearestKeys, type KeyCandidate } from '../core/references/nearestKey';
import type { PaperKeys } from '../citations/paperKeys';
import { affects, ignoredKeys, SETTINGS, unknownKeySeverity, type UnknownKeySeverity } from '../settings/settings';
import { keyRange, type DocumentCitations } from './documentCitations';
import { PAPER_SCHEME } from './paperDefinitions';
import type { WorkspaceCitations } from './workspaceCitations';

/** The `source` of Paper Scout's unknown-key diagnostics. */
export const UNKNOWN_KEY_SOURCE = 'Paper Scout';
/** The `code` of Paper Scout's unknown-key diagnostics. */
export const UNKNOWN_KEY_CODE = 'unknown-key';

/** Documents that are no one's writing: output channels (the log changes with every line), debug consoles, Git's views, Paper Scout's own entries. */
const NOT_WRITING: ReadonlySet<string> = new Set(['output', 'debug', 'git', 'vscode-scm', PAPER_SCHEME]);

/** How many "Replace with" fixes are offered at most. */
const MAX_REPLACEMENTS = 3;
const REFRESH_DELAY_MS = 100;
/** How long after the last keystroke a key being typed is marked (moving the cursor off it marks it at once). */
export const TYPING_PAUSE_MS = 1000;

/** Where a writer is typing: the document and the places just after the last edit (one per cursor). */
interface Typing {
  uri: string;
  positions: vscode.Position[];
}

const SEVERITIES: Readonly<Record<Exclude<UnknownKeySeverity, 'off'>, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What the command behind "Search Papers for '<key>'" is given: the key and where it stands. */
export interface KeyPlace {
  uri: string;
  line: number;
  character: number;
  key: string;
}

/** Keeps the unknown-key diagnostics of every open document current. */
export class UnknownKeyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('paperScout.unknownKeys');
  /** Refreshes once per `REFRESH_DELAY_MS` at most, however many changes come meanwhile. */
  private readonly refresher = new Debouncer(() => this.refresh(), REFRESH_DELAY_MS, REFRESH_DELAY_MS);
  /** Where a key is being typed, held until the writer pauses or moves off it. */
  private typing: Typing | undefined;
  /**
   * Ends the hold `typingPauseMs` after the last keystroke. No maximum wait: however long the writer
   * types, the key under the cursor is the one still being typed.
   */
  private readonly pause = new Debouncer(() => this.release(), TYPING_PAUSE_MS, Number.POSITIVE_INFINITY);
  /** How long after the last keystroke a key being typed is marked (a test hook may change it). */
  typingPauseMs = TYPING_PAUSE_MS;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.refresher, this.pause];

  constructor(private readonly workspace: WorkspaceCitations, private readonly documents: DocumentCitations, private readonly papers: PaperKeys, papersChanged: vscode.Event<void>) {
    const schedule = (): void => this.schedule();
    const scheduleFor = (document: vscode.TextDocument): void => { if (!NOT_WRITING.has(document.uri.scheme)) schedule(); };
    this.disposables.push(
      workspace.onDidChange(schedule),
      papersChanged(schedule),
      vscode.workspace.onDidOpenTextDocument(scheduleFor),
      vscode.workspace.onDidChangeTextDocument((event) => {
        this.noteTyping(event);
        scheduleFor(event.document);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.cursorMoved(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => { if (affects(event, SETTINGS.unknownKeySeverity, SETTINGS.ignoredKeys)) schedule(); }),
    );
    schedule();
  }

  /** Marks the unknown keys of every open document now. */
  refresh(): void {
    this.refresher.cancel();
    // Off, or not every definition is known yet. Idle means nothing in the workspace cites: no .bib
    // defines a key there, so the papers' keys and the document's own definitions are all there is.
    if (this.workspace.state !== 'ready' && this.workspace.state !== 'idle') {
      this.collection.clear();
      return;
    }
    this.workspace.flush();
    const known = new Map<string, boolean>();
    const isKnown = (key: string): boolean => {
      let answer = known.get(key);
      if (answer === undefined) known.set(key, (answer = this.papers.get(key) !== undefined || this.workspace.citationIndex.isDefined(key)));
      return answer;
    };
    for (const document of vscode.workspace.textDocuments) {
      if (document.isClosed || NOT_WRITING.has(document.uri.scheme)) continue;
      const severity = unknownKeySeverity(document);
      if (severity === 'off') {
        this.collection.delete(document.uri);
        continue;
      }
      const occurrences = this.documents.occurrences(document);
      const ownDefinitions = new Set(occurrences.filter((occurrence) => occurrence.kind === 'definition').map((occurrence) => occurrence.key));
      const ignored = new Set(ignoredKeys(document));
      const typed = this.typedPositions(document);
      const diagnostics = occurrences
        .filter((occurrence) => occurrence.kind === 'citation' && !ownDefinitions.has(occurrence.key) && !ignored.has(occurrence.key) && !isKnown(occurrence.key))
        .filter((occurrence) => !typed.some((position) => keyRange(occurrence).contains(position)))
        .map((occurrence) => {
          const diagnostic = new vscode.Diagnostic(keyRange(occurrence), `Unknown citation key "${occurrence.key}": no paper has it and no .bib entry in the workspace defines it.`, SEVERITIES[severity]);
          diagnostic.source = UNKNOWN_KEY_SOURCE;
          diagnostic.code = UNKNOWN_KEY_CODE;
          return diagnostic;
        });
      this.collection.set(document.uri, diagnostics);
    }
  }

  private schedule(): void {
    this.refresher.trigger();
  }

  /** Remembers where an edit in the active editor left its cursors, and marks the keys there once the writer pauses. */
  private noteTyping(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0 || vscode.window.activeTextEditor?.document !== event.document) return;
    const document = event.document;
    // Where each change's text ends once applied (changes are given against the text before the edit, last first).
    let shift = 0;
    const positions = [...event.contentChanges]
      .sort((a, b) => a.rangeOffset - b.rangeOffset)
      .map((change) => {
        const end = change.rangeOffset + shift + change.text.length;
        shift += change.text.length - change.rangeLength;
        return document.positionAt(end);
      });
    this.typing = { uri: document.uri.toString(), positions };
    this.pause.trigger(this.typingPauseMs);
  }

  /** A cursor moved off the key being typed (or to another document): it is marked now. */
  private cursorMoved(event: vscode.TextEditorSelectionChangeEvent): void {
    const typing = this.typing;
    if (!typing) return;
    const sameDocument = event.textEditor.document.uri.toString() === typing.uri;
    if (sameDocument && event.selections.every((selection) => typing.positions.some((position) => position.line === selection.active.line && wordBetween(event.textEditor.document, position, selection.active)))) return;
    this.release();
  }

  /** Ends the hold on the keys being typed and marks them. */
  private release(): void {
    this.pause.cancel();
    if (!this.typing) return;
    this.typing = undefined;
    this.schedule();
  }

  /** The places in `document` where a key is being typed (none once the writer paused). */
  private typedPositions(document: vscode.TextDocument): vscode.Position[] {
    const typing = this.typing;
    return typing && typing.uri === document.uri.toString() ? typing.positions : [];
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

/** The quick fixes of an unknown key: the nearest known keys, and a search for the paper meant. */
export class UnknownKeyFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly workspace: WorkspaceCitations, private readonly papers: PaperKeys) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === UNKNOWN_KEY_SOURCE && diagnostic.code === UNKNOWN_KEY_CODE);
    if (ours.length === 0) return [];
    const candidates = this.candidates();
    return ours.flatMap((diagnostic) => {
      const key = document.getText(diagnostic.range);
      const replacements = nearestKeys(key, candidates, MAX_REPLACEMENTS).map((suggestion, rank) => {
        const action = new vscode.CodeAction(`Replace with ${suggestion.key}`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, suggestion.key);
        action.diagnostics = [diagnostic];
        action.isPreferred = rank === 0;
        return action;
      });
      const search = new vscode.CodeAction(`Search Papers for '${key}'`, vscode.CodeActionKind.QuickFix);
      const place: KeyPlace = { uri: document.uri.toString(), line: diagnostic.range.start.line, character: diagnostic.range.start.character, key };
      search.command = { command: COMMANDS.searchPapersForKey, title: search.title, arguments: [place] };
      search.diagnostics = [diagnostic];
      const ignore = new vscode.CodeAction(`Ignore '${key}' in This Workspace`, vscode.CodeActionKind.QuickFix);
      ignore.command = { command: COMMANDS.ignoreCitationKey, title: ignore.title, arguments: [{ key }] };
      ignore.diagnostics = [diagnostic];
      return [...replacements, search, ignore];
    });
  }

  /** The corpus papers' keys with their titles, and the keys the workspace defines. */
  private candidates(): KeyCandidate[] {
    const defined = this.workspace.citationIndex.definedKeys().filter((key) => !this.papers.get(key)).sort().map((key) => ({ key, title: '' }));
    return [...this.papers.papers, ...defined];
  }
}

/** True when only key characters stand between `a` and `b` on their line: the cursor is still on the word being typed. */
function wordBetween(document: vscode.TextDocument, a: vscode.Position, b: vscode.Position): boolean {
  const [from, to] = a.isBefore(b) ? [a, b] : [b, a];
  return /^[^\s,;{}[\]()]*$/.test(document.lineAt(from.line).text.slice(from.character, to.character));
}
