import { UniqueNames } from '../uniqueNames';

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
 * in the number of titles and taken ids (see `UniqueNames`).
 */
export function assignIds(titles: readonly string[], taken: Iterable<string> = []): string[] {
  const ids = uniqueIds(taken);
  return titles.map((title) => ids.claim(slugify(title)));
}

/** Paper ids as `assignIds` hands them out (claim a title's `slugify`), one at a time. */
export function uniqueIds(taken: Iterable<string> = []): UniqueNames {
  return new UniqueNames(taken, (base, index) => `${base}-${index + 2}`);
}
