import fc from 'fast-check';

/** One paper as a test writes it onto a page, and what the parser must read back. */
export interface PageRecord {
  title: string;
  abstract: string;
  /** `Mon D, YYYY N`, or null for a paper printed without a metadata block. */
  meta: { month: number; day: number; year: number; upvotes: number; authors: number } | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WORDS = ['sparse', 'low-rank', 'attention', 'quantized', 'model', 'training', 'scaling', 'with', 'the', 'of'];

/** A page's text for `records`, and the 1-based line each record's title is on. */
export function writePage(records: readonly PageRecord[]): { text: string; titleLines: number[] } {
  const lines: string[] = ['Daily Papers', '', 'Oct 30', ''];
  const titleLines: number[] = [];
  for (const record of records) {
    titleLines.push(lines.length + 1);
    lines.push(record.title, '', record.abstract, '');
    if (record.meta) {
      const { month, day, year, upvotes, authors } = record.meta;
      lines.push(`  • ${authors} authors`, '·', `${MONTHS[month - 1]} ${day}, ${year} ${upvotes}`, '');
    }
  }
  return { text: lines.join('\n'), titleLines };
}

/** Valid records with distinct titles: short and long abstracts, with and without metadata. */
export function pageRecords(minLength: number, maxLength: number): fc.Arbitrary<PageRecord[]> {
  const record = fc.record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }),
    abstractWords: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 120 }),
    meta: fc.option(
      fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), year: fc.integer({ min: 2015, max: 2025 }), upvotes: fc.nat(5000), authors: fc.integer({ min: 1, max: 40 }) }),
      { nil: null },
    ),
  });
  return fc.array(record, { minLength, maxLength }).map((drafts) =>
    drafts.map(({ words, abstractWords, meta }, index) => ({
      title: `Paper ${index}: ${words.join(' ')}`,
      abstract: `We study ${abstractWords.join(' ')}.`,
      meta,
    })),
  );
}

/** "YYYY-MM-DD" of a record's metadata. */
export function isoOf(meta: NonNullable<PageRecord['meta']>): string {
  return `${meta.year}-${String(meta.month).padStart(2, '0')}-${String(meta.day).padStart(2, '0')}`;
}
