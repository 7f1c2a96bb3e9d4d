/**
 * The files of a workspace folder the citation index reads: listed with `workspace.findFiles` where
 * VS Code has a file search (the Node host), else by walking the folder with `workspace.fs` (virtual
 * file systems, VS Code for the Web, where file search finds nothing). Either way filtered by the
 * `PathFilter` of the folder's `files.exclude` and `search.exclude`, symbolic links not followed.
 */
import * as vscode from 'vscode';
import type { SkippedFile, WorkspaceFile } from '../core/references/citationIndexBuild';
import { ALWAYS_SKIPPED_FOLDERS, enabledPatterns, PathFilter, type ExcludeSetting } from '../core/references/pathFilter';
import { knownExtensions } from '../core/languages';
import { SETTINGS } from '../settings/settings';

/** At most this many files are indexed per folder, and at most this many entries walked: a bound on work a huge tree can cause. */
export const MAX_LISTED_FILES = 50_000;

/** Skipped files named one by one in the log; the rest are counted. */
const LOGGED_SKIPS = 20;

/** The files listed in a folder, and whether the listing stopped at `MAX_LISTED_FILES`. */
export interface FolderFiles {
  files: WorkspaceFile[];
  truncated: boolean;
}

/** The `files.exclude` and `search.exclude` patterns of `folder` that are on. */
function excludePatterns(folder: vscode.WorkspaceFolder): string[] {
  const files = vscode.workspace.getConfiguration('files', folder.uri).get<ExcludeSetting>('exclude');
  const search = vscode.workspace.getConfiguration('search', folder.uri).get<ExcludeSetting>('exclude');
  return enabledPatterns(files, search);
}

/** The exclusions in force for `folder`. */
export function pathFilterFor(folder: vscode.WorkspaceFolder): PathFilter {
  return new PathFilter(excludePatterns(folder));
}

/** The path of `uri` relative to `folder`, `/` separated; undefined when it is not inside the folder. */
export function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) && uri.path.length > base.length ? uri.path.slice(base.length) : undefined;
}

/** The indexable files of `folder`, sorted by path; stops early when `isCancelled()` says so. */
export async function listFolderFiles(folder: vscode.WorkspaceFolder, filter: PathFilter, isCancelled: () => boolean): Promise<FolderFiles> {
  const found = await searchFiles(folder, filter);
  const listed = found && found.files.length > 0 ? found : await walkFolder(folder, folder.uri, filter, isCancelled);
  listed.files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return listed;
}

/** The files by VS Code's file search; undefined when it fails (no search provider for the scheme). */
async function searchFiles(folder: vscode.WorkspaceFolder, filter: PathFilter): Promise<FolderFiles | undefined> {
  const include = new vscode.RelativePattern(folder, `**/*.{${knownExtensions().join(',')}}`);
  try {
    const uris = await vscode.workspace.findFiles(include, excludeGlob(folder), MAX_LISTED_FILES + 1);
    const files: WorkspaceFile[] = [];
    for (const uri of uris.slice(0, MAX_LISTED_FILES)) {
      const relativePath = relativeTo(folder, uri);
      if (relativePath !== undefined && filter.includesFile(relativePath)) files.push({ id: uri.toString(), relativePath });
    }
    return { files, truncated: uris.length > MAX_LISTED_FILES };
  } catch {
    return undefined;
  }
}

/**
 * A glob that keeps the search out of what the filter would drop anyway (`node_modules`, `.git` and
 * the exclude patterns), so their files do not count against the limit. Patterns with braces of
 * their own cannot be nested in the list; the filter still applies them afterwards.
 */
function excludeGlob(folder: vscode.WorkspaceFolder): string {
  const patterns = [...[...ALWAYS_SKIPPED_FOLDERS].map((name) => `**/${name}`), ...excludePatterns(folder)].filter((pattern) => !/[{},]/.test(pattern));
  return `{${patterns.join(',')}}`;
}

/** The files under `start` (a folder inside `folder`), found by reading folders breadth first. */
export async function walkFolder(folder: vscode.WorkspaceFolder, start: vscode.Uri, filter: PathFilter, isCancelled: () => boolean): Promise<FolderFiles> {
  const files: WorkspaceFile[] = [];
  const startPath = relativeTo(folder, start) ?? '';
  if (startPath && filter.skipsFolder(startPath)) return { files, truncated: false };
  const queue: string[] = [startPath];
  let visited = 0;
  while (queue.length > 0 && !isCancelled()) {
    const relative = queue.shift() as string;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(relative ? vscode.Uri.joinPath(folder.uri, relative) : folder.uri);
    } catch {
      continue; // gone or unreadable: nothing to index there
    }
    for (const [name, type] of entries) {
      if (++visited > MAX_LISTED_FILES) return { files, truncated: true };
      if (type & vscode.FileType.SymbolicLink) continue;
      const path = relative ? `${relative}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (!filter.skipsFolder(path)) queue.push(path);
      } else if (type & vscode.FileType.File && filter.includesFile(path)) {
        files.push({ id: vscode.Uri.joinPath(folder.uri, path).toString(), relativePath: path });
      }
    }
  }
  return { files, truncated: false };
}

/** Names the files the citation index left out in the log, and why (the size limit's setting for files too large). */
export function logSkipped(log: vscode.LogOutputChannel, skipped: readonly SkippedFile[]): void {
  for (const file of skipped.slice(0, LOGGED_SKIPS)) {
    const why = `${file.reason}${file.detail ? `: ${file.detail}` : ''}${file.reason === 'too large' ? `; see ${SETTINGS.workspaceMaxFileSize.key}` : ''}`;
    const line = `citation index: skipped ${vscode.Uri.parse(file.id, true).toString(true)} (${why})`;
    if (file.reason === 'unreadable' || file.reason === 'failed') log.warn(line);
    else log.info(line);
  }
  if (skipped.length > LOGGED_SKIPS) log.info(`citation index: ${skipped.length - LOGGED_SKIPS} more files skipped`);
}

/**
 * True when `id` (a URI string) is one of `ids` or inside one of them (a folder); with `strictly`,
 * only inside. Checks each parent of `id`, so the cost is its depth, not the number of `ids`.
 */
export function underAny(id: string, ids: ReadonlySet<string>, strictly = false): boolean {
  if (!strictly && ids.has(id)) return true;
  for (let slash = id.lastIndexOf('/'); slash > 0; slash = id.lastIndexOf('/', slash - 1)) {
    if (ids.has(id.slice(0, slash))) return true;
  }
  return false;
}
