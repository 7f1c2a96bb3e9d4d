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

/** The facts of a row sorted by `order`, split where `paperFacts` joins them: the one sorted by first. */
function rowFacts(paper: Paper, order: PaperOrder): [lead: string, rest: string] {
  const [lead, ...rest] = paperFacts(paper, order).split(' · ');
  return [lead, rest.join(' · ')];
}

/**
 * A paper's row when the view is sorted by `order`. Sorted by date or upvotes, that fact leads the
 * label (`▲ 42 · GaLore: …`, `2024-03-06 · GaLore: …`, `n.d.` or `▲ –` when unknown), since a row is
 * cut at its end and a title fills the default sidebar width; the description holds the rest.
 */
export function paperRow(paper: Paper, order: PaperOrder): PaperRow {
  const title = readableText(paper.title);
  return { label: order === 'title' ? title : `${rowFacts(paper, order)[0]} · ${title}`, description: paperDescription(paper, order) };
}

/**
 * A paper row's description: the facts its label does not lead with (`▲ 42` under date order, the
 * date under upvote order, both by title). The one place a row's description is made.
 */
export function paperDescription(paper: Paper, order: PaperOrder): string {
  return order === 'title' ? paperFacts(paper, 'date') : rowFacts(paper, order)[1];
}
