import assert from 'node:assert/strict';
import { isWebUrl, paperView } from '../../../src/panel/paperView';
import { CITATION_FORMATS, formatCitation } from '../../../src/core/citations/formats';
import type { Paper } from '../../../src/core/types';

describe('panel: the paper panel view', () => {
  const paper: Paper = {
    id: 'p', key: 'p2024', title: 'HyperZ$\\cdot$Z$\\cdot$W reaches 93\\%', abstract: 'Code at https://github.com/x/y.',
    published: '2024-01-02', upvotes: 1, authorsCount: 2, organization: 'Lab', topics: ['Architectures'],
    links: ['https://github.com/x/y', 'javascript:alert(1)'], sources: [],
  };

  it('makes the title readable, keeps only web links, cites in every format, and carries where it is cited', () => {
    const citedIn = { state: 'ready' as const, places: [{ uri: 'file:///w/notes.md', file: 'notes.md', line: 3, column: 9 }], total: 1 };
    const view = paperView(paper, [], CITATION_FORMATS.map((format) => ({ ...format, render: (cited: Paper) => formatCitation(cited, format.id) })), citedIn);
    assert.deepEqual(view.citedIn, citedIn);
    assert.equal(view.title, 'HyperZ·Z·W reaches 93%');
    assert.deepEqual(view.links, ['https://github.com/x/y']);
    assert.deepEqual(view.formats.map((format) => format.id), CITATION_FORMATS.map((format) => format.id));
    assert.ok(view.lookup.arxiv.startsWith('https://arxiv.org/'));
  });

  it('describes each built-in format by what it holds for this paper, and says what is not known', () => {
    const formats = [...CITATION_FORMATS.map((format) => ({ ...format, render: (cited: Paper) => formatCitation(cited, format.id) })),
      { id: 'template:Short', label: 'Short', description: 'my own', render: () => 'x' }];
    const view = paperView(paper, [], formats, { state: 'off', places: [], total: 0 });
    const described = new Map(view.formats.map((format) => [format.id, format.description]));
    assert.equal(described.get('bibtex'), '@misc with title, year and month');
    assert.equal(described.get('template:Short'), 'my own');
    assert.deepEqual(view.missing, ['authors', 'a DOI, arXiv id or link']);
    const known = paperView({ ...paper, authors: [{ family: 'Doe', given: 'Jo' }], doi: '10.1/x' }, [], formats, { state: 'off', places: [], total: 0 });
    assert.deepEqual(known.missing, []);
    assert.equal(new Map(known.formats.map((format) => [format.id, format.description])).get('bibtex'), '@misc with author, title, year, month and doi');
  });

  it('says a bundled paper comes from the bundled corpus, never naming its page files, and names the user\'s own files', () => {
    const formats = CITATION_FORMATS.map((format) => ({ ...format, render: (cited: Paper) => formatCitation(cited, format.id) }));
    const off = { state: 'off' as const, places: [], total: 0 };
    const bundled = paperView({ ...paper, sources: ['000_2026-02-01.txt'] }, [], formats, off, ['000_2026-02-01.txt']);
    assert.equal(bundled.bundled, true);
    assert.deepEqual(bundled.sources, []);
    // The user's page dump that holds the same paper is named; the bundled page still is not.
    const alsoMine = paperView({ ...paper, sources: ['000_2026-02-01.txt', 'my-dump.txt'] }, [], formats, off, ['000_2026-02-01.txt']);
    assert.deepEqual(alsoMine.sources, ['my-dump.txt']);
    const mine = paperView({ ...paper, sources: ['my-dump.txt'] }, [], formats, off);
    assert.equal(mine.bundled, false);
    assert.deepEqual(mine.sources, ['my-dump.txt']);
  });

  it('accepts only http(s) URLs', () => {
    assert.ok(isWebUrl('https://a.b/c') && isWebUrl('http://a.b'));
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'https://a b', ' https://a.b']) assert.ok(!isWebUrl(url), url);
  });
});
