/**
 * Long work in slices, the one way Paper Scout does it: the work is written once, as a generator that
 * yields after each small step (an async generator where a step waits, as for a file read), and run
 * either to its end at once (the CLI, the build, tests) or in slices of `SLICE_MS` that give the event
 * loop back in between, so the extension host is never blocked for long.
 */
import { CancelledError } from './cancellation';

/** How far a piece of work has come: `done` of `total` units (files, characters or papers). */
export interface Progress {
  done: number;
  total: number;
}

/** How `runInSlices` runs the steps. */
export interface SliceOptions<P> {
  /** The longest stretch of steps before the thread is given back, in ms: `SLICE_MS`; tests make it 0 to cut every step. */
  sliceMs?: number;
  /** Checked before the first step and between slices: when true, the work stops with a `CancelledError`. */
  isCancelled?: () => boolean;
  /** Called with the last value the steps yielded, once per slice and once more at the end when that was not reported yet. */
  onProgress?: (progress: P) => void;
}

/** The default slice: short enough for typing to stay smooth, long enough that yielding costs little. */
export const SLICE_MS = 10;

/** Gives the event loop back: `setImmediate` where there is one (Node), else a zero timeout (web worker). */
export function yieldToEventLoop(): Promise<void> {
  const { setImmediate } = globalThis as { setImmediate?: (callback: () => void) => unknown };
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(() => resolve()) : setTimeout(() => resolve(), 0)));
}

/** Runs the steps to their end at once and returns their result. */
export function runToEnd<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps in slices of about `sliceMs`, yielding to the event loop between slices. Each step
 * must be small (a paper, a chunk of text, a file): a slice ends after the step that crossed its time.
 * Steps of an async generator may wait (a read); the time they wait counts towards the slice.
 */
export async function runInSlices<T, P>(steps: Iterator<P, T> | AsyncIterator<P, T>, options: SliceOptions<P> = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  if (options.isCancelled?.()) throw new CancelledError();
  let sliceStart = performance.now();
  /** The last step's progress, and whether it is still to be reported. */
  let last: P | undefined;
  let unreported = false;
  for (;;) {
    const next = steps.next();
    const step = next instanceof Promise ? await next : next;
    if (step.done) {
      // The end of the work is reported too, not only the slices' ends before it.
      if (unreported) options.onProgress?.(last as P);
      return step.value;
    }
    last = step.value;
    unreported = true;
    if (performance.now() - sliceStart < sliceMs) continue;
    unreported = false;
    options.onProgress?.(step.value);
    await yieldToEventLoop();
    if (options.isCancelled?.()) {
      await steps.return?.(undefined);
      throw new CancelledError();
    }
    sliceStart = performance.now();
  }
}
