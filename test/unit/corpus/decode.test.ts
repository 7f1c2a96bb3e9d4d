import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8, decodeUtf8Steps } from '../../../src/core/corpus/decode';
import { runToEnd } from '../../../src/core/slices';

// Issue 13, item 10: a corpus file's bytes decoded in steps (so a large file never blocks the host)
// give exactly the text of one decode, and bytes that are not UTF-8 are reported at their line.

/** The first line (1-based) holding bytes that are not UTF-8, by the plainest means: line by line. */
function referenceBadLine(bytes: Uint8Array): number | null {
  const lines: number[][] = [[]];
  for (const byte of bytes) {
    if (byte === 0x0a) lines.push([]);
    else lines.at(-1)!.push(byte);
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  const bad = lines.findIndex((line) => {
    try {
      strict.decode(Uint8Array.from(line));
      return false;
    } catch {
      return true;
    }
  });
  return bad < 0 ? null : bad + 1;
}

/** Pieces of a file: text in several scripts, line breaks, byte order marks, and bytes that are not UTF-8. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((text) => new TextEncoder().encode(text)),
  fc.constantFrom([0x0a], [0xef, 0xbb, 0xbf], [0xe9], [0xc3], [0x80, 0x80, 0x80, 0x80, 0x80], [0xf0, 0x9f], [0xed, 0xa0, 0x80]).map((bytes) => Uint8Array.from(bytes)),
);
const file = fc.array(piece, { maxLength: 30 }).map((pieces) => Uint8Array.from(pieces.flatMap((bytes) => [...bytes])));

describe('decoding a corpus file in steps', () => {
  it('gives the text of one decode and the line of the first bad bytes, whatever the step size', () => {
    fc.assert(fc.property(file, fc.integer({ min: 4, max: 9 }), (bytes, chunk) => {
      const whole = new TextDecoder('utf-8').decode(bytes);
      const stepped = runToEnd(decodeUtf8Steps(bytes, 'f.txt', chunk));
      assert.equal(stepped.text, whole);
      assert.deepEqual(stepped.diagnostics.map((d) => d.line), [referenceBadLine(bytes)].filter((line) => line !== null));
      assert.deepEqual(decodeUtf8(bytes, 'f.txt'), stepped);
    }), { numRuns: 500 });
  });

  it('names the file and the line of a Latin-1 letter deep in a large file, and yields as it goes', () => {
    for (const lines of [10, 5000, 200000]) {
      const text = 'A plain line of the page dump.\n'.repeat(lines);
      const head = new TextEncoder().encode(`${text}Caf`);
      const bytes = new Uint8Array(head.length + 2);
      bytes.set(head);
      bytes.set([0xe9, 0x0a], head.length);
      const steps = decodeUtf8Steps(bytes, '/home/me/latin1.txt', 64 * 1024);
      let yielded = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yielded++;
      assert.equal(yielded, Math.ceil(bytes.length / (64 * 1024)) - 1);
      assert.equal(step.value.text, `${text}Caf\uFFFD\n`);
      assert.deepEqual(step.value.diagnostics.map((d) => [d.file, d.line, d.severity]), [['/home/me/latin1.txt', lines + 1, 'warning']]);
      assert.match(step.value.diagnostics[0].message, /not valid UTF-8/);
    }
  });

  it('drops a byte order mark at the start only', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = Uint8Array.from([...bom, 0x61, 0x0a, ...bom, 0x62]);
    assert.equal(runToEnd(decodeUtf8Steps(bytes, 'f.txt', 5)).text, 'a\n\uFEFFb');
    assert.equal(decodeUtf8(new Uint8Array(0), 'empty.txt').text, '');
  });
});
