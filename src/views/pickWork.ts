/**
 * The work a quick pick's choices start (an insert, a panel opening, a copy, a nested search). The pick
 * settles once that work has, so the command that opened the pick resolves after its work is done (a
 * caller, a test, gets the inserted citation, not a race with it), and rejects when the work failed: the
 * command registry then reports the error, instead of an unhandled rejection nobody sees.
 */
export class PickWork {
  private all: Promise<unknown> = Promise.resolve();

  /** Starts `action` now and waits for it with the rest. */
  run(action: () => unknown): void {
    this.all = Promise.all([this.all, (async () => action())()]);
    this.all.catch(() => undefined); // reported by `settled()` when the pick closes, not unhandled meanwhile
  }

  /** Resolves once everything started has; rejects with the first failure. */
  settled(): Promise<void> {
    return this.all.then(() => undefined);
  }
}
