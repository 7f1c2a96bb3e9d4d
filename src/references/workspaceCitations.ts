/**
 * The workspace citation index as a background service: built after activation from the files of
 * every workspace folder (read through `workspace.fs`, so virtual file systems and the web host work
 * too), kept current from open documents (debounced) and a file watcher, rebuilt when the settings
 * that shape it change, and cancelled when the extension is disposed. Files are named by URI string.
 */
import * as vscode from 'vscode';
import { CitationIndex } from '../core/references/citationIndex';
import { indexWorkspace, updateDocument, type IndexWorkspaceOptions, type SkippedFile, type WorkspaceFile } from '../core/references/indexWorkspace';
import type { PathFilter } from '../core/references/pathFilter';
import { affects, commentTrigger, SETTINGS, workspaceCitationsEnabled, workspaceMaxFileBytes } from '../settings/settings';
import { listFolderFiles, pathFilterFor, relativeTo, walkFolder } from './workspaceFiles';

/** `off` (the setting), `indexing` (the first build, or a rebuild, is under way) or `ready`. */
export type WorkspaceCitationsState = 'off' | 'indexing' | 'ready';

/** How long after the last keystroke an edited document is scanned again. */
const UPDATE_DELAY_MS = 50;
/** How often, at most, listeners hear of changes while a build runs. */
const BUILD_NOTIFY_MS = 300;
/** Skipped files named one by one in the log; the rest are counted. */
const LOGGED_SKIPS = 20;

/** One build: cancelled when a newer one starts or the service is disposed. */
interface Run {
  cancelled: boolean;
}

