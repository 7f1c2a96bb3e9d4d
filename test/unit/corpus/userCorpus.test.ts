import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { mergeUserSources } from '../../../src/core/corpus/userCorpus';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

describe('users\' own corpora merged into the bundled one', () => {
  const bundled = buildCorpus(readPages(), DEFAULT_TOPICS).corpus.papers;
  const abstract = 'We study an entirely new method for quantization of large models. '.repeat(10);
  const page = `My Own Quantization Paper\n\n${abstract}\n\n  • 3 authors\n·\nFeb 2, 2024 4\n\nLiger: Linearizing Large Language Models to Gated Recurrent Structures\n\n${abstract}\n\n  • 9 authors\n·\nMar 3, 2025 8\n`;

  it('adds new papers with fresh ids and keys, and fills unknown fields of known ones', () => {
    const { papers, diagnostics } = mergeUserSources(bundled, [{ file: '/home/me/mine.txt', text: page }], DEFAULT_TOPICS);
    assert.deepEqual(diagnostics, []);
    assert.equal(papers.length, bundled.length + 1);
    const mine = papers.find((paper) => paper.title === 'My Own Quantization Paper')!;
    assert.deepEqual([mine.published, mine.upvotes, mine.authorsCount, mine.sources], ['2024-02-02', 4, 3, ['/home/me/mine.txt']]);
    assert.ok(mine.topics.includes('Quantization'));
    assert.ok(!bundled.some((paper) => paper.id === mine.id || paper.key === mine.key));
    const liger = papers.find((paper) => paper.title.startsWith('Liger:'))!;
    const bundledLiger = bundled.find((paper) => paper.title.startsWith('Liger:'))!;
    assert.deepEqual([liger.published, liger.authorsCount, liger.key, liger.id], ['2025-03-03', 9, bundledLiger.key, bundledLiger.id]);
    assert.ok(liger.sources.includes('/home/me/mine.txt'));
    assert.equal(bundledLiger.published, null, 'the bundled corpus passed in is not modified');
  });

  it('keeps the bundled corpus and reports, by file, a missing-abstract page, bad JSON and a schema failure', () => {
    const { papers, diagnostics } = mergeUserSources(bundled, [
      { file: 'broken.txt', text: 'Title Only\n' },
      { file: 'bad.json', text: '{"version": 1,\n "papers": [ }' },
      { file: 'wrong.json', text: JSON.stringify({ version: 1, topics: [], papers: [{ ...bundled[0], id: 'Not A Slug', title: 'X' }] }) },
      { file: 'binary.txt', text: '\u0000\u0001\u0002' },
    ], DEFAULT_TOPICS);
    assert.equal(papers.length, bundled.length);
    const where = diagnostics.map((d) => `${d.file}:${d.line ?? d.path}`);
    assert.ok(where.includes('broken.txt:1'), where.join());
    assert.ok(where.includes('bad.json:2'), where.join());
    assert.ok(where.includes('wrong.json:papers[0].id'), where.join());
    assert.ok(diagnostics.some((d) => d.file === 'binary.txt' && /binary/.test(d.message)));
  });

  it('keeps a JSON paper\'s own id and key unless they clash', () => {
    const own = { ...bundled[0], id: 'my-paper', key: 'mine2024', title: 'A Completely Different Title', sources: [] };
    const clash = { ...bundled[1], title: 'Another Different Title' };
    const text = JSON.stringify({ version: 1, topics: [], papers: [own, clash] });
    const { papers, diagnostics } = mergeUserSources(bundled, [{ file: 'mine.json', text }], DEFAULT_TOPICS);
    assert.equal(papers.find((paper) => paper.title === own.title)!.key, 'mine2024');
    const moved = papers.find((paper) => paper.title === clash.title)!;
    assert.notEqual(moved.id, bundled[1].id);
    assert.notEqual(moved.key, bundled[1].key);
    assert.ok(diagnostics.some((d) => d.file === 'mine.json' && /claims id ".*", which another paper already has/.test(d.message)));
    assert.ok(diagnostics.some((d) => d.file === 'mine.json' && /claims key ".*", which another paper already has/.test(d.message)));
  });
});
