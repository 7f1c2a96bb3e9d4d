/**
 * The one order of papers: the Topics view, the search's `sort:` filter, the newest papers the search
 * offers before anything is typed, and the CLI all sort with `comparePapers`, so they agree, ties included.
 */
import type { Paper } from './types';

/** How papers are ordered: newest first (undated last), most upvoted first (unknown last), or by title. */
export type PaperSort = 'date' | 'upvotes' | 'title';

/** Titles compared as a reader would: case and accents aside. */
const TITLES = new Intl.Collator('en', { sensitivity: 'base' });

const byTitle = (a: Paper, b: Paper): number => TITLES.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A comparator for `sort`; ties go by title, then by id, so the order is total and every list that sorts agrees. */
export function comparePapers(sort: PaperSort): (a: Paper, b: Paper) => number {
  switch (sort) {
    case 'title':
      return byTitle;
    case 'upvotes':
      return (a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1) || byTitle(a, b);
    case 'date':
      return (a, b) => {
        if (a.published === b.published) return byTitle(a, b);
        if (a.published === null) return 1;
        if (b.published === null) return -1;
        return a.published < b.published ? 1 : -1;
      };
  }
}
