/**
 * The workspace citation index as a background service. It runs only in a workspace that cites: one
 * with a LaTeX or BibTeX file (looked for by name, no file read), or once a LaTeX, BibTeX or citing
 * Markdown document is opened, or when a command asks for the workspace's citations. Until then it is
 * idle: it reads no file and watches nothing. Running, it is built from the files of every workspace
 * folder (read through `workspace.fs`, so virtual file systems and the web host work too), kept
 * current from open documents (debounced) and file watchers of the kinds it reads, rebuilt when the
 * settings that shape it change, and cancelled when the extension is disposed. Files are named by
 * URI string.
 */
import * as vscode from 'vscode';
import { Debouncer } from '../core/debounce';
import { CitationIndex } from '../core/references/citationIndex';
import { readIntoCitationIndex, updateDocument, type CitationIndexReadOptions, type CitationIndexReadResult, type WorkspaceFile } from '../core/references/citationIndexBuild';
import { languageIdForPath, textKind, type TextKind } from '../core/languages';
import type { PathFilter } from '../core/references/pathFilter';
import { documentCites } from '../core/references/scanCitations';
import { affects, commentTrigger, SETTINGS, workspaceCitationsEnabled, workspaceMaxFileBytes } from '../settings/settings';
import { findCitingFile, indexedFilesGlob, listFolderFiles, logSkipped, pathFilterFor, relativeTo, underAny, walkFolder } from './workspaceFiles';

/**
 * `off` (the setting); `idle` (nothing in the workspace shows it cites: no file read, none watched);
 * `building` (looking whether the workspace cites, or the first build of the citation index or a rebuild is under way);
 * `ready`.
 */
export type WorkspaceCitationsState = 'off' | 'idle' | 'building' | 'ready';

/** Why the index started: a file that shows the workspace cites, a document opened, or a command. */
export type StartReason = { kind: 'file'; uri: vscode.Uri } | { kind: 'document'; uri: vscode.Uri } | { kind: 'command'; name: string };

/** How long after the last keystroke an edited document is scanned again. */
const UPDATE_DELAY_MS = 50;
/** How often, at most, listeners hear of changes while a build runs. */
const BUILD_NOTIFY_MS = 300;
/** File watcher events are gathered this long and applied together. */
const DISK_DELAY_MS = 100;

/** The kinds of document that may show a workspace cites (code and plain prose never do). */
const CITING_KINDS: ReadonlySet<TextKind> = new Set(['latex', 'bibtex', 'markdown']);

/** One build: cancelled when a newer one starts or the service is disposed. */
interface Run {
  cancelled: boolean;
}

