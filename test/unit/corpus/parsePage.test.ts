import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { parsePage } from '../../../src/core/corpus/parsePage';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

describe('parsePage on the five real pages', () => {
  const pages = readPages();
  const { corpus, diagnostics } = buildCorpus(pages, DEFAULT_TOPICS);
  const byTitle = (start: string) => {
    const found = corpus.papers.filter((paper) => paper.title.startsWith(start));
    assert.equal(found.length, 1, `exactly one paper titled "${start}..."`);
    return found[0];
  };

  it('reads every page without a diagnostic', () => {
    assert.equal(pages.length, 5);
    assert.deepEqual(diagnostics, []);
  });

  it('finds the per-page paper counts (site chrome and page dates are not papers)', () => {
    const counts = pages.map((page) => parsePage(page.text, page.file).papers.length);
    assert.deepEqual(counts, [43, 18, 73, 45, 69]);
    const titles = pages.flatMap((page) => parsePage(page.text, page.file).papers.map((paper) => paper.title));
    for (const chrome of ['new', 'Subscribe', 'Daily Papers', 'Dec 10', 'Mar 14', 'byAK and the research community']) {
      assert.ok(!titles.includes(chrome), `"${chrome}" is not a paper`);
    }
  });

  it('holds 224 distinct papers, 23 on more than one page, 109 dated, one with an organisation', () => {
    assert.equal(corpus.papers.length, 224);
    assert.equal(corpus.papers.filter((paper) => paper.sources.length > 1).length, 23);
    assert.equal(corpus.papers.filter((paper) => paper.published !== null).length, 109);
    const organizations = corpus.papers.filter((paper) => paper.organization !== null);
    assert.deepEqual(organizations.map((paper) => [paper.title.slice(0, 10), paper.organization, paper.authorsCount]), [['InfLLM-V2:', 'OpenBMB', null]]);
  });

  it('reads a full metadata block with an explicit year and upvotes', () => {
    const paper = byTitle('One Initialization to Rule them All');
    assert.equal(paper.published, '2024-10-09');
    assert.equal(paper.upvotes, 2);
    assert.equal(paper.authorsCount, 6);
    assert.equal(paper.organization, null);
  });

  it('takes a missing upvote count as 0, and missing metadata as unknown (null)', () => {
    const noUpvotes = byTitle('How connectivity structure shapes rich and lazy learning');
    assert.equal(noUpvotes.published, '2023-10-12');
    assert.equal(noUpvotes.upvotes, 0);
    const noMeta = byTitle('Liger: Linearizing Large Language Models');
    assert.deepEqual([noMeta.published, noMeta.upvotes, noMeta.authorsCount], [null, null, null]);
  });

  it('puts a yearless date in the capture year, or the year before when it is later than the page date', () => {
    // Page 004 is dated Oct 30; its latest explicit year is 2024, so it was captured in 2025.
    assert.equal(byTitle('FlyLoRA').published, '2025-10-09');
    assert.equal(byTitle('Predictable Scale: Part I').published, '2025-03-06');
    // Yearless "Sep 29 2" on the same page: before Oct 30, so 2025, with 2 upvotes.
    const infllm = byTitle('InfLLM-V2');
    assert.deepEqual([infllm.published, infllm.upvotes], ['2025-09-29', 2]);
    // Page 000 is dated Dec 10 and also captured in 2025: "Nov 25" is before Dec 10.
    assert.ok(corpus.papers.every((paper) => paper.published === null || paper.published <= '2025-12-10'));
  });

  it('merges a paper seen on several pages, keeping every source and the known fields', () => {
    const paper = byTitle('How connectivity structure shapes rich and lazy learning');
    assert.deepEqual(paper.sources, ['000_4cfc25047d5141b5.txt', '001_aee316befbbc64fb.txt']);
    assert.equal(paper.authorsCount, 6);
  });

  it('keeps LaTeX fragments in titles and abstracts exactly', () => {
    assert.ok(byTitle('S$^{2}$FT:').title.startsWith('S$^{2}$FT: Efficient, Scalable'));
    assert.ok(byTitle('HyperZ$\\cdot$Z$\\cdot$W').title.includes('$\\cdot$'));
    assert.ok(corpus.papers.some((paper) => paper.abstract.includes('\\%')));
    assert.ok(corpus.papers.some((paper) => paper.abstract.includes('{\\alpha}')));
  });

  it('extracts URLs into links, without trailing punctuation or LaTeX braces', () => {
    assert.deepEqual(byTitle('Liger:').links, ['https://github.com/OpenSparseLLMs/Linearization']);
    assert.ok(byTitle('Liger:').abstract.endsWith('https://github.com/OpenSparseLLMs/Linearization.'));
    const all = corpus.papers.flatMap((paper) => paper.links);
    assert.ok(all.includes('https://diffusekrona.github.io/'));
    assert.ok(all.includes('https://huggingface.co/openbmb/MiniCPM4.1-8B'));
    for (const link of all) assert.match(link, /^https?:\/\/[^\s{}]+[^.,;:)]$/);
  });

  it('gives every paper a stable unique slug id and citation key', () => {
    const ids = new Set(corpus.papers.map((paper) => paper.id));
    const keys = new Set(corpus.papers.map((paper) => paper.key));
    assert.equal(ids.size, 224);
    assert.equal(keys.size, 224);
    assert.equal(byTitle('GaLore:').id, 'galore-memory-efficient-llm-training-by-gradient-low-rank');
  });
});

