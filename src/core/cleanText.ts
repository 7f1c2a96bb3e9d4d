/**
 * C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls (which include
 * the terminal's single-byte CSI, U+009B). Tab, CR and LF are handled by `cleanText` itself.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/**
 * Text from a corpus file as Paper Scout keeps it: control characters removed (they can move a
 * terminal's cursor, ring its bell or hide text), tabs turned into spaces, CR LF and CR into LF, and,
 * unless the field may span lines, every line break into a space.
 */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  if (!HAS_CONTROL.test(text) && (options.multiline || !text.includes('\n'))) return text;
  const cleaned = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
  return options.multiline ? cleaned : cleaned.replace(/\n/g, ' ');
}

/** Whether `cleanText` would leave `text` as it is. */
export function isCleanText(text: string, options: { multiline?: boolean } = {}): boolean {
  return cleanText(text, options) === text;
}
