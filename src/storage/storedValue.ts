import * as vscode from 'vscode';
import type * as z from '../core/zod';
import { checkStoredValue } from '../core/storage/storedValueCheck';

/**
 * One value Paper Scout keeps in a `Memento` (its `globalState`), checked with a zod schema each time it
 * is read. A value that fails the check (a corrupt or foreign value) is reset to the fallback, logged,
 * and reported once per session in a non-modal warning naming what was reset. Reading and writing never
 * throw: a broken value costs only itself, never activation or the feature that reads it.
 */
export class StoredValue<T> {
  private warned = false;

  constructor(
    private readonly memento: vscode.Memento,
    /** The key in the memento. */
    readonly key: string,
    private readonly schema: z.ZodMiniType<T>,
    private readonly fallback: T,
    /** What the value is, for messages ("recent searches"). */
    private readonly what: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The stored value, or the fallback when nothing (or nothing valid) is stored. */
  get(): T {
    let raw: unknown;
    try {
      raw = this.memento.get<unknown>(this.key);
    } catch (error) {
      this.reset('could not be read', errorMessage(error));
      return this.fallback;
    }
    const checked = checkStoredValue(this.schema, raw, this.fallback);
    if (checked.ok) return checked.value;
    this.reset('was not valid', checked.problem);
    return this.fallback;
  }

  /** Stores `value`; false (and logged) when the memento refused it. */
  async set(value: T): Promise<boolean> {
    try {
      await this.memento.update(this.key, value);
      return true;
    } catch (error) {
      this.log.error(`could not save the ${this.what} (${this.key}): ${errorMessage(error)}`);
      return false;
    }
  }

  private reset(why: string, detail: string): void {
    this.log.warn(`the stored ${this.what} (globalState key "${this.key}") ${why} (${detail}); reset`);
    void this.set(this.fallback);
    if (this.warned) return;
    this.warned = true;
    void vscode.window.showWarningMessage(`Paper Scout reset its ${this.what}: the stored value ${why}.`, 'Show Log').then(
      (choice) => { if (choice) this.log.show(); },
      () => undefined,
    );
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
