/** A URL- and file-safe slug of a title: lowercase ASCII words joined by hyphens, at most ~60 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\\[a-z]+/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length + 1 > 60) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug.slice(0, 60) || 'paper';
}

/**
 * Unique ids for a list of titles, in input order: the slug, or the slug with `-2`, `-3`... on a clash.
 * Ids in `taken` are never reused, so ids issued earlier stay unchanged when papers are added. Linear
 * in the number of titles and taken ids.
 */
export function assignIds(titles: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  // The next suffix to try per slug: suffixes below it are taken already, so each is tried once in all
  // (40,000 papers of one slug would otherwise rescan 40,000 suffixes each).
  const nextSuffix = new Map<string, number>();
  return titles.map((title) => {
    const base = slugify(title);
    let id = base;
    if (used.has(id)) {
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    used.add(id);
    return id;
  });
}
