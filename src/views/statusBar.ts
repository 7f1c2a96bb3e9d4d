import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import type { PaperStore } from '../core/store/paperStore';

/**
 * The status bar item: how many papers are loaded (click to search), or that loading failed (click for
 * the log). Hidden until the papers are first asked for: a window that needs none shows no item.
 */
export class PaperCountStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('paperScout.count', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: PaperStore) {
    this.item.name = 'Paper Scout';
    this.subscription = store.onDidChange(() => this.update());
    this.update();
  }

  /** The item's current text, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    if (!this.store.started) return; // hidden, and the papers left unread
    const state = this.store.state;
    this.item.backgroundColor = undefined;
    switch (state.kind) {
      case 'loading':
        this.item.text = '$(loading~spin) Papers';
        this.item.tooltip = 'Paper Scout is loading its papers…';
        this.item.command = undefined;
        break;
      case 'error':
        this.item.text = '$(error) Papers';
        this.item.tooltip = `Paper Scout could not load its papers: ${state.message}\nClick to show the log.`;
        this.item.command = COMMANDS.showLog;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'ready': {
        const count = this.store.papers.length;
        const problems = this.store.diagnostics.length;
        this.item.text = `$(book) ${count} ${count === 1 ? 'paper' : 'papers'}`;
        this.item.tooltip = `Paper Scout: ${count} papers in ${this.store.rules.length} topics. Click to search.${problems > 0 ? `\n${problems} problem(s) in the corpus or settings: see the Paper Scout log.` : ''}`;
        this.item.command = COMMANDS.search;
        if (problems > 0) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      }
    }
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([^)]*\)\s*/g, '') };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
