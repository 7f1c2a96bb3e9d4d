// Numbered progress for `npm start` and `npm test`: "[2/10] Installing the npm packages (npm ci; about 2 min)",
// then how long the step took, or why it was skipped. Node built-ins only (runs before node_modules exists).
import { printLogTail, shortPath } from './logs.mjs';

/** "42 s", "2 min 5 s". */
export function formatSeconds(seconds) {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} min${rest ? ` ${rest} s` : ''}`;
}

/** A failure that already explained itself on the console: callers print nothing more. */
export class ReportedFailure extends Error {}

/** Counts steps of one run and prints each one as `[k/total]`. */
export class Progress {
  /** `total` is the number of steps this run will go through. */
  constructor(total) {
    this.total = total;
    this.done = 0;
  }

  /** The prefix of the next step. */
  next() {
    this.done += 1;
    return `[${this.done}/${this.total}]`;
  }

  /** A step with nothing to do: one line saying why. */
  skip(title, reason) {
    console.log(`${this.next()} ${title}: ${reason}`);
  }

  /**
   * Runs `work` as the next step: prints the title, an estimate and the log, then the time it took. On
   * failure prints the end of `log` and throws a `ReportedFailure`.
   */
  async run(title, { estimate, log } = {}, work) {
    const details = [estimate && `about ${estimate}`, log && `log: ${shortPath(log)}`].filter(Boolean).join('; ');
    console.log(`${this.next()} ${title}${details ? ` (${details})` : ''}`);
    const started = Date.now();
    try {
      const result = await work();
      console.log(`      done in ${formatSeconds((Date.now() - started) / 1000)}`);
      return result;
    } catch (error) {
      if (error instanceof ReportedFailure) throw error;
      console.error(`      failed after ${formatSeconds((Date.now() - started) / 1000)}: ${error.message}`);
      const failedLog = error.logFile ?? log;
      if (failedLog) printLogTail(failedLog);
      throw new ReportedFailure(`${title} failed`);
    }
  }
}
