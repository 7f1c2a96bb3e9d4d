/**
 * Progress of the store's long work (reading users' corpora, reassigning topics, building an index):
 * what the work reports, and a report that appears only once the work turns out long. The progress UI
 * itself is passed in (`WithProgress`; the extension's is a cancellable notification).
 */

/** Runs `task` with a progress report (0–100) and a way for the user to cancel (`isCancelled`). */
export type WithProgress = <T>(title: string, task: (report: (percent: number) => void, isCancelled: () => boolean) => Promise<T>) => Promise<T>;

/** What long work reports to, and asks whether to go on. */
export interface WorkProgress {
  /** How far the work is, 0–100. */
  report(percent: number): void;
  /** True once the work should stop: the user cancelled it, or newer work superseded it. */
  isCancelled(): boolean;
  /** True when the work should stop because newer work superseded it (not the user). */
  isStale(): boolean;
}

/** A `WorkProgress` for work nobody watches, which stops only when `isStale` says so. */
export function quietProgress(isStale: () => boolean = () => false): WorkProgress {
  return { report: () => undefined, isCancelled: isStale, isStale };
}

/** How long work runs before its progress is shown: shorter work shows nothing at all. */
export const PROGRESS_DELAY_MS = 1000;

/**
 * A `WorkProgress` that shows nothing for short work: once the work has run `delayMs`, a progress
 * report opens through `withProgress` with the last percent reported, and stays until `done()`.
 * The user may cancel it there (`userCancelled`).
 */
export class DelayedProgress implements WorkProgress {
  private percent = 0;
  private show: ((percent: number) => void) | undefined;
  private cancelledByUser: () => boolean = () => false;
  private readonly timer: ReturnType<typeof setTimeout>;
  private finish!: () => void;
  private readonly finished = new Promise<void>((resolve) => { this.finish = resolve; });

  constructor(title: string, withProgress: WithProgress, private readonly stale: () => boolean, delayMs = PROGRESS_DELAY_MS) {
    this.timer = setTimeout(() => {
      void withProgress(title, (report, isCancelled) => {
        this.show = report;
        this.cancelledByUser = isCancelled;
        report(this.percent);
        return this.finished;
      });
    }, delayMs);
  }

  report(percent: number): void {
    const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
    if (rounded <= this.percent) return;
    this.percent = rounded;
    this.show?.(rounded);
  }

  /** True when the user cancelled the work from its progress report. */
  userCancelled(): boolean {
    return this.cancelledByUser();
  }

  isStale(): boolean {
    return this.stale();
  }

  isCancelled(): boolean {
    return this.stale() || this.cancelledByUser();
  }

  /** The work ended: the report closes (or never opens). */
  done(): void {
    clearTimeout(this.timer);
    this.finish();
  }
}
