/**
 * The order of citation completions when nothing of the key is typed yet (`\cite{`, `[@`, `@cite:`):
 * papers about the passage around the cursor first, best first, then the others, and the keys the
 * passage already cites last. Kept apart from the provider, which ranks by what is typed once a key is.
 */
import type * as vscode from 'vscode';
import { completionRanks, type PaperSearch } from '../core/passage/suggest';
import type { Paper } from '../core/types';
import { passageRequest } from './passageRequest';

/** The search index, when it is made, and a way to have it made. */
export interface PaperSearchSource {
  current(): PaperSearch | undefined;
  ready(): Promise<PaperSearch>;
}

/**
 * The `sortText` of each paper for a completion at `position`, in passage order; undefined while the
 * index is still being made (it is asked for, and the next completion is ordered).
 */
export async function passageSortText(document: vscode.TextDocument, position: vscode.Position, papers: readonly Paper[], search: PaperSearchSource): Promise<((paper: Paper) => string) | undefined> {
  const engine = search.current();
  if (!engine) {
    search.ready().catch(() => undefined); // a failed build is reported where the index is used on purpose
    return undefined;
  }
  let ranks: Map<string, number>;
  try {
    ranks = await completionRanks(engine, papers, passageRequest(document, position));
  } catch {
    return undefined; // the engine went away (the papers changed): the list keeps its given order
  }
  const width = String(3 * papers.length).length; // ranks stay below relevant + 2 × papers
  return (paper) => String(ranks.get(paper.id) ?? '').padStart(width, '0');
}
