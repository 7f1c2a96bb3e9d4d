import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { mergeUserSources, type UserSource } from '../../../src/core/corpus/userCorpus';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import type { Paper } from '../../../src/core/types';
import { readPages } from '../pages';

// Issue 13, items 3 and 6 (core side): one bad source costs only itself, and merging stays linear.
// Correctness at several sizes here; the time ratio is `hostileMergeRatio` in `npm run bench`.
describe('users\' corpora: failures stay in their file, and size stays linear', function () {
  this.timeout(120000);
  const bundled = buildCorpus(readPages(), DEFAULT_TOPICS).corpus.papers;
  const abstract = 'We quantize the weights of large language models to four bits. '.repeat(4);
  const page = (title: string): string => `${title}\n\n${abstract}\n\n  • 2 authors\n·\nJan 3, 2024 1\n`;

  it('keeps the bundled papers and the other sources when reading one source throws, and names that file', () => {
    const evil = { file: '/home/me/evil.txt', get text(): string { throw new Error('device not ready'); } } as UserSource;
    const notText = { file: '/home/me/odd.txt', text: undefined } as unknown as UserSource;
    const { papers, diagnostics } = mergeUserSources(bundled, [evil, { file: '/home/me/good.txt', text: page('A Good New Paper') }, notText], DEFAULT_TOPICS);
    assert.equal(papers.length, bundled.length + 1);
    assert.ok(papers.some((paper) => paper.title === 'A Good New Paper'));
    assert.deepEqual(diagnostics.map((d) => d.file), ['/home/me/evil.txt', '/home/me/odd.txt']);
    assert.match(diagnostics[0].message, /could not be read \(device not ready\)/);
    assert.ok(!diagnostics.some((d) => /corpus\.json/.test(d.file)), 'the bundled corpus is not blamed');
  });

  it('keeps every other paper when one title breaks key assignment, and names its file and line', () => {
    const deep = `Deep $${'x^{'.repeat(20000)}y${'}'.repeat(20000)}$ Title`;
    const text = `${page('First Fine Paper')}\n${page(deep)}\n${page('Last Fine Paper')}`;
    const { papers, diagnostics } = mergeUserSources(bundled, [{ file: 'deep.txt', text }], DEFAULT_TOPICS);
    const mine = papers.slice(bundled.length).map((paper) => paper.title);
    assert.ok(mine.includes('First Fine Paper') && mine.includes('Last Fine Paper'), mine.join());
    // Either the deep title got a key (once key assignment is iterative) or it alone is left out, at its line.
    if (mine.length === 2) assert.deepEqual(diagnostics.map((d) => [d.file, d.line]), [['deep.txt', 9]]);
    else assert.equal(mine.length, 3);
  });

  it('merges many JSON papers without topics, giving each its topics, at several sizes', () => {
    for (const size of [100, 2000, 20000]) {
      const json: Paper[] = Array.from({ length: size }, (_, i) => ({ ...bundled[i % bundled.length], id: `mine-${i}`, key: `mine${i}`, title: `My paper number ${i} on ${bundled[i % bundled.length].title}`, topics: [], sources: [] }));
      const { papers, diagnostics } = mergeUserSources(bundled, [{ file: 'big.json', text: JSON.stringify({ version: 1, papers: json }) }], DEFAULT_TOPICS);
      assert.deepEqual(diagnostics, []);
      assert.equal(papers.length, bundled.length + size);
      const added = papers.slice(bundled.length);
      for (let i = 0; i < size; i += Math.max(1, size / 50)) {
        assert.deepEqual(added[i].topics, bundled[i % bundled.length].topics, `paper ${i} gets the topics its title and abstract call for`);
      }
    }
  });

  it('merges many one-paper files, and the same paper from many files, once each', () => {
    for (const size of [10, 1000, 10000]) {
      const distinct = Array.from({ length: size }, (_, i) => ({ file: `p${i}.txt`, text: page(`Paper From File ${i}`) }));
      assert.equal(mergeUserSources(bundled, distinct, DEFAULT_TOPICS).papers.length, bundled.length + size);
      const same = Array.from({ length: size }, (_, i) => ({ file: `s${i}.txt`, text: page('The Same Paper Everywhere') }));
      const merged = mergeUserSources(bundled, same, DEFAULT_TOPICS).papers;
      assert.equal(merged.length, bundled.length + 1);
      assert.deepEqual(merged.at(-1)!.sources, same.map((source) => source.file));
    }
  });
});
