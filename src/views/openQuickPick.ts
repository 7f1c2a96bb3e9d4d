/**
 * The Paper Scout quick pick that is open (the search, papers for a passage, the file Export Bibliography
 * writes to) and the row VS Code has active in it, as VS Code last told the extension. For the test hooks:
 * a test presses Enter once, when the row it means is active, instead of pressing until something happens
 * (an Enter sent while the items change takes whichever row is active then).
 */
import * as vscode from 'vscode';

/** An open quick pick as the test hooks see it. */
export interface OpenQuickPick {
  readonly title: string | undefined;
  /** The rows' labels, in the order the extension gave them (separators left out; VS Code may list them otherwise). */
  readonly labels: readonly string[];
  /**
   * The label of the active row, once VS Code has reported one among the items on show (the row Enter takes);
   * undefined while the items it reported last are replaced and it has not reported the new ones' yet.
   * VS Code reports the row by its position, read against the items the extension holds: a report the
   * workbench made before the newest items reached it names the row at that position of the new ones.
   * Read it once the workbench has answered a request sent after the items (test/integration/helpers.ts).
   */
  readonly active: string | undefined;
}

let current: OpenQuickPick | undefined;

/** Makes `pick` the open quick pick until the returned disposable is disposed (when the pick closes for good). */
export function watchQuickPick<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>): vscode.Disposable {
  let active: T | undefined;
  const watched: OpenQuickPick = {
    get title() { return pick.title; },
    get labels() { return pick.items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label); },
    get active() { return active !== undefined && pick.items.includes(active) ? active.label : undefined; },
  };
  current = watched;
  const subscription = pick.onDidChangeActive((items) => { active = items[0]; });
  return new vscode.Disposable(() => {
    subscription.dispose();
    if (current === watched) current = undefined;
  });
}

/** The Paper Scout quick pick that is open, if one is. */
export function openQuickPick(): OpenQuickPick | undefined {
  return current;
}
