/**
 * A short excerpt of `text` around the first place one of `terms` occurs (matched as a word start,
 * case-insensitively), cut at word boundaries and marked with ellipses. The start of the text when no
 * term occurs.
 */
export function makeSnippet(text: string, terms: readonly string[], width = 160): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    while (from < lower.length) {
      const found = lower.indexOf(term.toLowerCase(), from);
      if (found < 0) break;
      if (found === 0 || !/[\p{L}\p{N}]/u.test(lower[found - 1])) {
        if (at < 0 || found < at) at = found;
        break;
      }
      from = found + 1;
    }
  }
  if (text.length <= width) return text;
  let start = at < 0 ? 0 : Math.max(0, at - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  if (end === text.length) start = Math.max(0, end - width);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
