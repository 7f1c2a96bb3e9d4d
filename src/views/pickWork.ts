/**
 * The work a quick pick's choices start (an insert, a panel opening, a copy, a nested search). The pick
 * settles once that work has, so the command that opened the pick resolves after its work is done (a
 * caller, a test, gets the inserted citation, not a race with it), and rejects when the work failed: the
 * command registry then reports the error, instead of an unhandled rejection nobody sees.
 */
export class PickWork {
  private all: Promise<unknown> = Promise.resolve();

  /** `hidden` resolves once the pick has hidden (see `runOnceHidden`). */
  constructor(private readonly hidden: PromiseLike<void> = Promise.resolve()) {}

  /** Starts `action` now and waits for it with the rest. */
  run(action: () => unknown): void {
    this.all = Promise.all([this.all, (async () => action())()]);
    this.all.catch(() => undefined); // reported by `settled()` when the pick closes, not unhandled meanwhile
  }

  /**
   * Starts `action` once the pick has hidden, and waits for it with the rest. A closing quick pick gives
   * the focus back to the editor behind it; a panel or an editor that the action focuses before that
   * would lose the focus again to the editor the pick restores.
   */
  runOnceHidden(action: () => unknown): void {
    this.run(async () => {
      await this.hidden;
      return action();
    });
  }

  /** Resolves once everything started has; rejects with the first failure. */
  settled(): Promise<void> {
    return this.all.then(() => undefined);
  }
}
