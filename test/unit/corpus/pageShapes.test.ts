import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePage } from '../../../src/core/corpus/parsePage';

// Issue 24: the page parser's record boundaries, on many generated page shapes rather than the one
// known: titles too long or broken over lines (reported, their abstract skipped with them, never read
// as the next paper's title), titles without an abstract (reported, at the end of a page too), papers
// with and without metadata blocks, short and long abstracts. A broken paper never stands next to
// another: two faults side by side can be read either way by their shapes alone.

type Kind = 'good' | 'long title' | 'broken title' | 'no abstract';

interface Draft {
  kind: Kind;
  words: string[];
  abstractWords: string[];
  longAbstract: boolean;
  meta: { month: number; day: number; year: number; upvotes: number } | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WORDS = ['sparse', 'low-rank', 'attention', 'quantized', 'model', 'training', 'scaling', 'with', 'the', 'of', 'Transformers', 'LLM'];

const draft = fc.record({
  kind: fc.constantFrom<Kind>('good', 'good', 'good', 'long title', 'broken title', 'no abstract'),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }),
  abstractWords: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }),
  longAbstract: fc.boolean(),
  meta: fc.option(fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), year: fc.integer({ min: 2015, max: 2025 }), upvotes: fc.nat(999) }), { nil: null }),
});

/** Drafts with no two broken papers side by side. */
const drafts = fc.array(draft, { minLength: 1, maxLength: 25 }).map((list) => list.map((entry, at) => (at > 0 && entry.kind !== 'good' && list[at - 1].kind !== 'good' ? { ...entry, kind: 'good' as const } : entry)));

interface Written {
  text: string;
  /** The papers the parser must read: title, abstract, date. */
  papers: Array<[string, string, string | null]>;
  /** The lines of the titles it must report. */
  reported: number[];
}

function write(list: readonly Draft[]): Written {
  const lines: string[] = ['new', '', 'Daily Papers', '', 'Oct 30', ''];
  const papers: Written['papers'] = [];
  const reported: number[] = [];
  list.forEach((entry, at) => {
    const name = `Paper ${at}: ${entry.words.join(' ')}`;
    const title = entry.kind === 'long title' ? `${name} ${'and more words '.repeat(30)}` : entry.kind === 'broken title' ? `${name}\nsecond line of ${at}` : name;
    const abstract = `We study ${entry.abstractWords.join(' ')}${entry.longAbstract ? ` ${'with many careful experiments on benchmarks '.repeat(12)}` : ''} in paper ${at}.`;
    if (entry.kind === 'good') papers.push([title, abstract, entry.meta && `${entry.meta.year}-${String(entry.meta.month).padStart(2, '0')}-${String(entry.meta.day).padStart(2, '0')}`]);
    else reported.push(lines.join('\n').split('\n').length + 1);
    lines.push(title, '');
    if (entry.kind !== 'no abstract') lines.push(abstract, '');
    if (entry.meta) lines.push('  • 3 authors', '·', `${MONTHS[entry.meta.month - 1]} ${entry.meta.day}, ${entry.meta.year} ${entry.meta.upvotes}`, '');
  });
  return { text: lines.join('\n'), papers, reported };
}

describe('page records: generated page shapes (issue 24)', function () {
  this.timeout(120_000);

  it('reads every good paper whole and reports every broken one at its title, whatever stands around it', () => {
    fc.assert(
      fc.property(drafts, (list) => {
        const { text, papers, reported } = write(list);
        const result = parsePage(text, 'p.txt');
        assert.deepEqual(result.papers.map((paper) => [paper.title, paper.abstract, paper.published]), papers);
        assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line), reported);
      }),
      { numRuns: 2000 },
    );
  });

  it('after a rejected long title, reads its abstract with it, not as the next paper\'s title; reports a last title with no abstract', () => {
    const long = `A Title Far Too Long ${'and longer still '.repeat(30)}`;
    const page = ['Daily Papers', '', 'Oct 30', '', long, '', 'A short abstract of the long one.', '', 'Next Paper', '', `${'We study the next paper. '.repeat(30)}`, '', 'The Last Title', ''].join('\n');
    const result = parsePage(page, 'p.txt');
    assert.deepEqual(result.papers.map((paper) => paper.title), ['Next Paper']);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.message.slice(0, 40)]), [[5, `the title "${long.slice(0, 57)}...`.slice(0, 40)], [13, 'title "The Last Title" has no abstract (']]);
  });
});
