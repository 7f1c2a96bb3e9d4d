/**
 * Where Export Bibliography writes: a quick pick of the workspace's `.bib` files (the cited document's
 * folder first), a new file named in an input box, or any other `.bib` file from an open dialog. The
 * export merges into an existing file and never drops what is there, so nothing here asks "overwrite?"
 * as a save dialog would; choosing an existing file says that it will be merged into. Only a file
 * chosen in a file dialog may lie outside the workspace: the quick pick lists workspace files, and a
 * new file beside a document outside the workspace is named in the save dialog.
 */
import * as vscode from 'vscode';
import { labelText } from '../core/citations/displayText';
import { watchQuickPick } from '../views/openQuickPick';
import { baseName } from './bibWrite';

/** A target, and whether the user chose it in a file dialog (where any place is theirs to choose). */
export interface ChosenTarget {
  uri: vscode.Uri;
  chosenInDialog: boolean;
}

type TargetItem = vscode.QuickPickItem & { choose(): Thenable<ChosenTarget | undefined> | ChosenTarget | undefined };

const DEFAULT_NAME = 'references.bib';
const MAX_LISTED = 50;
const EXCLUDE = '**/{node_modules,.git}/**';

/** Asks where to export the bibliography cited in `documentUri` (or the workspace when absent). */
export async function askBibTarget(documentUri: vscode.Uri | undefined): Promise<ChosenTarget | undefined> {
  const base = baseFolder(documentUri);
  const pick = vscode.window.createQuickPick<TargetItem>();
  pick.title = 'Export Bibliography';
  pick.placeholder = 'The .bib file to write: an existing one is merged into, keeping your entries and edits';
  pick.busy = true;
  pick.items = choiceItems([], base);
  const watched = watchQuickPick(pick);
  pick.show();
  void listBibFiles(base).then((files) => {
    pick.items = choiceItems(files, base);
    pick.busy = false;
  }, () => {
    pick.busy = false; // no file search in this host: the other choices remain
  });
  const chosen = await new Promise<TargetItem | undefined>((resolve) => {
    pick.onDidAccept(() => {
      // Until the files are listed, Enter would take whichever choice happened to be first.
      if (!pick.busy) resolve(pick.selectedItems[0]);
    });
    pick.onDidHide(() => resolve(undefined));
  });
  watched.dispose();
  pick.dispose();
  return chosen?.choose();
}

/** The folder a new file goes in: the document's, else the first workspace folder's. */
function baseFolder(documentUri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (documentUri && documentUri.scheme !== 'untitled') return vscode.Uri.joinPath(documentUri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * The `.bib` files in `base` (read directly, so they are there where a host has no file search), then
 * the workspace's others by path.
 */
async function listBibFiles(base: vscode.Uri | undefined): Promise<vscode.Uri[]> {
  const [beside, found] = await Promise.all([
    base && inWorkspace(base) ? bibFilesIn(base) : [],
    vscode.workspace.findFiles('**/*.bib', EXCLUDE, MAX_LISTED).then((files) => files, () => [] as vscode.Uri[]),
  ]);
  const listed = new Set(beside.map((uri) => uri.toString()));
  return [...beside, ...found.filter((uri) => !listed.has(uri.toString())).sort((a, b) => a.path.localeCompare(b.path))];
}

/** The `.bib` files directly in `folder`, by name; none when it cannot be read. */
async function bibFilesIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries
      .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && /\.bib$/i.test(name))
      .map(([name]) => name)
      .sort()
      .map((name) => vscode.Uri.joinPath(folder, name));
  } catch {
    return [];
  }
}

function choiceItems(files: readonly vscode.Uri[], base: vscode.Uri | undefined): TargetItem[] {
  const existing: TargetItem[] = files.map((uri) => ({
    label: `$(file) ${labelText(baseName(uri))}`,
    description: labelText(vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..'), true)),
    detail: 'Merge into this file: entries you wrote or edited stay as they are',
    choose: () => ({ uri, chosenInDialog: false }),
  }));
  const separator = { label: '', kind: vscode.QuickPickItemKind.Separator, choose: () => undefined } as TargetItem;
  return [
    ...existing,
    ...(existing.length > 0 ? [separator] : []),
    { label: '$(new-file) New .bib File…', description: base ? `in ${labelText(vscode.workspace.asRelativePath(base, true))}` : undefined, choose: () => askNewFile(base), alwaysShow: true },
    { label: '$(folder-opened) Other .bib File…', description: 'choose a file to merge into', choose: askOtherFile, alwaysShow: true },
  ];
}

/**
 * A new file's name (relative to `base`) from an input box; an existing file is fine, and is said to be
 * merged into. Outside the workspace (or with no folder to start from) the save dialog asks instead.
 */
async function askNewFile(base: vscode.Uri | undefined): Promise<ChosenTarget | undefined> {
  if (!base || !inWorkspace(base)) {
    const uri = await vscode.window.showSaveDialog({
      title: 'Export Bibliography', saveLabel: 'Export', filters: { BibTeX: ['bib'] }, defaultUri: base && vscode.Uri.joinPath(base, DEFAULT_NAME),
    });
    return uri && { uri, chosenInDialog: true };
  }
  const resolve = (name: string): vscode.Uri => vscode.Uri.joinPath(base, name.trim());
  const name = await vscode.window.showInputBox({
    title: 'Export Bibliography: New .bib File',
    prompt: `A file name, or a path relative to ${vscode.workspace.asRelativePath(base, true)}`,
    value: DEFAULT_NAME,
    valueSelection: [0, DEFAULT_NAME.length - '.bib'.length],
    validateInput: async (value) => {
      const trimmed = value.trim();
      if (!trimmed) return 'Type a file name such as references.bib';
      if (!/\.bib$/i.test(trimmed)) return 'The name must end in .bib';
      if (/(^|[\\/])\.\.([\\/]|$)/.test(trimmed)) return 'Stay inside this folder (no ..)';
      const exists = await vscode.workspace.fs.stat(resolve(trimmed)).then(() => true, () => false);
      return exists ? { message: `${trimmed} exists: Paper Scout will merge into it, keeping your entries and edits`, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  return name === undefined ? undefined : { uri: resolve(name), chosenInDialog: false };
}

/** Any existing `.bib` file, from an open dialog (which asks nothing about overwriting). */
async function askOtherFile(): Promise<ChosenTarget | undefined> {
  const picked = await vscode.window.showOpenDialog({ title: 'Export Bibliography Into', openLabel: 'Merge Into', canSelectMany: false, filters: { BibTeX: ['bib'] } });
  return picked?.[0] && { uri: picked[0], chosenInDialog: true };
}

/** True when `uri` lies in one of the workspace's folders. */
export function inWorkspace(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}
