/** Sentence punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?']);

/**
 * The http(s) URLs in a text, in order and without duplicates. Sentence punctuation after a URL and
 * the LaTeX `\href`-style braces the site leaves in (`https://x.io/{https://x.io/}.`) are not part of it.
 * Linear in the length of the text, however the punctuation and parentheses are arranged.
 */
export function extractLinks(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/https?:\/\/[^\s{}<>"'\\]+/g)) {
    const url = trimTrailing(match[0]);
    if (/^https?:\/\/[^/]+\.[^/]+/.test(url)) found.add(url);
  }
  return [...found];
}

/**
 * `url` without its trailing sentence punctuation and without closing parentheses that no opening one
 * inside the URL accounts for (`(see https://x.io/a_(b))).` keeps `https://x.io/a_(b)`), in one pass
 * from the end.
 */
function trimTrailing(url: string): string {
  let opening = 0;
  let closing = 0;
  for (let i = 0; i < url.length; i++) {
    if (url[i] === '(') opening++;
    else if (url[i] === ')') closing++;
  }
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1];
    if (TRAILING_PUNCTUATION.has(last)) end--;
    else if (last === ')' && opening < closing) {
      closing--;
      end--;
    } else break;
  }
  return url.slice(0, end);
}
