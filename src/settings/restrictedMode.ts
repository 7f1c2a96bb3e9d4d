/**
 * Restricted Mode. In an untrusted workspace Paper Scout still searches, browses and cites, but the
 * settings that read files or run patterns (`restricted` in `definitions.ts`, the manifest's
 * `restrictedConfigurations`) take only the user's own value: a workspace cannot make Paper Scout read
 * its files or run its regular expressions. This says so once when the workspace sets one of them, and
 * has everything read again when the user trusts the workspace.
 */
import * as vscode from 'vscode';
import { restrictedValue, SECTION, sectionKey, SETTINGS } from './definitions';
import { affects } from './settings';

const RESTRICTED = Object.values(SETTINGS).filter((setting) => setting.restricted);

/** Watches the workspace's trust and its values of the restricted settings. */
export class RestrictedMode implements vscode.Disposable {
  private said = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel, onDidGrantTrust: () => void) {
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      this.log.info('the workspace is trusted now: reading its Paper Scout settings again');
      onDidGrantTrust();
    }, undefined, this.disposables);
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, ...RESTRICTED)) this.check();
    }, undefined, this.disposables);
    this.check();
  }

  /** The restricted settings whose workspace values are being left out (none in a trusted workspace). */
  ignoredSettings(): string[] {
    if (vscode.workspace.isTrusted) return [];
    const configuration = vscode.workspace.getConfiguration(SECTION);
    return RESTRICTED.filter((setting) => restrictedValue(configuration.inspect(sectionKey(setting)), undefined, false).ignoredWorkspaceValue)
      .map((setting) => setting.key);
  }

  /** Says once per session that workspace values are left out, when any are. */
  private check(): void {
    if (this.said) return;
    const ignored = this.ignoredSettings();
    if (ignored.length === 0) return;
    this.said = true;
    const names = ignored.join(' and ');
    this.log.warn(`Restricted Mode: the workspace's values of ${names} are not used; your user settings are`);
    void vscode.window.showInformationMessage(
      `Paper Scout is in Restricted Mode: it uses your own ${names}, not this workspace's, until you trust the workspace.`,
      'Manage Workspace Trust',
    ).then((choice) => { if (choice) void vscode.commands.executeCommand('workbench.trust.manage'); });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
