/**
 * The user's corpus files (setting `paperScout.corpus.sources`) through VS Code: `workspace.fs` to read
 * them and file system watchers to see them change. What is read, skipped and reported, and how
 * changes are folded into reloads, is the pure `WatchedCorpusFiles` of `src/core/store`.
 */
import * as vscode from 'vscode';
import type { CorpusFileReader, CorpusFileTexts } from '../core/store/corpusLoader';
import type { CorpusFileSystem } from '../core/store/corpusFileReader';
import { WatchedCorpusFiles } from '../core/store/corpusWatch';
import type { WorkProgress } from '../core/store/progress';

/** Reads and watches the corpus files; `onDidChange` fires once after a burst of changes to them. */
export class CorpusFiles implements CorpusFileReader, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a watched file or folder changed (folded: see `WatchedCorpusFiles`). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly files: WatchedCorpusFiles<vscode.Uri>;

  /** `settingKey` names the setting in diagnostics (`paperScout.corpus.sources[1]`). */
  constructor(settingKey: string) {
    this.files = new WatchedCorpusFiles({ fs: WORKSPACE_FS, watch: watchEntry, resolve: resolveCorpusEntry, settingKey, onChange: () => this.changeEmitter.fire() });
  }

  /** Reads the files `entries` name, and watches them (and the ones that do not exist yet). */
  read(entries: readonly string[], progress: WorkProgress): Promise<CorpusFileTexts> {
    return this.files.read(entries, progress);
  }

  dispose(): void {
    this.files.dispose();
    this.changeEmitter.dispose();
  }
}

/** `vscode.workspace.fs`, as the reader sees a file system. */
const WORKSPACE_FS: CorpusFileSystem<vscode.Uri> = {
  stat: async (uri) => {
    const { type, size, mtime } = await vscode.workspace.fs.stat(uri);
    return { type, size, mtime };
  },
  readDirectory: async (uri) => vscode.workspace.fs.readDirectory(uri),
  readFile: async (uri) => vscode.workspace.fs.readFile(uri),
  child: (folder, name) => vscode.Uri.joinPath(folder, name),
  display: (uri) => (uri.scheme === 'file' ? uri.fsPath : uri.toString(true)),
};

/** Watches an entry itself (file or folder: created, changed, deleted) and, for a folder, the corpus files in it. */
function watchEntry(uri: vscode.Uri, onChange: () => void): vscode.Disposable {
  const folder = vscode.Uri.joinPath(uri, '..');
  const name = uri.path.split('/').pop() ?? '';
  const watchers = [new vscode.RelativePattern(folder, name), new vscode.RelativePattern(uri, '*.{txt,json}')].map((pattern) => {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    return watcher;
  });
  return { dispose: () => { for (const watcher of watchers) watcher.dispose(); } };
}

/** An absolute path, a URI with a scheme, or a path relative to the first workspace folder. */
export function resolveCorpusEntry(entry: string): vscode.Uri | undefined {
  const trimmed = entry.trim();
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed)) return vscode.Uri.parse(trimmed);
  if (trimmed.startsWith('/') || /^[a-z]:[\\/]/i.test(trimmed)) return vscode.Uri.file(trimmed);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, trimmed) : undefined;
}
