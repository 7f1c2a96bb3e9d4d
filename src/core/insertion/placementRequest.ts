/**
 * What placing a citation is asked and what it answers: the types that `placement.ts` (prose) and
 * `commentPlacement.ts` (code) share, in a file of their own so that neither imports the other back.
 */

/** Where the citation goes: at the cursor, or where a writer cites the passage around it. */
export type PlacementMode = 'cursor' | 'passage';

/** What to place, and where it is asked for. */
export interface PlacementRequest {
  /** The document's text, or a window of whole lines of it; every offset is into it. */
  text: string;
  languageId: string;
  /** The cursor, or the end of the selection. */
  cursor: number;
  /** The citation as its format renders it. */
  citation: string;
  /** The format's id (`pandoc`, `bibtex`, `template:<name>`). */
  formatId: string;
  mode: PlacementMode;
}

/** An insertion: the text to put at `offset`. `alreadyCited` when the place cites the key already (nothing to insert). */
export interface Placement {
  offset: number;
  text: string;
  alreadyCited?: boolean;
}
