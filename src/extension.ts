import * as vscode from 'vscode';
import { createApi, type PaperScoutApi } from './api';
import { commandHandlers } from './commands/handlers';
import { registerCommands, type CommandFailure } from './commands/registry';
import { PaperScout } from './paperScout';
import { STATE_CONTEXT_KEY } from './store/createStore';

export type { PaperScoutApi, PaperScoutTestHooks } from './api';

/** Which bundle this is: set by the build (esbuild `define`). */
declare const PAPER_SCOUT_HOST: 'node' | 'web';

/**
 * Starts Paper Scout: builds its one context object and registers the commands, views and providers,
 * and nothing more: the papers are read the first time something needs them (the Topics view shown, a
 * completion, a citing document, a command: see `PaperScout.load`), so a window that cites nothing
 * reads none. A failure is caught and shown with a way to the log, since VS Code shows nothing when
 * activation throws.
 */
export async function activate(context: vscode.ExtensionContext): Promise<PaperScoutApi> {
  const log = vscode.window.createOutputChannel('Paper Scout', { log: true });
  context.subscriptions.push(log);
  const started = Date.now();
  try {
    // Indexes of large corpora, built in the search worker, are kept per version of the extension.
    const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
    const scout = new PaperScout(context.extensionUri, log, context, vscode.Uri.joinPath(context.globalStorageUri, 'search-index', version));
    // Under test, failed commands are kept for the tests to count (the registry catches every error).
    const commandFailures: CommandFailure[] = [];
    const onDidFail = context.extensionMode === vscode.ExtensionMode.Test ? (failure: CommandFailure) => { commandFailures.push(failure); } : undefined;
    context.subscriptions.push(scout, ...registerCommands(() => commandHandlers(scout), log, { ready: () => scout.whenLoaded(), onDidFail }));
    log.info(`activated in ${Date.now() - started} ms (${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} ${vscode.version}, ${PAPER_SCOUT_HOST === 'web' ? 'web worker' : 'Node'} extension host)`);
    return createApi(scout, context, commandFailures);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`activation failed: ${error instanceof Error ? error.stack ?? message : message}`);
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, 'error');
    void vscode.window.showErrorMessage(`Paper Scout failed to start: ${message}`, 'Show Log').then((choice) => { if (choice) log.show(); });
    throw error;
  }
}

/** Nothing to do: everything is in `context.subscriptions`. */
export function deactivate(): void {}
