import type { PagePaper } from './parsePage';

/** Whitespace collapsed and case folded: two titles that normalise alike are the same paper. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Merges papers read from several pages. The same paper (by normalised title) keeps every source page,
 * and each field unknown on one page is filled from a page that knows it. Upvotes take the highest
 * count seen, since pages captured later have counted longer. Order: first appearance.
 */
export function mergePapers(papers: readonly PagePaper[]): PagePaper[] {
  const byTitle = new Map<string, PagePaper>();
  for (const paper of papers) {
    const key = normalizeTitle(paper.title);
    const seen = byTitle.get(key);
    if (!seen) {
      byTitle.set(key, { ...paper, links: [...paper.links], sources: [...paper.sources] });
      continue;
    }
    seen.published ??= paper.published;
    seen.authorsCount ??= paper.authorsCount;
    seen.organization ??= paper.organization;
    if (paper.upvotes !== null) seen.upvotes = Math.max(seen.upvotes ?? 0, paper.upvotes);
    if (paper.abstract.length > seen.abstract.length) seen.abstract = paper.abstract;
    for (const link of paper.links) if (!seen.links.includes(link)) seen.links.push(link);
    for (const source of paper.sources) if (!seen.sources.includes(source)) seen.sources.push(source);
  }
  return [...byTitle.values()];
}
