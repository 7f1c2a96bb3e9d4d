/**
 * Events and a log for the pure core, shaped like VS Code's (`Event<T>` and `Disposable`), so the glue can pass
 * its disposables arrays to them as it does with VS Code's own events.
 */

/** Something to release. */
export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; the result unsubscribes it. Pushes that result to `disposables` when given. */
export type Event<T> = (listener: (value: T) => unknown, thisArgs?: unknown, disposables?: Disposable[]) => Disposable;

/** The messages the core writes to the log (the `LogOutputChannel` of the extension is one). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Fires an event to its listeners, in the order they subscribed. */
export class Emitter<T> implements Disposable {
  private listeners: ((value: T) => unknown)[] = [];

  /** The event listeners subscribe to. */
  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = (value: T): unknown => listener.call(thisArgs, value);
    this.listeners.push(bound);
    const subscription = { dispose: () => { this.listeners = this.listeners.filter((candidate) => candidate !== bound); } };
    disposables?.push(subscription);
    return subscription;
  };

  /** Calls every listener with `value`; a listener that throws does not stop the others. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        queueMicrotask(() => { throw error; });
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}
