import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { loadCorpus } from '../../../src/core/corpus/schema';
import { formatDiagnostic } from '../../../src/core/diagnostics';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';

describe('corpus schema', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const json = JSON.parse(JSON.stringify(corpus));

  it('accepts the built corpus unchanged', () => {
    const result = loadCorpus(json, 'corpus.json');
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.corpus, corpus);
  });

  it('skips a bad paper with a diagnostic naming the file and JSON path, and keeps the rest', () => {
    const broken = JSON.parse(JSON.stringify(json));
    broken.papers[3].published = '2024/01/01';
    broken.papers[7].upvotes = -1;
    broken.papers[9].links = ['javascript:alert(1)'];
    const result = loadCorpus(broken, 'mine.json');
    assert.equal(result.corpus.papers.length, 221);
    assert.deepEqual(result.diagnostics.map((d) => d.path), ['papers[3].published', 'papers[7].upvotes', 'papers[9].links[0]']);
    assert.match(formatDiagnostic(result.diagnostics[0]), /^mine\.json \(papers\[3\]\.published\): /);
  });

  it('holds a paper to keys Paper Scout makes, and lets only a paper of the user\'s library keep the keys its library writes', () => {
    const paper = json.papers[0];
    const record = { file: 'refs.bib', location: 'file:///refs.bib', key: 'Vaswani2017Attention', line: 3, type: 'article' };
    const mixed = { ...paper, key: 'Vaswani2017Attention', aliases: ['DBLP:conf/nips/VaswaniSPUJGKP17'] };
    const result = loadCorpus({ ...json, papers: [mixed, { ...json.papers[1], aliases: ['liger-'] }, { ...mixed, id: 'from-the-library', library: [record] }] }, 'k.json');
    assert.deepEqual(result.diagnostics.map((d) => d.path), ['papers[0].key', 'papers[0].aliases', 'papers[1].aliases']);
    assert.match(result.diagnostics[0].message, /lowercase letters and digits/);
    assert.deepEqual(result.corpus.papers.map((p) => p.key), ['Vaswani2017Attention']);
    assert.deepEqual(result.corpus.papers[0].library, [record]);
  });

  it('reports a duplicate id and a file that is not a corpus at all', () => {
    const duplicate = { ...json, papers: [json.papers[0], json.papers[0]] };
    assert.match(loadCorpus(duplicate, 'd.json').diagnostics[0].message, /duplicate id/);
    for (const bad of [null, 42, [], { version: 2, papers: [] }, { papers: 'x' }]) {
      const result = loadCorpus(bad, 'x.json');
      assert.equal(result.corpus.papers.length, 0);
      assert.ok(result.diagnostics.length > 0);
    }
  });
});
