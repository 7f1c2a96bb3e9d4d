import { runToEnd, type Progress } from '../slices';
import type { Diagnostic } from '../types';

/** A file's text, and what was wrong with its bytes. */
export interface DecodedText {
  text: string;
  diagnostics: Diagnostic[];
}

/** Bytes decoded per step of `decodeUtf8Steps`: a few milliseconds of work. */
const CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes as text. UTF-8 is expected; bytes that are not UTF-8 (a page saved as Latin-1, say)
 * become U+FFFD, and a warning names the file and the first line where that happened, so mangled
 * letters are never silent. A leading byte order mark is dropped. Linear in the size of the file.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): DecodedText {
  return runToEnd(decodeUtf8Steps(bytes, file));
}

/**
 * `decodeUtf8` in steps of about a megabyte, each yielding the bytes done, so that a large file can be
 * decoded in slices (see `runInSlices`). A step ends before a byte that starts a UTF-8 sequence, so
 * each step's bytes decode on their own exactly as they would within the whole.
 */
export function* decodeUtf8Steps(bytes: Uint8Array, file: string, chunkBytes = CHUNK_BYTES): Generator<Progress, DecodedText> {
  const parts: string[] = [];
  let badLine: number | null = null;
  for (let start = 0; start < bytes.length || start === 0; ) {
    const end = chunkEnd(bytes, start, chunkBytes);
    const chunk = bytes.subarray(start, end);
    // Only the first chunk may start with a byte order mark to drop; later ones keep U+FEFF as text.
    const first = start === 0;
    try {
      parts.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: !first }).decode(chunk));
    } catch {
      badLine ??= linesBefore(bytes, start) + firstBadLine(chunk);
      parts.push(new TextDecoder('utf-8', { ignoreBOM: !first }).decode(chunk));
    }
    start = end;
    if (start >= bytes.length) break;
    yield { done: start, total: bytes.length };
  }
  const text = parts.length === 1 ? parts[0] : parts.join('');
  if (badLine === null) return { text, diagnostics: [] };
  return { text, diagnostics: [{ file, line: badLine, message: 'the text is not valid UTF-8 (saved as Latin-1 or another encoding?): the characters that could not be read show as \uFFFD; save the file as UTF-8', severity: 'warning' }] };
}

/**
 * Where a step starting at `start` ends: about `size` bytes on, moved back (at most three bytes) so
 * that it does not split a multi-byte sequence.
 */
function chunkEnd(bytes: Uint8Array, start: number, size: number): number {
  const end = start + size;
  if (end >= bytes.length) return bytes.length;
  for (let cut = end; cut > end - 4; cut--) if ((bytes[cut] & 0xc0) !== 0x80) return cut;
  // Four continuation bytes in a row are not UTF-8 anyway: each decodes to U+FFFD wherever the cut is.
  return end;
}

/** The line feeds in `bytes` before `offset`. */
function linesBefore(bytes: Uint8Array, offset: number): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
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
