/**
 * Work that stopped because nobody wants its result any more: the user cancelled it, or newer work
 * superseded it. Not a failure: callers leave quietly (or say "cancelled") instead of reporting an error.
 */

/** The one error that says work was cancelled; every cancellable piece of Paper Scout stops with it. */
export class CancelledError extends Error {
  constructor(message = 'the work was cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** True when `error` means the work was cancelled, not that it failed. */
export function isCancellation(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}
