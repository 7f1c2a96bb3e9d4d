import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import type { PaperStore } from '../core/store/paperStore';

/**
 * The status bar item: how many papers are loaded (click to search), or that loading failed (click for
 * the log). Made when the papers are first asked for: a window that needs none has no item.
 */
export class PaperCountStatus implements vscode.Disposable {
  /** Made when the papers are first asked for (see `update`). */
  private item: vscode.StatusBarItem | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: PaperStore) {
    this.subscription = store.onDidChange(() => this.update());
    if (store.started) this.update();
  }

  /** The item's current text, for tests (empty while there is none). */
  get text(): string {
    return this.item?.text ?? '';
  }

  private update(): void {
    if (!this.store.started) return; // no item, and the papers left unread
    const item = this.item ??= this.createItem();
    const state = this.store.state;
    item.backgroundColor = undefined;
    switch (state.kind) {
      case 'loading':
        item.text = '$(loading~spin) Papers';
        item.tooltip = 'Paper Scout is loading its papers…';
        item.command = undefined;
        break;
      case 'error':
        item.text = '$(error) Papers';
        item.tooltip = `Paper Scout could not load its papers: ${state.message}\nClick to show the log.`;
        item.command = COMMANDS.showLog;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'ready': {
        const count = this.store.papers.length;
        const problems = this.store.diagnostics.length;
        item.text = `$(book) ${count} ${count === 1 ? 'paper' : 'papers'}`;
        item.tooltip = `Paper Scout: ${count} papers in ${this.store.rules.length} topics. Click to search.${problems > 0 ? `\n${problems} problem(s) in the corpus or settings: see the Paper Scout log.` : ''}`;
        item.command = COMMANDS.search;
        if (problems > 0) item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      }
    }
    item.accessibilityInformation = { label: item.text.replace(/\$\([^)]*\)\s*/g, '') };
    item.show();
  }

  private createItem(): vscode.StatusBarItem {
    const item = vscode.window.createStatusBarItem('paperScout.count', vscode.StatusBarAlignment.Right, 100);
    item.name = 'Paper Scout';
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item?.dispose();
  }
}