/** Every citation in the workspace, kept current in the background. */
export class WorkspaceCitations implements vscode.Disposable {
  private citationIndexValue = new CitationIndex();
  private stateValue: WorkspaceCitationsState = 'off';
  /** The first look, waiting for its turn (see `restartSoon`). */
  private soon: ReturnType<typeof setTimeout> | undefined;
  private run: Run | undefined;
  private maxBytes = workspaceMaxFileBytes();
  private readonly filters = new Map<string, PathFilter>();
  private readonly pending = new Map<string, vscode.TextDocument>();
  /** Scans the queued documents `UPDATE_DELAY_MS` after the first edit of a burst. */
  private readonly scanner = new Debouncer(() => this.flush(), UPDATE_DELAY_MS, UPDATE_DELAY_MS);
  /** Tells listeners: on the next turn, or at most every `BUILD_NOTIFY_MS` while a build runs. */
  private readonly notifier = new Debouncer(() => this.changeEmitter.fire(), BUILD_NOTIFY_MS, BUILD_NOTIFY_MS);
  /** File watcher events waiting to be applied: files to read, created folders to walk, deletions (URI strings). */
  private disk = { reads: new Set<string>(), folders: new Set<string>(), deletes: new Set<string>() };
  /** Applies the file watcher's events gathered over `DISK_DELAY_MS`. */
  private readonly diskBatch = new Debouncer(() => {
    void this.applyDiskChanges().catch((error: unknown) => this.log.error(`citation index: ${error instanceof Error ? error.message : String(error)}`));
  }, DISK_DELAY_MS, DISK_DELAY_MS);
  private waiters: Array<() => void> = [];
  /** The file watchers, made when the index starts and disposed (with their listeners) when it stops. */
  private watchers: vscode.FileSystemWatcher[] = [];
  private watcherListeners: vscode.Disposable[] = [];
  /** Why the index runs (undefined while idle or off). */
  private reason: StartReason | undefined;
  private disposed = false;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires (coalesced) when the citation index or its state changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, { dispose: () => this.stopWatching() }];

  /** `isKnown`: whether a paper has the key (a mention of it then counts as a citation). */
  constructor(private readonly log: vscode.LogOutputChannel, private readonly isKnown: (key: string) => boolean) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => { if (event.contentChanges.length > 0) this.schedule(event.document); }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart({ lookAgain: true })),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, SETTINGS.workspaceCitations, SETTINGS.workspaceMaxFileSize, SETTINGS.commentTrigger)
          || event.affectsConfiguration('files.exclude') || event.affectsConfiguration('search.exclude')) this.restart();
      }),
    );
  }

  /** The citation index (a new one after each rebuild: hold on to the service, not to this). */
  get citationIndex(): CitationIndex {
    return this.citationIndexValue;
  }

  get state(): WorkspaceCitationsState {
    return this.stateValue;
  }

  /** The size limit in force, in bytes (UTF-16 units for open documents). */
  get maxFileBytes(): number {
    return this.maxBytes;
  }

  /** How many file watchers are in place (none while idle or off). */
  get watcherCount(): number {
    return this.watchers.length;
  }

  /** Why the index runs: a file or document that shows the workspace cites, or a command; undefined while idle or off. */
  get startedBy(): StartReason | undefined {
    return this.reason;
  }

  /** Resolves once no build is under way (at once when the index is ready, idle or off). */
  whenBuilt(): Promise<void> {
    if (this.stateValue !== 'building') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Starts (again) from scratch with the settings in force: cancels a build under way, then, unless
   * the setting is off, builds the index if it ran before (a settings change rebuilds it), or looks
   * whether the workspace cites (an open document that does, or a LaTeX or BibTeX file found by name)
   * and builds it if so; else stays idle, reading nothing. `lookAgain` (the workspace folders changed)
   * looks even when the index ran before.
   */
  restart(options: { lookAgain?: boolean } = {}): void {
    this.cancelSoon();
    const previous = this.reason;
    this.stop();
    this.maxBytes = workspaceMaxFileBytes();
    this.citationIndexValue = new CitationIndex({ commentTrigger: commentTrigger(), isKnown: this.isKnown });
    if (!workspaceCitationsEnabled()) {
      this.setState('off');
      return;
    }
    if (previous && !options.lookAgain) return this.start(previous);
    const open = vscode.workspace.textDocuments.find((document) => this.citingDocument(document));
    if (open) return this.start({ kind: 'document', uri: open.uri });
    const run: Run = { cancelled: false };
    this.run = run;
    this.setState('building');
    void this.probe(run, previous !== undefined).catch((error: unknown) => {
      this.log.error(`citation index: looking for LaTeX and BibTeX files failed: ${error instanceof Error ? error.message : String(error)}`);
      if (this.run === run) this.setState('idle');
    });
  }

  /**
   * Builds the index now if it is idle, or still looking whether the workspace cites (a command needs
   * the workspace's citations); resolves once it is built. Nothing to do when it runs already or is off.
   */
  async ensureStarted(command: string): Promise<void> {
    if (this.stateValue !== 'off' && !this.reason) this.start({ kind: 'command', name: command });
    await this.whenBuilt();
  }

  /**
   * The first `restart`, put off until the extension host has finished activating (the next turn of
   * its event loop): activation itself then costs no settings, no file search, no scan of the open
   * documents. Meanwhile the index says `building`, so what waits for it waits; a citing document
   * opened or a command in between starts the index at once.
   */
  restartSoon(): void {
    this.cancelSoon();
    this.setState(workspaceCitationsEnabled() ? 'building' : 'off');
    this.soon = setTimeout(() => this.restart(), 0);
  }

  private cancelSoon(): void {
    if (this.soon !== undefined) clearTimeout(this.soon);
    this.soon = undefined;
  }

  /** Cancels what runs, forgets what is waiting, and stops watching. */
  private stop(): void {
    if (this.run) this.run.cancelled = true;
    this.run = undefined;
    this.reason = undefined;
    this.pending.clear();
    this.disk = { reads: new Set(), folders: new Set(), deletes: new Set() };
    this.filters.clear();
    this.stopWatching();
  }

  /** Looks for a file that shows the workspace cites; builds the index when one is found, else goes idle. */
  private async probe(run: Run, wasRunning: boolean): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const found = await findCitingFile(folder, () => this.filterFor(folder), () => run.cancelled);
      if (run.cancelled) return;
      if (found) {
        this.run = undefined;
        this.start({ kind: 'file', uri: found });
        return;
      }
    }
    if (run.cancelled) return;
    this.run = undefined;
    // A workspace that was indexed before its folders changed, and cites nothing now, is told so.
    if (wasRunning) this.log.info('citation index: no LaTeX, BibTeX or citing Markdown file; idle until one is opened');
    this.setState('idle');
  }

  /** Makes the watchers and builds the index from every workspace folder. */
  private start(reason: StartReason): void {
    this.cancelSoon();
    if (this.run) this.run.cancelled = true;
    const run: Run = { cancelled: false };
    this.run = run;
    this.reason = reason;
    this.watch();
    this.log.info(`citation index: building, since ${describe(reason)}`);
    this.setState('building');
    void this.build(run).catch((error: unknown) => {
      this.log.error(`citation index: the build failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (this.run === run) this.setState('ready');
    });
  }

  /**
   * Watches the files of the kinds the index reads (created, changed, deleted), and folders created
   * and deleted: VS Code reports a folder deleted or moved in once, for the folder, not per file.
   */
  private watch(): void {
    this.stopWatching();
    const files = vscode.workspace.createFileSystemWatcher(indexedFilesGlob());
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.watchers = [files, folders];
    this.watcherListeners = [
      files.onDidCreate((uri) => this.fileChanged(uri, true)),
      files.onDidChange((uri) => this.fileChanged(uri, false)),
      files.onDidDelete((uri) => this.fileDeleted(uri)),
      // A deletion of anything else may be a folder's: forgetting what is under it costs one pass over the index.
      folders.onDidDelete((uri) => { if (!indexedKind(uri)) this.fileDeleted(uri); }),
      // A creation is looked at (a stat, a walk) only when it may be a folder: a name without an ending.
      folders.onDidCreate((uri) => { if (!indexedKind(uri) && !hasEnding(uri)) this.fileChanged(uri, true); }),
    ];
  }

  private stopWatching(): void {
    for (const disposable of [...this.watcherListeners, ...this.watchers]) disposable.dispose();
    this.watchers = [];
    this.watcherListeners = [];
  }

  /** True when `document` belongs to the workspace and shows that it cites (LaTeX, BibTeX, Markdown with a citation). */
  private citingDocument(document: vscode.TextDocument): boolean {
    if (document.isClosed || !CITING_KINDS.has(textKind(document.languageId)) || !this.includes(document.uri)) return false;
    const text = document.getText();
    return text.length <= this.maxBytes && documentCites(text, document.languageId, (key) => this.isKnown(key));
  }

  /** Scans the edits of `uri` (every pending document without one) now rather than after the delay. */
  flush(uri?: vscode.Uri): void {
    const documents = uri ? [this.pending.get(uri.toString())].filter((document) => document !== undefined) : [...this.pending.values()];
    for (const document of documents) {
      this.pending.delete(document.uri.toString());
      this.update(document);
    }
    if (this.pending.size === 0) this.scanner.cancel();
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
    if (!filter) {
      this.filters.set(key, (filter = pathFilterFor(folder)));
      for (const { pattern, problem } of filter.problems) this.log.warn(`citation index: the exclude pattern "${pattern.slice(0, 80)}" of files.exclude or search.exclude in ${folder.name} is not used (${problem})`);
    }
    return filter;
  }

  private async build(run: Run): Promise<void> {
    const started = Date.now();
    const result = await this.readWorkspace(this.citationIndexValue, run, () => this.notify());
    if (!result) return;
    logSkipped(this.log, result.skipped);
    this.log.info(`citation index: ${this.citationIndexValue.keys().length} keys in ${result.filesRead} files read in ${Date.now() - started} ms${result.skipped.length > 0 ? `, ${result.skipped.length} skipped` : ''}`);
    this.setState('ready');
  }

  /**
   * Reads every workspace file the filters let through into `index`, then the open documents it
   * holds (they may hold edits not saved yet, and their language may not be the file name's).
   * Undefined when `run` was cancelled meanwhile.
   */
  private async readWorkspace(index: CitationIndex, run: Run, onProgress?: () => void): Promise<CitationIndexReadResult | undefined> {
    const files: WorkspaceFile[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const listed = await listFolderFiles(folder, this.filterFor(folder), () => run.cancelled);
      if (listed.truncated) this.log.warn(`citation index: ${folder.name} has more files than the ${listed.files.length} indexed; the rest are left out`);
      for (const file of listed.files) files.push(file);
    }
    if (run.cancelled) return undefined;
    const result = await readIntoCitationIndex(index, files, { ...this.readOptions(run), onProgress });
    if (result.cancelled || run.cancelled) return undefined;
    for (const document of vscode.workspace.textDocuments) if (this.includes(document.uri)) this.update(document, index);
    return result;
  }

  /**
   * The citation index as it stands with every edit scanned, for a one-off reader (`command`, Export
   * Bibliography): the live one once a build under way is done (started now if the index was idle);
   * while the index is off (its setting), one read now from the same files through the same filters,
   * and not kept. Undefined when `isCancelled()` said so first.
   */
  async citationIndexNow(isCancelled: () => boolean = () => false, command = 'Export Bibliography'): Promise<CitationIndex | undefined> {
    if (this.stateValue !== 'off') {
      await this.ensureStarted(command);
      this.flush();
      return isCancelled() ? undefined : this.citationIndexValue;
    }
    const index = new CitationIndex({ commentTrigger: commentTrigger(), isKnown: this.isKnown });
    const disposed = (): boolean => this.disposed;
    const run: Run = { get cancelled() { return isCancelled() || disposed(); } };
    const result = await this.readWorkspace(index, run);
    if (!result) return undefined;
    logSkipped(this.log, result.skipped);
    return index;
  }

  private readOptions(run: Run): CitationIndexReadOptions {
    return {
      maxFileBytes: this.maxBytes,
      read: (file) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(file.id, true))),
      sizeOf: async (file) => (await vscode.workspace.fs.stat(vscode.Uri.parse(file.id, true))).size,
      isCancelled: () => run.cancelled,
    };
  }

  /** Queues an edited or opened document for scanning (while idle, for a look whether it cites). */
  private schedule(document: vscode.TextDocument): void {
    if (this.stateValue === 'off' || (!this.reason && !CITING_KINDS.has(textKind(document.languageId))) || !this.includes(document.uri)) return;
    this.pending.set(document.uri.toString(), document);
    this.scanner.trigger();
  }

  private update(document: vscode.TextDocument, index = this.citationIndexValue): void {
    if (document.isClosed) return;
    if (index === this.citationIndexValue && !this.reason) {
      // Idle, or looking for a citing file: a document that cites starts the index (and ends the look).
      if (this.stateValue !== 'off' && this.citingDocument(document)) this.start({ kind: 'document', uri: document.uri });
      return;
    }
    const result = updateDocument(index, document.uri.toString(), document.getText(), document.languageId, this.maxBytes);
    if (typeof result === 'object') logSkipped(this.log, [result]);
    this.notify();
  }

  /** A closed untitled document is gone; a closed file may have been reverted, so its saved text counts again. */
  private documentClosed(document: vscode.TextDocument): void {
    const id = document.uri.toString();
    this.pending.delete(id);
    if (!this.reason) return;
    if (document.uri.scheme === 'untitled') {
      this.citationIndexValue.removeFile(id);
      this.notify();
    } else if (this.includes(document.uri)) {
      this.disk.reads.add(id); // it may have been closed without saving: its file counts again
      this.scheduleDisk();
    }
  }

  /** A file or folder was created or changed on disk: read it, or what the folder holds, with the next batch. */
  private fileChanged(uri: vscode.Uri, created: boolean): void {
    if (!this.reason) return;
    if (this.includes(uri)) this.disk.reads.add(uri.toString());
    else if (created && vscode.workspace.getWorkspaceFolder(uri)) this.disk.folders.add(uri.toString());
    else return;
    this.scheduleDisk();
  }

  /** A file or a whole folder was deleted: forget what the index held for it, with the next batch. */
  private fileDeleted(uri: vscode.Uri): void {
    if (!this.reason) return;
    this.disk.deletes.add(uri.toString());
    this.scheduleDisk();
  }

  private scheduleDisk(): void {
    this.diskBatch.trigger();
  }

  /**
   * Applies the file watcher's events of the last moments at once (a checkout or a build may bring
   * thousands): deletions in one pass over the index, then the files created or changed, and those
   * of created folders (the top-most only), read through one paced `readIntoCitationIndex`.
   */
  private async applyDiskChanges(): Promise<void> {
    const { reads, folders, deletes } = this.disk;
    this.disk = { reads: new Set(), folders: new Set(), deletes: new Set() };
    if (deletes.size > 0) {
      for (const file of this.citationIndexValue.fileNames()) if (underAny(file, deletes)) this.citationIndexValue.removeFile(file);
      this.notify();
    }
    const run = this.run;
    for (const folder of [...folders].filter((candidate) => !underAny(candidate, folders, true))) {
      const uri = vscode.Uri.parse(folder, true);
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (!workspaceFolder || !stat || !(stat.type & vscode.FileType.Directory) || stat.type & vscode.FileType.SymbolicLink) continue;
      const listed = await walkFolder(workspaceFolder, uri, this.filterFor(workspaceFolder), () => run !== this.run);
      for (const file of listed.files) reads.add(file.id);
    }
    // An open document speaks for its file (it holds what the user sees, saved or not).
    const open = new Set(vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => document.uri.toString()));
    await this.readFiles([...reads].filter((id) => !open.has(id)).map((id) => vscode.Uri.parse(id, true)));
  }

  /** Reads files from disk into the index; one that can no longer be read (or is now too large) leaves it. */
  private async readFiles(uris: readonly vscode.Uri[]): Promise<void> {
    const run = this.run;
    if (!run || uris.length === 0) return;
    const index = this.citationIndexValue;
    const files = uris.map((uri) => ({ id: uri.toString(), relativePath: uri.path }));
    const result = await readIntoCitationIndex(index, files, this.readOptions(run));
    if (run.cancelled) return;
    for (const skipped of result.skipped) index.removeFile(skipped.id);
    logSkipped(this.log, result.skipped);
    this.notify();
  }

  private setState(state: WorkspaceCitationsState): void {
    this.stateValue = state;
    if (state !== 'building') {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
    this.notify(true);
  }

  /** Tells listeners, at most once per turn (per `BUILD_NOTIFY_MS` while a build runs). */
  private notify(now = false): void {
    this.notifier.trigger(now || this.stateValue !== 'building' ? 0 : BUILD_NOTIFY_MS);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelSoon();
    this.stop();
    this.scanner.dispose();
    this.notifier.dispose();
    this.diskBatch.dispose();
    for (const resolve of this.waiters) resolve();
    this.waiters = [];
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}


/** What started the index, for the log. */
function describe(reason: StartReason): string {
  switch (reason.kind) {
    case 'file': return `the workspace has ${vscode.workspace.asRelativePath(reason.uri)}`;
    case 'document': return `${reason.uri.scheme === 'untitled' ? reason.uri.path : vscode.workspace.asRelativePath(reason.uri)} was opened and cites`;
    case 'command': return `${reason.name} asked for the workspace's citations`;
  }
}

/** True when `uri` names a file of a kind the index reads (the other watcher reports those). */
function indexedKind(uri: vscode.Uri): boolean {
  return languageIdForPath(uri.path) !== undefined;
}

/** True when the name has a file ending (`build.log`; not `notes`, nor `.cache`), so it is most likely a file, not a folder. */
function hasEnding(uri: vscode.Uri): boolean {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return name.lastIndexOf('.') > 0;
}
