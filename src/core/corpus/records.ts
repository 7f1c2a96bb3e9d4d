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
 * Between anchors, blocks pair up as title and abstract by their shapes (see `pairSegment`), so a
 * rejected title (too long, or several lines) takes its abstract with it and never shifts the records
 * after it.
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

/**
 * What it costs to read a block as a title, as an abstract, or as neither (a block no paper owns). A
 * title is one line of at most `MAX_TITLE_LENGTH` characters and rarely ends with a full stop; an
 * abstract is one long line (the site prints it so) and ends with one. A block of the wrong shape may still be read as a title (a title
 * too long, or broken over lines, is then reported and skipped with its abstract), because taking a
 * block for neither costs more: a paper's blocks stay together.
 */
const COST = { longTitle: 1.5, brokenTitle: 2.5, fullStop: 1, shortAbstract: 1, brokenAbstract: 1.5, noFullStop: 1, unpaired: 1.9 };

function titleCost(block: Block): number {
  const text = block.lines[block.lines.length - 1].trim();
  const shape = block.lines.length > 1 ? COST.brokenTitle : block.lines[0].trim().length > MAX_TITLE_LENGTH ? COST.longTitle : 0;
  return shape + (text.endsWith('.') ? COST.fullStop : 0);
}

function abstractCost(block: Block): number {
  const shape = block.lines.length > 1 ? COST.brokenAbstract : block.lines[0].trim().length <= MAX_TITLE_LENGTH ? COST.shortAbstract : 0;
  return shape + (block.lines[block.lines.length - 1].trim().endsWith('.') ? 0 : COST.noFullStop);
}

/**
 * Pairs the blocks between two metadata blocks as titles and abstracts, reading them as a page is most
 * likely made (by the costs above, in one pass from the end: linear in the blocks). A block left
 * unpaired (a title without an abstract, an abstract without a title) is reported; a record whose
 * title cannot be one (too long, several lines) is reported and skipped, its abstract with it, so it
 * never shifts the records after it, and its abstract is never read as the next paper's title.
 */
function pairSegment(segment: readonly Block[], report: LineReporter): { records: RecordBlocks[]; ending: 'record' | 'skipped' | 'empty' } {
  const n = segment.length;
  // best[i]: the least cost of reading blocks i..n-1; pair[i]: whether block i starts a record there.
  const best = new Float64Array(n + 2);
  const pair = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const alone = COST.unpaired + best[i + 1];
    const paired = i + 1 < n ? titleCost(segment[i]) + abstractCost(segment[i + 1]) + best[i + 2] : Number.POSITIVE_INFINITY;
    // On a tie, a record: blocks are titles and abstracts far more often than strays.
    pair[i] = paired <= alone ? 1 : 0;
    best[i] = Math.min(alone, paired);
  }
  const records: RecordBlocks[] = [];
  let ending: 'record' | 'skipped' | 'empty' = 'empty';
  for (let i = 0; i < n; ) {
    const block = segment[i];
    if (!pair[i]) {
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
