/**
 * The one place commands are registered: every command gets the same logging and the same error
 * report (logged with its stack, shown to the user with a way to the log), and the handler table
 * must have an entry for every id of `COMMANDS` (the type checks it).
 */
import * as vscode from 'vscode';
import { COMMANDS, type CommandName } from './commandIds';

/** What runs when a command is invoked, with the arguments it was given. */
export type CommandHandler = (...args: unknown[]) => unknown;

/** A handler for every Paper Scout command. */
export type CommandHandlers = Readonly<Record<CommandName, CommandHandler>>;

/** A command that failed: which, and why. */
export interface CommandFailure {
  command: string;
  message: string;
}

/**
 * Registers every command of `COMMANDS`; `handlers` makes their handlers, the first time one is invoked
 * (activation registers the ids only). A failing command resolves to undefined after logging the
 * error and showing it with **Show Log**, so a menu, a keybinding or another extension never gets a
 * rejection it cannot explain. `options.ready`, when given, is awaited before each command runs (the
 * first load of the papers: a command that activated Paper Scout then finds them); `options.onDidFail`
 * hears of each failure too (the tests count them).
 */
export function registerCommands(handlers: () => CommandHandlers, log: vscode.LogOutputChannel,
  options: { ready?: () => Promise<void>; onDidFail?: (failure: CommandFailure) => void } = {}): vscode.Disposable[] {
  const { ready, onDidFail } = options;
  let made: CommandHandlers | undefined;
  return (Object.keys(COMMANDS) as CommandName[]).map((name) => {
    const id = COMMANDS[name];
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      log.trace(`${id} invoked`);
      try {
        made ??= handlers();
        await ready?.();
        return await made[name](...args);
      } catch (error) {
        reportCommandError(id, error, log);
        onDidFail?.({ command: id, message: error instanceof Error ? error.message : String(error) });
        return undefined;
      }
    });
  });
}

/** Logs a command's failure with its stack and shows it to the user with a way to the log. */
function reportCommandError(id: string, error: unknown, log: vscode.LogOutputChannel): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error(`${id} failed: ${error instanceof Error ? error.stack ?? message : message}`);
  void vscode.window.showErrorMessage(`Paper Scout: ${message}`, 'Show Log').then((choice) => { if (choice) log.show(); });
}
