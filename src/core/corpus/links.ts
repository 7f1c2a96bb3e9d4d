/**
 * The http(s) URLs in a text, in order and without duplicates. Sentence punctuation after a URL and
 * the LaTeX `\href`-style braces the site leaves in (`https://x.io/{https://x.io/}.`) are not part of it.
 */
export function extractLinks(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/https?:\/\/[^\s{}<>"'\\]+/g)) {
    let url = match[0];
    for (;;) {
      const trimmed = url.replace(/[.,;:!?]+$/, '');
      const unbalancedClose = trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')');
      const next = unbalancedClose ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    if (/^https?:\/\/[^/]+\.[^/]+/.test(url) && !found.includes(url)) found.push(url);
  }
  return found;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
