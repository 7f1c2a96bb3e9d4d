import assert from 'node:assert/strict';
import fc from 'fast-check';
import { seededRandom } from '../../../evaluation/seededRandom';
import { papersByKey } from '../../../src/core/citations/keyAliases';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { normalizeTitle } from '../../../src/core/corpus/merge';
import { mergeUserSources, type UserSource } from '../../../src/core/corpus/userCorpus';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import type { Paper } from '../../../src/core/types';
import { readLegacyKeys, readPages } from '../pages';

/** Words drawn often enough that base keys clash (same first words, same year) hundreds of times. */
const WORDS = ['Efficient', 'Sparse', 'Training', 'Low-Rank', 'Adaptation', 'Models', 'Deep', 'Quantization', 'Attention', 'Scaling'];
const NAMES = ['GaLore:', 'AWQ:', 'LoRA:', 'Liger:', 'S$^{2}$FT:'];

interface Synthetic {
  title: string;
  published: string | null;
  /** The key a JSON source gives it, for papers that come from JSON. */
  claimed?: string;
}

/** `count` papers with distinct titles, built so that many share a base key. */
function syntheticPapers(count: number, seed: number): Synthetic[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const papers: Synthetic[] = [];
  const seen = new Set<string>();
  while (papers.length < count) {
    const words = Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(WORDS));
    const title = `${next() < 0.3 ? `${pick(NAMES)} ` : ''}${words.join(' ')} ${papers.length}`;
    if (seen.has(normalizeTitle(title))) continue;
    seen.add(normalizeTitle(title));
    const published = next() < 0.5 ? null : `${pick(['2023', '2024'])}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    papers.push({ title, published, ...(next() < 0.1 ? { claimed: pick(['awq2023', 'galore', 'efficient_sparse2024', 'mine']) + Math.floor(next() * 40) } : {}) });
  }
  return papers;
}

/** Papers split into sources (page dumps for most, corpus JSON for those that claim a key), each in order or reversed. */
function toSources(papers: readonly Synthetic[], files: number, reversed = false): UserSource[] {
  const sources: UserSource[] = [];
  for (let file = 0; file < files; file++) {
    const mine = papers.filter((_paper, index) => index % files === file);
    if (reversed) mine.reverse();
    const pages = mine.filter((paper) => paper.claimed === undefined);
    const json = mine.filter((paper) => paper.claimed !== undefined);
    const page = pages.map((paper) => `${paper.title}\n\nAn abstract about ${paper.title}.${paper.published ? `\n\n  • 2 authors\n·\n${dateText(paper.published)}` : ''}`).join('\n\n');
    sources.push({ file: `source${file}.txt`, text: `${page}\n` });
    const jsonPapers = json.map((paper, index) => ({
      id: `json-${file}-${index}`, key: paper.claimed, title: paper.title, abstract: `About ${paper.title}.`, published: paper.published,
      upvotes: null, authorsCount: null, organization: null, topics: ['Other'], links: [], sources: [],
    }));
    sources.push({ file: `source${file}.json`, text: JSON.stringify({ version: 1, papers: jsonPapers }) });
  }
  return sources;
}

function dateText(published: string): string {
  const [year, month, day] = published.split('-').map(Number);
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'][month - 1]} ${day}, ${year}`;
}

/** The key of each paper, by normalised title. */
function keysByTitle(papers: readonly Paper[]): Map<string, string> {
  return new Map(papers.map((paper) => [normalizeTitle(paper.title), paper.key]));
}

