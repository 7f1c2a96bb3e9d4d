/**
 * The one debounce of Paper Scout: a burst of triggers (keystrokes, file events, changes) becomes one
 * call, made once the burst has been quiet for a moment, but never later than a maximum wait after it
 * began, so a burst that never pauses (a file written without pause, fast typing) is still answered.
 */
import type { Disposable } from './events';

/** The timers a `Debouncer` uses (the global ones by default; a fake clock in tests). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The global timers and clock. */
export const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Calls `fire` once after a burst of `trigger()` calls: `delayMs` after the last of them, but never
 * later than `maxWaitMs` after the first. With `maxWaitMs` equal to `delayMs` it answers a fixed time
 * after the first trigger, however many follow (a batch window).
 */
export class Debouncer implements Disposable {
  private handle: unknown;
  private burstStart: number | undefined;
  private due = 0;

  constructor(private readonly fire: () => void, private readonly delayMs: number, private readonly maxWaitMs: number, private readonly timers: Timers = GLOBAL_TIMERS) {}

  /** Something happened: call `fire` after `delayMs` of quiet (this once `delay`, 0 for "on the next turn"), within the maximum wait. */
  trigger(delay = this.delayMs): void {
    const now = this.timers.now();
    this.burstStart ??= now;
    const due = Math.min(now + delay, this.burstStart + this.maxWaitMs);
    if (this.handle !== undefined && due === this.due) return;
    this.clear();
    this.due = due;
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      this.burstStart = undefined;
      this.fire();
    }, Math.max(0, due - now));
  }

  /** True while a call is due. */
  get pending(): boolean {
    return this.handle !== undefined;
  }

  /** Drops the call that is due, if any (the caller did the work itself); the next trigger starts a new burst. */
  cancel(): void {
    this.clear();
    this.burstStart = undefined;
  }

  private clear(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}
