import { assignUniqueNamesSteps, type NameRequest } from '../citations/uniqueNames';
import { runToEnd, type Progress } from '../slices';

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

/** One paper to give an id: its identity (normalised title), its title, and the id its own file gives it. */
export interface IdRequest {
  identity: string;
  title: string;
  claimed?: string;
}

/**
 * Unique ids: the title's slug, the claimed id when the slug is not wanted, or the slug with `-2`,
 * `-3`... on a clash. Ids in `reserved` (id → identity of its paper, for example the bundled corpus)
 * go only to their own paper. Papers are taken in identity order and suffixes are counted per slug,
 * so ids never depend on input order and 40,000 papers sharing a slug take linear time.
 */
export function assignIds(requests: readonly IdRequest[], reserved: ReadonlyMap<string, string> = new Map()): IdAssignment {
  return runToEnd(assignIdNamesSteps(requests.map(idNameRequest), reserved));
}

/** What one paper asks `assignIds` for: its title's slug, and its claim. */
export function idNameRequest(request: IdRequest): NameRequest {
  return { identity: request.identity, natural: slugify(request.title), claimed: request.claimed };
}

/** `assignIds` in steps (see `assignUniqueNamesSteps`), for requests already made by `idNameRequest`. */
export function* assignIdNamesSteps(named: readonly NameRequest[], reserved: ReadonlyMap<string, string> = new Map()): Generator<Progress, IdAssignment> {
  const assignment = yield* assignUniqueNamesSteps(named, { reserved }, (slug, n) => `${slug}-${n + 1}`);
  return { ids: assignment.names, refused: assignment.refused };
}

/** The ids handed out, in input order, and the requests whose claimed id another paper had. */
export interface IdAssignment {
  ids: string[];
  refused: number[];
}