describe('citation keys never move (5,000 papers in users\' sources)', function () {
  this.timeout(120000);
  const bundled = buildCorpus(readPages(), DEFAULT_TOPICS, { legacyKeys: readLegacyKeys() }).corpus.papers;
  const synthetic = syntheticPapers(5000, 14);
  const sources = toSources(synthetic, 10);
  const first = mergeUserSources(bundled, sources, DEFAULT_TOPICS);
  const firstKeys = keysByTitle(first.papers);

  it('reads every paper once, keeps bundled keys, and gives every key and alias to one paper', () => {
    assert.equal(first.papers.length, bundled.length + synthetic.length);
    first.papers.slice(0, bundled.length).forEach((paper, index) => assert.equal(paper.key, bundled[index].key));
    const all = first.papers.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])]);
    assert.equal(new Set(all).size, all.length);
    assert.equal(papersByKey(first.papers).size, all.length);
  });

  it('gives the same keys whatever the order of the sources and of the papers in them (property)', () => {
    const reversed = toSources(synthetic, 10, true);
    fc.assert(fc.property(fc.shuffledSubarray(reversed, { minLength: reversed.length, maxLength: reversed.length }), (shuffled) => {
      const again = mergeUserSources(bundled, shuffled, DEFAULT_TOPICS);
      assert.deepEqual(keysByTitle(again.papers), firstKeys);
    }), { numRuns: 3 });
  });

  it('leaves every other key unchanged when sources are added or removed, given the keys issued before', () => {
    const removed = mergeUserSources(bundled, sources.filter((source) => !source.file.startsWith('source3.')), DEFAULT_TOPICS, { previousKeys: first.issuedKeys });
    let kept = 0;
    for (const [title, key] of keysByTitle(removed.papers)) {
      assert.equal(key, firstKeys.get(title), title);
      kept++;
    }
    assert.ok(kept > bundled.length + 4000);
    const extra = syntheticPapers(600, 99).map((paper) => ({ ...paper, title: `${paper.title} again` }));
    const added = mergeUserSources(bundled, [...toSources(extra, 2), ...sources], DEFAULT_TOPICS, { previousKeys: first.issuedKeys });
    const addedKeys = keysByTitle(added.papers);
    for (const [title, key] of firstKeys) assert.equal(addedKeys.get(title), key, title);
    assert.equal(added.papers.length, first.papers.length + extra.length);
  });

  it('refuses a JSON key that another paper has and reports it, moving no other paper', () => {
    const awq = bundled.find((paper) => paper.title.startsWith('AWQ:'))!;
    const claim = JSON.stringify({ version: 1, papers: [{ ...awq, id: 'not-awq', title: 'Not the AWQ paper', aliases: undefined }] });
    const merged = mergeUserSources(bundled, [{ file: 'mine.json', text: claim }, ...sources], DEFAULT_TOPICS, { previousKeys: first.issuedKeys });
    assert.equal(merged.papers.find((paper) => paper.title === awq.title)!.key, awq.key);
    assert.notEqual(merged.papers.find((paper) => paper.title === 'Not the AWQ paper')!.key, awq.key);
    assert.ok(merged.diagnostics.some((d) => d.file === 'mine.json' && d.message.includes(`claims key "${awq.key}"`)));
    const mergedKeys = keysByTitle(merged.papers);
    for (const [title, key] of firstKeys) assert.equal(mergedKeys.get(title), key, title);
  });
});

describe('the same title in several sources', () => {
  const bundled = buildCorpus(readPages(), DEFAULT_TOPICS).corpus.papers;
  const json = (file: string, key: string, id: string): UserSource => ({
    file,
    text: JSON.stringify({ version: 1, papers: [{ id, key, title: 'My  Shared Paper', abstract: `From ${file}.`, published: '2024-03-03', upvotes: null, authorsCount: null, organization: null, topics: [], links: [], sources: [] }] }),
  });
  const page: UserSource = { file: 'page.txt', text: 'my shared paper\n\nThe same paper on a page, with a longer abstract than either file.\n\n  • 2 authors\n·\nMar 1, 2024\n' };

  it('is one paper, with the same key, id and aliases whatever the order', () => {
    const orders = [[json('a.json', 'shared_a', 'a'), json('b.json', 'shared_b', 'b'), page], [page, json('b.json', 'shared_b', 'b'), json('a.json', 'shared_a', 'a')]];
    const results = orders.map((sources) => mergeUserSources(bundled, sources, DEFAULT_TOPICS).papers.slice(bundled.length));
    for (const added of results) {
      assert.equal(added.length, 1);
      assert.deepEqual([added[0].key, added[0].aliases, added[0].id, added[0].published], ['shared_a', ['shared_b'], 'a', '2024-03-01']);
    }
  });

  it('keeps a key a JSON file gives a bundled paper as that paper\'s alias', () => {
    const galore = bundled.find((paper) => paper.title.startsWith('GaLore:'))!;
    const text = JSON.stringify({ version: 1, papers: [{ ...galore, key: 'zhao2024galore', id: 'my-galore' }] });
    const merged = mergeUserSources(bundled, [{ file: 'mine.json', text }], DEFAULT_TOPICS);
    const paper = merged.papers.find((candidate) => candidate.title === galore.title)!;
    assert.equal(paper.key, galore.key);
    assert.ok(paper.aliases?.includes('zhao2024galore'));
    assert.equal(papersByKey(merged.papers).get('zhao2024galore'), paper);
  });
});
