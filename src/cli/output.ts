// C0 controls except tab and line feed, DEL and C1: ESC sequences, BEL and the one-byte CSI (U+009B)
// would move a terminal's cursor, retitle its window or ring its bell. And the bidirectional formatting
// controls (embeddings, overrides, isolates, marks), which would show the rest of a line reordered.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// JSON.stringify escapes C0 inside strings but leaves DEL, C1 and the bidirectional controls raw.
const RAW_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text with every terminal control character and bidirectional control removed (tabs and line breaks kept). */
export function printable(text: string): string {
  return text.replace(TERMINAL_CONTROL, '');
}

/** JSON text with DEL, C1 and the bidirectional controls written as `\u` escapes, so it is still the same JSON but safe to print. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Streams whose reader went away: nothing more is written to them. */
const closed = { stdout: false, stderr: false };

/** Writes to stdout, terminal controls removed (nothing once its reader has gone). */
export function out(text: string): void {
  if (!closed.stdout) process.stdout.write(printable(text));
}

/** Writes to stderr, terminal controls removed (nothing once its reader has gone). */
export function err(text: string): void {
  if (!closed.stderr) process.stderr.write(printable(text));
}

/**
 * Makes a closed pipe on stdout or stderr (`paper-scout parse ... | head -1`, or stderr's reader gone)
 * quiet: EPIPE means the reader has all it wants, so nothing more is written there, and the program
 * runs to its end, exiting with the status it would have had (1 for `refs --strict` with unknown keys,
 * say). Any other stream error still fails loudly.
 */
export function quietOnClosedPipes(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closed[name] = true;
    });
  }
}
