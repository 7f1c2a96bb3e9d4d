// C0 controls except tab and line feed, DEL and C1: ESC sequences, BEL and the one-byte CSI (U+009B)
// would move a terminal's cursor, retitle its window or ring its bell.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// JSON.stringify escapes C0 inside strings but leaves DEL and C1 raw.
const RAW_IN_JSON = /[\u007F-\u009F]/g;

/** Text with every terminal control character removed (tabs and line breaks kept). */
export function printable(text: string): string {
  return text.replace(TERMINAL_CONTROL, '');
}

/** JSON text with DEL and C1 written as `\u` escapes, so it is still the same JSON but safe to print. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes to stdout, terminal controls removed. */
export function out(text: string): void {
  process.stdout.write(printable(text));
}

/** Writes to stderr, terminal controls removed. */
export function err(text: string): void {
  process.stderr.write(printable(text));
}

/**
 * Makes a closed pipe (`paper-scout parse ... | head -1`) end the program quietly: EPIPE on stdout
 * means the reader has all it wants.
 */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
