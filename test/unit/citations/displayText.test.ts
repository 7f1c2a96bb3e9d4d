import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clipAtWord, dateLabel, labelText, markdownText, matchedWordRanges, orderLabel, paperFacts, withoutBidiControls, yearLabel } from '../../../src/core/citations/displayText';
import { readableText } from '../../../src/core/citations/latexText';

/** What CommonMark shows for text made only of escapes, plain characters and autolinks. */
function shown(markdown: string): string {
  return markdown.replace(/<(https?:\/\/[^<>\s]+)>|\\([!-/:-@[-`{-~])/g, (_match, url: string | undefined, escaped: string | undefined) => url ?? escaped!);
}

describe('dates as shown', () => {
  it('has one label for an unknown date, for dates and years alike', () => {
    assert.deepEqual([dateLabel(null), yearLabel(null)], ['n.d.', 'n.d.']);
    assert.deepEqual([dateLabel('2024-03-06'), yearLabel('2024-03-06'), yearLabel('2024')], ['2024-03-06', '2024', '2024']);
  });
});

describe('paper facts in a sorted list', () => {
  it('puts first what the list is sorted by, so a narrow row still shows it', () => {
    const paper = { published: '2024-03-06', upvotes: 12 };
    assert.equal(paperFacts(paper, 'date'), '2024-03-06 · ▲ 12');
    assert.equal(paperFacts(paper, 'upvotes'), '▲ 12 · 2024-03-06');
    assert.equal(paperFacts({ published: null, upvotes: null }, 'date'), '');
    assert.equal(paperFacts({ published: null, upvotes: null }, 'upvotes'), '');
    assert.equal(paperFacts({ published: null, upvotes: 3 }, 'date'), '▲ 3');
    assert.deepEqual((['date', 'upvotes', 'title'] as const).map(orderLabel), ['newest first', 'most upvoted first', 'by title']);
  });
});

describe('clipAtWord', () => {
  it('cuts between words, never inside one, and marks the cut', () => {
    assert.equal(clipAtWord('Training large language models presents memory challenges', 30), 'Training large language…');
    assert.equal(clipAtWord('short text', 30), 'short text');
    assert.equal(clipAtWord('a  spaced\n\ntext', 30), 'a spaced text');
    assert.equal(clipAtWord('Supercalifragilistic', 10), 'Supercali…');
  });

  it('keeps every word it shows whole (property)', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 14, max: 120 }), (words, max) => {
      const text = words.join(' ');
      const clipped = clipAtWord(text, max);
      assert.ok(clipped.length <= max, clipped);
      const shownWords = clipped.replace(/…$/, '').split(' ');
      shownWords.forEach((word, index) => assert.equal(word, words[index], `word ${index} of ${JSON.stringify(clipped)}`));
    }), { numRuns: 500 });
  });
});

describe('markdownText', () => {
  it('keeps plain spaces (no &nbsp;) and escapes what Markdown would read', () => {
    const text = 'Reduces memory *by* 4× for task s_1 [see #3] <b>x</b> & `code` 1. $(icon)';
    const markdown = markdownText(text);
    assert.ok(!markdown.includes('&nbsp;'));
    assert.equal(shown(markdown), text);
    assert.doesNotMatch(markdown.replace(/\\[!-/:-@[-`{-~]/g, ''), /[*_[\]<>#`$&()]/);
  });

  it('links a URL only as far as the URL goes', () => {
    const text = 'Code at https://github.com/SKDDJ/LoLDU. The rest of the abstract stays text (see https://x.io/a_(b)).';
    const markdown = markdownText(text);
    assert.ok(markdown.includes('<https://github.com/SKDDJ/LoLDU>\\. The rest of the abstract'), markdown);
    assert.ok(markdown.includes('<https://x.io/a_(b)>\\)\\.'), markdown);
    assert.equal(shown(markdown), text);
  });

  it('shows any text exactly, whatever it holds (property)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('https://a.io/x', ' ', '\\', '<', '>', ')', '(', '.', 'http://', '*'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join('')), (text) => {
      assert.equal(shown(markdownText(text)), text.replace(/\s+/g, ' ').trim());
    }), { numRuns: 1000 });
  });

  it('stays linear on a URL followed by 200,000 closing brackets', () => {
    const markdown = markdownText(`https://x.io/a${')'.repeat(200000)}`);
    assert.ok(markdown.startsWith('<https://x.io/a>\\)'));
  });
});

describe('matchedWordRanges', () => {
  const title = 'FRUGAL: Memory-Efficient Optimization by Reducing State Overhead';

  it('marks whole words a query matched, never letters inside a word', () => {
    const ranges = matchedWordRanges(title, 'gal optimiz reduc');
    assert.deepEqual(ranges.map(([start, end]) => title.slice(start, end)), ['Optimization', 'Reducing']);
    assert.deepEqual(matchedWordRanges(title, 'frugal memory'), [[0, 6], [8, 14]]);
  });

  it('folds case and accents, and gives nothing for an empty query or short fragments', () => {
    assert.deepEqual(matchedWordRanges('Schrödinger Bridges', 'schrodinger'), [[0, 11]]);
    assert.deepEqual(matchedWordRanges(title, ''), []);
    assert.deepEqual(matchedWordRanges(title, 'me op'), []);
  });
});

describe('labels shown as written (issue 24)', () => {
  it('drops bidirectional controls and escapes $(icon) text, wherever they stand', () => {
    assert.equal(withoutBidiControls('a\u202Eb\u202Cc\u2066d\u2069e\u200Ef\u200Fg\u061Ch'), 'abcdefgh');
    assert.equal(labelText('Sneaky \u202Etxt.exe $(alert) and $(sync~spin)'), 'Sneaky txt.exe \\$(alert) and \\$(sync~spin)');
    assert.equal(readableText('A \u202Ereversed\u202C $x^{2}$ title'), 'A reversed x² title');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '$', '(', ')', '\u202E', '\u2067', '\u200F', 'é') }), (text) => {
      const label = labelText(text);
      assert.ok(!/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(label));
      assert.ok(!/(^|[^\\])\$\(/.test(label), label);
    }));
  });
});
