import type { PagePaper } from './parsePage';

/** Whitespace collapsed and case folded: two titles that normalise alike are the same paper. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Merges papers read from several pages. The same paper (by normalised title) keeps every source page,
 * and each field unknown on one page is filled from a page that knows it (see `mergeInto`; upvotes take
 * the highest count seen, since pages captured later have counted longer). Order: first appearance.
 */
export function mergePapers(papers: readonly PagePaper[]): PagePaper[] {
  const mergeInto = createMerger();
  const byTitle = new Map<string, PagePaper>();
  for (const paper of papers) {
    const key = normalizeTitle(paper.title);
    const seen = byTitle.get(key);
    if (!seen) {
      byTitle.set(key, { ...paper, links: [...paper.links], sources: [...paper.sources] });
      continue;
    }
    mergeInto(seen, paper);
  }
  return [...byTitle.values()];
}

/** The fields two copies of a paper can both hold; parsed page papers and corpus papers share them. */
type MergeableFields = Pick<PagePaper, 'abstract' | 'published' | 'upvotes' | 'authorsCount' | 'organization' | 'links' | 'sources'>;

/**
 * Merges what `incoming` knows into `known`, the same paper seen again: unknown fields are filled, the
 * earlier of two dates is kept, upvotes take the highest count, the longer abstract wins, links and
 * sources are united. Mutates `known`.
 */
export function mergeInto(known: MergeableFields, incoming: MergeableFields): void {
  createMerger()(known, incoming);
}

/**
 * A `mergeInto` that remembers, for each known paper, the links and sources it already has, so that
 * merging the same paper from 10,000 files stays linear. Only for one merge: nothing else may change
 * the papers' `links` and `sources` while it is in use.
 */
export function createMerger(): (known: MergeableFields, incoming: MergeableFields) => void {
  const seen = new WeakMap<MergeableFields, { links: Set<string>; sources: Set<string> }>();
  return (known, incoming) => {
    let sets = seen.get(known);
    if (!sets) {
      sets = { links: new Set(known.links), sources: new Set(known.sources) };
      seen.set(known, sets);
    }
    // The earliest date, not the first seen: the date (and so the citation key's year) must not depend on source order.
    if (incoming.published !== null && (known.published === null || incoming.published < known.published)) known.published = incoming.published;
    known.authorsCount ??= incoming.authorsCount;
    known.organization ??= incoming.organization;
    if (incoming.upvotes !== null) known.upvotes = Math.max(known.upvotes ?? 0, incoming.upvotes);
    if (incoming.abstract.length > known.abstract.length) known.abstract = incoming.abstract;
    for (const link of incoming.links) if (!sets.links.has(link)) {
      sets.links.add(link);
      known.links.push(link);
    }
    for (const source of incoming.sources) if (!sets.sources.has(source)) {
      sets.sources.add(source);
      known.sources.push(source);
    }
  };
}
