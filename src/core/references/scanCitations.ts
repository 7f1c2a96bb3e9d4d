/**
 * The citation scanner: every key a file cites or defines, with its 1-based line and UTF-16 column,
 * by the file's kind: LaTeX commands in LaTeX, pandoc citations in Markdown, the comment trigger in
 * code comments, entries in `.bib` files. Pure and linear in the text's length.
 */
import { commentSyntax, textKind } from '../languages';
import { LineStarts } from '../sourceText/lineStarts';
import { scanBib } from './bibEntries';
import { DEFAULT_COMMENT_TRIGGER, scanTrigger } from './commentCitations';
import { scanLatex } from './latexCitations';
import { scanPandoc } from './pandocCitations';
import { resolveMentions, type KeyOccurrence, type KeySpan } from './keyOccurrences';

/** What `scanCitations` needs besides the text. */
export interface ScanOptions {
  /** The code-comment trigger (default `@cite:`). */
  commentTrigger?: string;
}

/** The keys `text` cites or defines, as spans (offsets), in order of offset. */
export function scanKeySpans(text: string, languageId: string, options: ScanOptions = {}): KeySpan[] {
  const trigger = options.commentTrigger ?? DEFAULT_COMMENT_TRIGGER;
  switch (textKind(languageId)) {
    case 'latex':
      return scanLatex(text, { percentComments: true });
    case 'markdown':
      return scanPandoc(text);
    case 'bibtex':
      return scanBib(text);
    case 'prose':
      return scanTrigger(text, trigger, null);
    case 'code':
      return scanTrigger(text, trigger, commentSyntax(languageId));
  }
}

/**
 * The keys a document of `languageId` cites or defines, with 1-based line and column (UTF-16 code
 * units: VS Code's `Position` is `(line - 1, column - 1)`), in order of appearance.
 */
export function scanCitations(text: string, languageId: string, options: ScanOptions = {}): KeyOccurrence[] {
  const spans = scanKeySpans(text, languageId, options);
  if (spans.length === 0) return [];
  const lines = new LineStarts(text);
  return spans.map(({ key, kind, offset }) => ({ key, kind, ...lines.position(offset) }));
}

/**
 * File endings whose presence shows that a workspace cites: LaTeX sources and BibTeX databases. The
 * extension looks for them before it reads any file (and its manifest's `workspaceContains` activation
 * events name them).
 */
export const CITING_FILE_ENDINGS: readonly string[] = ['tex', 'ltx', 'bib'];

/**
 * True when a document shows that its workspace cites: it is LaTeX or BibTeX, or Markdown holding a
 * citation or a key definition (a mention counts for a key `isKnown` accepts). Code and plain prose
 * never do: a `@cite:` comment alone does not make a workspace one that cites elsewhere.
 */
export function documentCites(text: string, languageId: string, isKnown: (key: string) => boolean): boolean {
  switch (textKind(languageId)) {
    case 'latex':
    case 'bibtex':
      return true;
    case 'markdown':
      return resolveMentions(scanPandoc(text), isKnown).length > 0;
    default:
      return false;
  }
}
