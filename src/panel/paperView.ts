/** Builds what the paper panel shows from a paper. Pure (no `vscode`), so it can be unit-tested. */
import { citationFacts, missingFacts } from '../core/citations/citationFacts';
import { withoutBidiControls } from '../core/citations/displayText';
import { CITATION_FORMATS, describeCitation, type CitationFormat } from '../core/citations/formats';
import { readableText } from '../core/citations/latexText';
import { paperLookupUrls } from '../core/citations/urls';
import { authorsLabel, libraryFileName } from '../core/library/libraryLabels';
import { arxivUrl, doiUrl } from '../core/library/libraryPapers';
import type { SearchResult } from '../core/search/paperIndex';
import type { Paper } from '../core/types';
import type { CitedInView, PaperView } from '../shared/panelProtocol';

/** Only absolute http(s) URLs are shown as links and opened. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** A citation format the panel offers: an id, how it is labelled, and how it cites a paper. */
export interface PanelFormat {
  id: string;
  label: string;
  description: string;
  render(paper: Paper): string;
}

const BUILT_IN: ReadonlySet<string> = new Set(CITATION_FORMATS.map((format) => format.id));

/**
 * The panel's view of `paper`, with its related papers, its citation in every format offered (each
 * built-in one described by exactly what it holds for this paper), what a citation cannot say because
 * it is not known, and where the workspace cites it. `bundledSources` are the page files the bundled
 * paper of the same id was built from (undefined when it is not bundled): the user never saw those
 * files, so the view says "bundled corpus" instead and lists only the user's own files.
 */
export function paperView(paper: Paper, related: readonly SearchResult[], formats: readonly PanelFormat[], citedIn: CitedInView, bundledSources?: readonly string[]): PaperView {
  const bundled = new Set(bundledSources);
  return {
    id: paper.id,
    key: paper.key,
    title: readableText(paper.title),
    authors: authorsLabel(paper, 12),
    venue: paper.venue ?? '',
    identifiers: identifiers(paper),
    library: (paper.library ?? []).map((record) => ({ name: libraryFileName(record), file: record.file, line: record.line, key: record.key, type: record.type })),
    bundled: bundledSources !== undefined,
    sources: paper.sources.filter((source) => !bundled.has(source)),
    published: paper.published,
    upvotes: paper.upvotes,
    authorsCount: paper.authorsCount,
    organization: paper.organization && withoutBidiControls(paper.organization),
    topics: [...paper.topics],
    abstract: readableText(paper.abstract),
    links: paper.links.filter((link) => isWebUrl(link) && !ownLinks(paper).has(link)),
    lookup: paperLookupUrls(paper),
    related: related.map(({ paper: other }) => ({ id: other.id, title: readableText(other.title), published: other.published })),
    formats: formats.map((format) => ({
      id: format.id,
      label: format.label,
      description: BUILT_IN.has(format.id) ? describeCitation(paper, format.id as CitationFormat) : format.description,
      text: format.render(paper),
    })),
    missing: missingFacts(citationFacts(paper)),
    citedIn,
  };
}

/** The links of the paper's own identifiers: its DOI, its arXiv page, its URL. */
function identifiers(paper: Paper): { label: string; url: string }[] {
  const found: { label: string; url: string }[] = [];
  if (paper.doi) found.push({ label: `DOI ${paper.doi}`, url: doiUrl(paper.doi) });
  if (paper.arxiv) found.push({ label: `arXiv:${paper.arxiv}`, url: arxivUrl(paper.arxiv) });
  if (paper.url && isWebUrl(paper.url) && !found.some((known) => known.url === paper.url)) found.push({ label: paper.url, url: paper.url });
  return found;
}

/** The identifiers' links, which the panel shows as such rather than among the abstract's links. */
function ownLinks(paper: Paper): Set<string> {
  return new Set(identifiers(paper).map((identifier) => identifier.url));
}
