import type { Diagnostic } from '../types';

/**
 * A file's bytes as text. UTF-8 is expected; bytes that are not UTF-8 (a page saved as Latin-1, say)
 * become U+FFFD as before, and a warning names the file and the first line where that happened, so
 * mangled letters are never silent. Linear in the size of the file.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, diagnostics: [] };
  } catch {
    return { text, diagnostics: [{ file, line: firstBadLine(bytes), message: 'the text is not valid UTF-8 (saved as Latin-1 or another encoding?): the characters that could not be read show as \uFFFD; save the file as UTF-8', severity: 'warning' }] };
  }
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}
