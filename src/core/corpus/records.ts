import type { Block } from './pageText';

/** One paper's blocks on a page: title, abstract and, when the site printed one, the metadata block. */
export interface RecordBlocks {
  title: Block;
  abstract: Block;
  meta: Block | null;
}

/** Reports a problem at a 1-based line of the page. */
export type LineReporter = (line: number, message: string) => void;

/** Titles are one line; abstracts on the site run to a thousand characters or more. */
export const MAX_TITLE_LENGTH = 400;

/**
 * Splits a page's paper blocks into records. Metadata blocks (`• N authors` / `·` / date) end a record,
 * so they are anchors: whatever goes wrong between two of them (a title without an abstract, a block
 * that cannot be a title) is reported with its line and costs only the records between those anchors.
 * Between anchors, blocks pair up as title and abstract by position, so a rejected title (too long, or
 * several lines) takes its abstract with it and never shifts the records after it.
 */
export function readRecords(blocks: readonly Block[], report: LineReporter): RecordBlocks[] {
  const records: RecordBlocks[] = [];
  let segment: Block[] = [];
  for (const block of blocks) {
    if (!isMetadataLike(block)) {
      segment.push(block);
      continue;
    }
    const paired = pairSegment(segment, report);
    for (const record of paired.records) records.push(record);
    // After a skipped paper the metadata is that paper's, and goes with it without a second message.
    if (paired.ending === 'record') (paired.records.at(-1) as RecordBlocks).meta = block;
    else if (paired.ending === 'empty') report(block.line, 'metadata block without a paper before it (skipped)');
    segment = [];
  }
  for (const record of pairSegment(segment, report).records) records.push(record);
  return records;
}

/** Whether a block is a metadata block (it has a `·` line or a line starting with `•`). */
export function isMetadataLike(block: Block | undefined): boolean {
  return !!block && block.lines.some((line) => line.trim() === '·' || line.trim().startsWith('•'));
}

function isTitleLike(block: Block | undefined): boolean {
  return !!block && block.lines.length === 1 && block.lines[0].trim().length <= MAX_TITLE_LENGTH;
}

function isAbstractLike(block: Block | undefined): boolean {
  return !!block && !isMetadataLike(block) && !isTitleLike(block);
}

/**
 * Pairs the blocks between two metadata blocks as title and abstract. An odd count means one block has
 * no partner: it is found by shape (a title followed by a title and an abstract, or a block no title
 * looks like) and reported; a block left over at the end is reported too.
 */
function pairSegment(segment: readonly Block[], report: LineReporter): { records: RecordBlocks[]; ending: 'record' | 'skipped' | 'empty' } {
  const records: RecordBlocks[] = [];
  let ending: 'record' | 'skipped' | 'empty' = 'empty';
  let i = 0;
  while (i < segment.length) {
    const block = segment[i];
    const remaining = segment.length - i;
    const oneTooMany = remaining % 2 === 1;
    if (remaining === 1 || (oneTooMany && (!isTitleLike(block) || (isTitleLike(segment[i + 1]) && isAbstractLike(segment[i + 2]))))) {
      reportUnpaired(block, report);
      ending = 'skipped';
      i++;
      continue;
    }
    const problem = titleProblem(block);
    if (problem) {
      report(block.line, `${problem}; the paper (title and abstract) is skipped`);
      ending = 'skipped';
    } else {
      records.push({ title: block, abstract: segment[i + 1], meta: null });
      ending = 'record';
    }
    i += 2;
  }
  return { records, ending };
}

function reportUnpaired(block: Block, report: LineReporter): void {
  if (isTitleLike(block)) report(block.line, `title "${clip(block.lines[0].trim())}" has no abstract (skipped)`);
  else report(block.line, `expected a paper title, found ${describe(block)} (skipped)`);
}

function titleProblem(block: Block): string | null {
  if (block.lines.length > 1) return `expected a one-line paper title, found a block of ${block.lines.length} lines`;
  const length = block.lines[0].trim().length;
  if (length > MAX_TITLE_LENGTH) return `the title "${clip(block.lines[0].trim())}" is ${length} characters long (at most ${MAX_TITLE_LENGTH})`;
  return null;
}

function describe(block: Block): string {
  return block.lines.length > 1 ? `a block of ${block.lines.length} lines` : `"${clip(block.lines[0])}"`;
}

/** At most 60 characters of `text`, for messages. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
