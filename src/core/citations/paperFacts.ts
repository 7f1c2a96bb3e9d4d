import type { Paper } from '../types';

/** A `published` date split into numbers; `month` and `day` are null when the date gives only a year. */
export interface PublishedParts {
  year: number;
  month: number | null;
  day: number | null;
}

/** The parts of a "YYYY-MM-DD" (or "YYYY-MM", "YYYY") date, or null when it is unknown or malformed. */
export function publishedParts(published: string | null): PublishedParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published ?? '');
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  return {
    year: Number(match[1]),
    month: month !== null && month >= 1 && month <= 12 ? month : null,
    day: month !== null && day !== null && day >= 1 && day <= 31 ? day : null,
  };
}

/**
 * What the corpus knows about who wrote a paper, as an honest note: "6 authors", "1 author",
 * "Organization: OpenBMB", both joined by "; ", or "" when nothing is known. The corpus has no names.
 */
export function authorsNote(paper: Pick<Paper, 'authorsCount' | 'organization'>): string {
  const parts: string[] = [];
  if (paper.authorsCount !== null && paper.authorsCount > 0) {
    parts.push(`${paper.authorsCount} ${paper.authorsCount === 1 ? 'author' : 'authors'}`);
  }
  const organization = paper.organization?.trim();
  if (organization) parts.push(`Organization: ${organization}`);
  return parts.join('; ');
}
