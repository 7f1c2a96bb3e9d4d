/** A run of non-blank lines in a page dump, with the 1-based line it starts on. */
export interface Block {
  lines: string[];
  line: number;
}

/**
 * Why a file cannot be read as text at all, or null when it can. A file is taken for binary when it
 * holds NUL bytes or when more than a tenth of it is control characters or decoding errors.
 */
export function unreadableTextReason(text: string): string | null {
  if (text.trim().length === 0) return 'the file is empty';
  if (text.includes('\u0000')) return 'the file is binary (it contains NUL bytes), not a page dump';
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
  }
  if (odd > text.length / 10) return 'the file is binary (mostly control characters), not a page dump';
  return null;
}

/**
 * Splits page text into blocks separated by blank lines. CRLF and CR line endings, a byte-order mark
 * and trailing whitespace are treated like clean text, so they never change what a page parses to.
 */
export function splitBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((raw, index) => {
    // trimEnd, not replace(/\s+$/): that regex is quadratic on a line with a long run of inner spaces.
    const line = raw.trimEnd();
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], line: index + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}