/** Every citation in the workspace, kept current in the background. */
export class WorkspaceCitations implements vscode.Disposable {
  private indexValue = new CitationIndex();
  private stateValue: WorkspaceCitationsState = 'off';
  private run: Run | undefined;
  private maxBytes = workspaceMaxFileBytes();
  private readonly filters = new Map<string, PathFilter>();
  private readonly pending = new Map<string, vscode.TextDocument>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: Array<() => void> = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires (coalesced) when the index or its state changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.fileChanged(uri, true)),
      watcher.onDidChange((uri) => void this.fileChanged(uri, false)),
      watcher.onDidDelete((uri) => this.fileDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => { if (event.contentChanges.length > 0) this.schedule(event.document); }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, SETTINGS.workspaceCitations, SETTINGS.workspaceMaxFileSize, SETTINGS.commentTrigger)
          || event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) this.restart();
      }),
    );
  }

  /** The index (a new one after each rebuild: hold on to the service, not to this). */
  get index(): CitationIndex {
    return this.indexValue;
  }

  get state(): WorkspaceCitationsState {
    return this.stateValue;
  }

  /** The size limit in force, in bytes (UTF-16 units for open documents). */
  get maxFileBytes(): number {
    return this.maxBytes;
  }

  /** Resolves once no build is under way (at once when the index is ready or off). */
  whenBuilt(): Promise<void> {
    if (this.stateValue !== 'indexing') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Starts (again) from scratch with the settings in force: cancels a build under way. */
  restart(): void {
    if (this.run) this.run.cancelled = true;
    this.run = undefined;
    this.pending.clear();
    this.filters.clear();
    this.maxBytes = workspaceMaxFileBytes();
    this.indexValue = new CitationIndex({ commentTrigger: commentTrigger() });
    if (!workspaceCitationsEnabled()) {
      this.setState('off');
      return;
    }
    const run: Run = { cancelled: false };
    this.run = run;
    this.setState('indexing');
    void this.build(run).catch((error: unknown) => {
      this.log.error(`workspace citations: indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (this.run === run) this.setState('ready');
    });
  }

  /** Scans the edits of `uri` (every pending document without one) now rather than after the delay. */
  flush(uri?: vscode.Uri): void {
    const documents = uri ? [this.pending.get(uri.toString())].filter((document) => document !== undefined) : [...this.pending.values()];
    for (const document of documents) {
      this.pending.delete(document.uri.toString());
      this.update(document);
    }
    if (this.pending.size === 0 && this.pendingTimer) {
      clearTimeout(this.pendingTimer);
      this.pendingTimer = undefined;
    }
  }

  /** True when a document at `uri` belongs in the index: an untitled one, or a workspace file the filter lets through. */
  includes(uri: vscode.Uri): boolean {
    if (uri.scheme === 'untitled') return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relativePath = folder && relativeTo(folder, uri);
    return relativePath !== undefined && this.filterFor(folder as vscode.WorkspaceFolder).includesFile(relativePath);
  }

  private filterFor(folder: vscode.WorkspaceFolder): PathFilter {
    const key = folder.uri.toString();
    let filter = this.filters.get(key);
    if (!filter) this.filters.set(key, (filter = pathFilterFor(folder)));
    return filter;
  }

  private async build(run: Run): Promise<void> {
    const started = Date.now();
    const files: WorkspaceFile[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const listed = await listFolderFiles(folder, this.filterFor(folder), () => run.cancelled);
      if (listed.truncated) this.log.warn(`workspace citations: ${folder.name} has more files than the ${listed.files.length} indexed; the rest are left out`);
      files.push(...listed.files);
    }
    if (run.cancelled) return;
    const result = await indexWorkspace(this.indexValue, files, { ...this.readOptions(run), onProgress: () => this.notify() });
    if (result.cancelled || run.cancelled) return;
    // Open documents may hold edits not saved yet, and their language may not be the file name's.
    for (const document of vscode.workspace.textDocuments) if (this.includes(document.uri)) this.update(document);
    this.logSkipped(result.skipped);
    this.log.info(`workspace citations: ${this.indexValue.keys().length} keys in ${result.indexed} files indexed in ${Date.now() - started} ms${result.skipped.length > 0 ? `, ${result.skipped.length} skipped` : ''}`);
    this.setState('ready');
  }

  private readOptions(run: Run): IndexWorkspaceOptions {
    return {
      maxFileBytes: this.maxBytes,
      read: (file) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(file.id, true))),
      sizeOf: async (file) => (await vscode.workspace.fs.stat(vscode.Uri.parse(file.id, true))).size,
      isCancelled: () => run.cancelled,
    };
  }

  private logSkipped(skipped: readonly SkippedFile[]): void {
    for (const file of skipped.slice(0, LOGGED_SKIPS)) {
      const why = `${file.reason}${file.detail ? `: ${file.detail}` : ''}${file.reason === 'too large' ? `; see ${SETTINGS.workspaceMaxFileSize.key}` : ''}`;
      const line = `workspace citations: skipped ${vscode.Uri.parse(file.id, true).toString(true)} (${why})`;
      if (file.reason === 'unreadable') this.log.warn(line);
      else this.log.info(line);
    }
    if (skipped.length > LOGGED_SKIPS) this.log.info(`workspace citations: ${skipped.length - LOGGED_SKIPS} more files skipped`);
  }

  /** Queues an edited or opened document for scanning. */
  private schedule(document: vscode.TextDocument): void {
    if (this.stateValue === 'off' || !this.includes(document.uri)) return;
    this.pending.set(document.uri.toString(), document);
    this.pendingTimer ??= setTimeout(() => {
      this.pendingTimer = undefined;
      this.flush();
    }, UPDATE_DELAY_MS);
  }

  private update(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    updateDocument(this.indexValue, document.uri.toString(), document.getText(), document.languageId, this.maxBytes);
    this.notify();
  }

  /** A closed untitled document is gone; a closed file may have been reverted, so its saved text counts again. */
  private documentClosed(document: vscode.TextDocument): void {
    const id = document.uri.toString();
    this.pending.delete(id);
    if (this.stateValue === 'off') return;
    if (document.uri.scheme === 'untitled') {
      this.indexValue.removeFile(id);
      this.notify();
    } else if (this.includes(document.uri)) {
      void this.readFiles([document.uri]);
    }
  }

  /** A file or folder was created or changed on disk: read it (or what the folder holds) unless an open document speaks for it. */
  private async fileChanged(uri: vscode.Uri, created: boolean): Promise<void> {
    if (this.stateValue === 'off') return;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open && !open.isClosed) return;
    if (this.includes(uri)) {
      await this.readFiles([uri]);
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!created || !folder) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.Directory && !(stat.type & vscode.FileType.SymbolicLink)) {
      const run = this.run;
      const listed = await walkFolder(folder, uri, this.filterFor(folder), () => run !== this.run || (run?.cancelled ?? true));
      await this.readFiles(listed.files.map((file) => vscode.Uri.parse(file.id, true)));
    }
  }

  /** Reads files from disk into the index; one that can no longer be read (or is now too large) leaves it. */
  private async readFiles(uris: readonly vscode.Uri[]): Promise<void> {
    const run = this.run;
    if (!run || uris.length === 0) return;
    const index = this.indexValue;
    const files = uris.map((uri) => ({ id: uri.toString(), relativePath: uri.path }));
    const result = await indexWorkspace(index, files, this.readOptions(run));
    if (run.cancelled) return;
    for (const skipped of result.skipped) index.removeFile(skipped.id);
    this.logSkipped(result.skipped);
    this.notify();
  }

  /** A file or a whole folder was deleted: forget what the index held for it. */
  private fileDeleted(uri: vscode.Uri): void {
    const id = uri.toString();
    const folderPrefix = id.endsWith('/') ? id : `${id}/`;
    for (const file of this.indexValue.fileNames()) {
      if (file === id || file.startsWith(folderPrefix)) this.indexValue.removeFile(file);
    }
    this.notify();
  }

  private setState(state: WorkspaceCitationsState): void {
    this.stateValue = state;
    if (state !== 'indexing') {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
    this.notify(true);
  }

  /** Tells listeners, at most once per turn (per `BUILD_NOTIFY_MS` while a build runs). */
  private notify(now = false): void {
    if (this.notifyTimer && !now) return;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.changeEmitter.fire();
    }, now || this.stateValue !== 'indexing' ? 0 : BUILD_NOTIFY_MS);
  }

  dispose(): void {
    if (this.run) this.run.cancelled = true;
    this.run = undefined;
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    for (const resolve of this.waiters) resolve();
    this.waiters = [];
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
