import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractLinks } from '../../../src/core/corpus/links';
import { parsePage } from '../../../src/core/corpus/parsePage';
import { loadCorpus } from '../../../src/core/corpus/schema';
import { paperSchema } from '../../../src/core/paper';
import { isoOf, pageRecords, writePage, type PageRecord } from './hostilePages';

// Hostile shapes from issue 13, each generated at several sizes. These assert what comes out (no throw,
// the right records, the right diagnostics), never how long it took: time ratios are in `npm run bench`.

/** The link extraction of the first release, one `)` per pass: the reference on small inputs. */
function referenceLinks(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/https?:\/\/[^\s{}<>"'\\]+/g)) {
    let url = match[0];
    for (;;) {
      const trimmed = url.replace(/[.,;:!?]+$/, '');
      const count = (char: string): number => trimmed.split(char).length - 1;
      const next = trimmed.endsWith(')') && count('(') < count(')') ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    if (/^https?:\/\/[^/]+\.[^/]+/.test(url) && !found.includes(url)) found.push(url);
  }
  return found;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

describe('hostile corpus input (issue 13)', function () {
  this.timeout(120000);

  describe('links', () => {
    const urlPart = fc.stringMatching(/^[a-z0-9()._:;!?,/-]{0,12}$/);
    it('agree with the first release on random URLs followed by punctuation and parentheses', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(urlPart, fc.constantFrom(' ', '(', ') ', '. ', ')).', '{')), { maxLength: 12 }), (parts) => {
          const text = parts.map(([tail, gap]) => `https://x.io/${tail}${gap}`).join('');
          assert.deepEqual(extractLinks(text), referenceLinks(text));
        }),
        { numRuns: 500 },
      );
    });

    it('trim any number of closing parentheses and punctuation after a URL', () => {
      for (const size of [1, 100, 10000, 200000]) {
        assert.deepEqual(extractLinks(`see (https://x.io/a_(b)${')'.repeat(size)}.`), ['https://x.io/a_(b)']);
        assert.deepEqual(extractLinks(`https://x.io/p${'.,;:!?'.repeat(size)}`), ['https://x.io/p']);
      }
    });

    it('keep every distinct URL once, in order, at several sizes', () => {
      for (const size of [10, 1000, 60000]) {
        const urls = Array.from({ length: size }, (_, i) => `https://x${i % (size / 2)}.io/p`);
        const links = extractLinks(urls.join(' '));
        assert.equal(links.length, size / 2);
        assert.deepEqual(links.slice(0, 3), urls.slice(0, 3));
      }
    });
  });

  describe('page dates, upvotes and text', () => {
    it('reads a page of 130,000 dated papers without overflowing the stack', () => {
      const records: PageRecord[] = Array.from({ length: 130000 }, (_, i) => ({ title: `T${i}`, abstract: 'A.', meta: { month: 1 + (i % 12), day: 1 + (i % 28), year: 2000 + (i % 20), upvotes: i, authors: 2 } }));
      const result = parsePage(writePage(records).text, 'big.txt');
      assert.equal(result.papers.length, 130000);
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.papers[129999].published, isoOf(records[129999].meta!));
    });

    it('keeps only real calendar dates from 1900 to 2100, explicit or inferred', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1000, max: 9999 }), (month, day, year) => {
          const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1];
          const page = `P\n\nAn abstract.\n\n  • 2 authors\n·\n${name} ${day}, ${year} 3\n`;
          const [paper] = parsePage(page, 'd.txt').papers;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && year >= 1900 && year <= 2100;
          assert.equal(paper.published, real ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null);
        }),
        { numRuns: 1000 },
      );
      const leap = parsePage('P\n\nA.\n\n  • 2 authors\n·\nFeb 29, 2024 1\n\nQ\n\nB.\n\n  • 2 authors\n·\nFeb 29, 2025 1\n', 'leap.txt');
      assert.deepEqual(leap.papers.map((paper) => paper.published), ['2024-02-29', null]);
      assert.deepEqual(leap.diagnostics.map((d) => [d.line, d.severity]), [[13, 'warning']]);
      // Yearless dates after the latest explicit year: Feb 29 in 2025 and anything in 2101 do not exist.
      for (const [explicit, expectedLine] of [['Jan 3, 2024', 13], ['Jan 3, 2100', 13]] as const) {
        const page = `P\n\nA.\n\n  • 2 authors\n·\n${explicit} 1\n\nQ\n\nB.\n\n  • 2 authors\n·\n${explicit.startsWith('Jan 3, 2024') ? 'Feb 29' : 'Jan 2'} 5\n`;
        const result = parsePage(page, 'y.txt');
        assert.equal(result.papers[1].published, null, explicit);
        assert.deepEqual(result.diagnostics.map((d) => d.line), [expectedLine]);
      }
      assert.equal(parsePage('P\n\nA.\n\n  • 2 authors\n·\nJan 3, 9999 1\n', 'z.txt').papers[0].published, null);
    });

    it('refuses upvote counts that are not safe integers, on pages and in JSON alike', () => {
      const page = parsePage(`P\n\nA.\n\n  • 2 authors\n·\nJan 3, 2024 ${'1'.repeat(27)}\n`, 'u.txt');
      assert.equal(page.papers[0].upvotes, null);
      assert.match(page.diagnostics[0].message, /upvote count .* too large/);
      const paper = { id: 'p', key: 'p2024', title: 'P', abstract: 'A.', published: '2024-01-03', upvotes: 1e26, authorsCount: 2, organization: null, topics: [], links: [], sources: [] };
      for (const bad of [{ upvotes: 1e26 }, { upvotes: 2 ** 53 }, { published: '2025-02-29' }, { published: '1899-12-31' }, { published: '2101-01-01' }]) {
        const value = { ...paper, upvotes: 1, ...bad };
        assert.equal(paperSchema.safeParse(value).success, false, JSON.stringify(bad));
      }
    });

    it('removes control characters from every text field, on pages and in JSON alike', () => {
      const controls = fc.constantFrom('\u001b[2J', '\u0007', '\u009b31m', '\u0000', '\u007f', '\u0085', '\t', '\r');
      const dirty = fc.array(fc.oneof(fc.constantFrom('Sparse', ' ', 'model', ':'), controls), { minLength: 1, maxLength: 20 }).map((parts) => `X${parts.join('')}`);
      fc.assert(
        fc.property(dirty, dirty, dirty, (title, abstract, organization) => {
          const page = parsePage(`${title}\n\n${abstract}\n\n${organization}\n·\nJan 3, 2024 1\n`, 'c.txt');
          const json = loadCorpus({ version: 1, papers: [{ id: 'x', key: 'x2024', title, abstract, published: null, upvotes: null, authorsCount: null, organization, topics: [title], links: [], sources: [organization] }] }, 'c.json');
          const texts = [...page.papers, ...json.corpus.papers].flatMap((paper) => [paper.title, paper.abstract, paper.organization ?? '', ...paper.sources]);
          for (const text of [...texts, ...json.corpus.papers[0].topics]) assert.doesNotMatch(text, CONTROL);
          assert.equal(json.corpus.papers.length, 1);
          // On a page CR ends a line; elsewhere both read the same title.
          if (page.papers.length === 1 && ![title, abstract, organization].some((text) => text.includes('\r'))) assert.equal(page.papers[0].title, json.corpus.papers[0].title.trim());
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('record boundaries', () => {
    const bad = fc.constantFrom('huge', 'multiline');
    it('a rejected title never shifts the records after it, at several sizes', () => {
      for (const size of [3, 30, 300]) {
        fc.assert(
          fc.property(pageRecords(size, size), fc.nat(size - 1), bad, (records, at, kind) => {
            const broken = records.map((record, index) =>
              index !== at ? record : { ...record, title: kind === 'huge' ? `Huge ${'x'.repeat(96 * 1024)}` : `Two\nLines` },
            );
            const { text, titleLines } = writePage(broken);
            const result = parsePage(text, 'p.txt');
            const expected = records.filter((_, index) => index !== at);
            assert.deepEqual(result.papers.map((paper) => [paper.title, paper.abstract, paper.published]), expected.map((r) => [r.title, r.abstract, r.meta ? isoOf(r.meta) : null]));
            assert.deepEqual(result.diagnostics.map((d) => [d.file, d.line, d.severity]), [['p.txt', titleLines[at], 'error']]);
          }),
          { numRuns: size > 100 ? 20 : 100 },
        );
      }
    });

    it('reports a title left without an abstract at the end of a page, with its line', () => {
      fc.assert(
        fc.property(pageRecords(1, 20), (records) => {
          const { text } = writePage(records);
          const lines = text.split('\n').length;
          const result = parsePage(`${text}\nLast Title Alone\n`, 'p.txt');
          assert.equal(result.papers.length, records.length);
          assert.deepEqual(result.diagnostics.map((d) => [d.line, /no abstract/.test(d.message)]), [[lines + 1, true]]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
