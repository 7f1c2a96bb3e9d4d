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
import { CITING_FILE_ENDINGS } from '../core/references/scanCitations';
import { SETTINGS } from '../settings/settings';

/** At most this many files are indexed per folder, and at most this many entries walked: a bound on work a huge tree can cause. */
export const MAX_LISTED_FILES = 50_000;

/** How many candidates the probe for a citing file asks VS Code's file search for (some may be excluded by a pattern the search could not take). */
const PROBE_RESULTS = 20;

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

/**
 * The first file of `folder` whose ending shows the workspace cites (`CITING_FILE_ENDINGS`), found
 * without reading any file: by VS Code's file search for local folders (it runs outside the extension
 * host, as VS Code's own `workspaceContains` check does), else by listing folders breadth first with
 * `workspace.fs` (virtual file systems and VS Code for the Web have no file search), at most
 * `MAX_LISTED_FILES` entries. Excluded files and folders do not count.
 */
export async function findCitingFile(folder: vscode.WorkspaceFolder, filterOf: () => PathFilter, isCancelled: () => boolean): Promise<vscode.Uri | undefined> {
  const endings = new Set(CITING_FILE_ENDINGS);
  // The exclusions are compiled only when there is a candidate to check (a workspace that cites nothing needs none).
  const cites = (path: string): boolean => endings.has(path.slice(path.lastIndexOf('.') + 1).toLowerCase()) && filterOf().includesFile(path);
  if (folder.uri.scheme === 'file') {
    try {
      const include = new vscode.RelativePattern(folder, `**/*.{${CITING_FILE_ENDINGS.join(',')}}`);
      const uris = await vscode.workspace.findFiles(include, excludeGlob(folder), PROBE_RESULTS);
      return uris.find((uri) => cites(relativeTo(folder, uri) ?? ''));
    } catch {
      // no file search after all: list the folders instead
    }
  }
  let found: vscode.Uri | undefined;
  await visitFiles(folder, folder.uri, filterOf(), isCancelled, (path) => {
    if (cites(path)) found = vscode.Uri.joinPath(folder.uri, path);
    return found !== undefined;
  });
  return found;
}

/** The glob of the files the index reads, by their endings: what it lists and watches. */
export function indexedFilesGlob(): string {
  return `**/*.{${knownExtensions().join(',')}}`;
}

/** The files by VS Code's file search; undefined when it fails (no search provider for the scheme). */
async function searchFiles(folder: vscode.WorkspaceFolder, filter: PathFilter): Promise<FolderFiles | undefined> {
  const include = new vscode.RelativePattern(folder, indexedFilesGlob());
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
  const truncated = await visitFiles(folder, start, filter, isCancelled, (path) => {
    if (filter.includesFile(path)) files.push({ id: vscode.Uri.joinPath(folder.uri, path).toString(), relativePath: path });
    return false;
  });
  return { files, truncated };
}

/**
 * Reads the folders under `start` breadth first (skipped folders and symbolic links left out) and
 * gives each file's path relative to `folder` to `visit`, until it returns true or `isCancelled()`
 * says so. True when it stopped at `MAX_LISTED_FILES` entries.
 */
async function visitFiles(folder: vscode.WorkspaceFolder, start: vscode.Uri, filter: PathFilter, isCancelled: () => boolean, visit: (path: string) => boolean): Promise<boolean> {
  const startPath = relativeTo(folder, start) ?? '';
  if (startPath && filter.skipsFolder(startPath)) return false;
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
      if (++visited > MAX_LISTED_FILES) return true;
      if (type & vscode.FileType.SymbolicLink) continue;
      const path = relative ? `${relative}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (!filter.skipsFolder(path)) queue.push(path);
      } else if (type & vscode.FileType.File && visit(path)) return false;
    }
  }
  return false;
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
