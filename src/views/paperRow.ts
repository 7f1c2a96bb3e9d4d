/**
 * A paper's row in the Topics view: what its label and description say under each sort order. Pure
 * (no `vscode`), so it is unit-tested; `topicTree.ts` puts it into tree items.
 */
import { paperFacts, type PaperOrder } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import type { Paper } from '../core/types';

/** What a paper's row shows: its label (the title) and its description. */
export interface PaperRow {
  label: string;
  description: string;
}

/**
 * A paper's row when the view is sorted by `order`: the readable title leads (a row is cut at its end,
 * and at the default sidebar width a title needs all of it); the description holds the fact the view
 * is sorted by first, then the other one, then how often the workspace cites it (`cited 3×`), each
 * only when known.
 */
export function paperRow(paper: Paper, order: PaperOrder, citations = 0): PaperRow {
  return { label: readableText(paper.title), description: paperDescription(paper, order, citations) };
}

/** A paper row's description: the known facts, sorted-by first, and the workspace's citations. The one place it is made. */
export function paperDescription(paper: Paper, order: PaperOrder, citations = 0): string {
  const facts = paperFacts(paper, order === 'title' ? 'date' : order);
  return [facts, citations > 0 ? `cited ${citations}×` : ''].filter(Boolean).join(' · ');
}
