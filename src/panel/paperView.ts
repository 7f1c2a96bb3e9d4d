/** Builds what the paper panel shows from a paper. Pure (no `vscode`), so it can be unit-tested. */
import { citationFacts, missingFacts } from '../core/citations/citationFacts';
import { withoutBidiControls } from '../core/citations/displayText';
import { CITATION_FORMATS, describeCitation, type CitationFormat } from '../core/citations/formats';
import { readableText } from '../core/citations/latexText';
import { paperLookupUrls } from '../core/citations/urls';
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
 * it is not known, and where the workspace cites it.
 */
export function paperView(paper: Paper, related: readonly SearchResult[], formats: readonly PanelFormat[], citedIn: CitedInView): PaperView {
  return {
    id: paper.id,
    key: paper.key,
    title: readableText(paper.title),
    published: paper.published,
    upvotes: paper.upvotes,
    authorsCount: paper.authorsCount,
    organization: paper.organization && withoutBidiControls(paper.organization),
    topics: [...paper.topics],
    abstract: readableText(paper.abstract),
    links: paper.links.filter(isWebUrl),
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