describe('parsePage on broken input', () => {
  const good = 'A Good Title\n\nAn abstract that is long enough. '.padEnd(500, 'x') + '\n\n  • 3 authors\n·\nJan 5, 2024 7\n';

  it('reports an empty file and a binary file, and returns no papers', () => {
    for (const [text, expected] of [['', /empty/], ['   \n\n', /empty/], ['abc\u0000\u0001def', /binary/], ['\u0001\u0002\u0003\u0004 x', /binary/]] as const) {
      const result = parsePage(text, 'bad.txt');
      assert.equal(result.papers.length, 0);
      assert.equal(result.diagnostics.length, 1);
      assert.match(result.diagnostics[0].message, expected);
      assert.equal(result.diagnostics[0].file, 'bad.txt');
    }
  });

  it('parses CRLF line endings, a BOM and trailing spaces like clean text', () => {
    const clean = parsePage(good, 'p.txt');
    const messy = parsePage(`\uFEFF${good.replace(/\n/g, '  \r\n')}`, 'p.txt');
    assert.equal(clean.papers.length, 1);
    assert.deepEqual(messy, clean);
    assert.deepEqual([clean.papers[0].published, clean.papers[0].upvotes, clean.papers[0].authorsCount], ['2024-01-05', 7, 3]);
  });

  it('skips a title without an abstract and names its line, keeping the papers around it', () => {
    const text = `Orphan Title\n\n${good}\n\nLast Title Without Abstract\n`;
    const result = parsePage(text, 'p.txt');
    assert.deepEqual(result.papers.map((paper) => paper.title), ['A Good Title']);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, /no abstract/.test(d.message)]), [[1, true], [12, true]]);
  });

  it('keeps a paper whose metadata block cannot be read, with unknown fields and a warning', () => {
    const text = good.replace('Jan 5, 2024 7', 'Smarch 45, 20x');
    const result = parsePage(text, 'p.txt');
    assert.equal(result.papers.length, 1);
    assert.equal(result.papers[0].published, null);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0].line, 5);
    assert.match(result.diagnostics[0].message, /cannot read the date "Smarch 45, 20x"/);
  });

  it('reports text that is not a page dump at all', () => {
    const result = parsePage('just one line', 'notes.txt');
    assert.equal(result.papers.length, 0);
    assert.ok(result.diagnostics.length > 0);
  });
});
