import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/types';
import { parseQuery, passesFilters, resolveTopics } from '../../../src/core/search/queryFilters';

describe('search: the query filter parser', () => {
  it('takes filters out of the text and keeps the words', () => {
    const parsed = parseQuery('low rank topic:peft year:2024 adapters');
    assert.equal(parsed.text.replace(/\s+/g, ' ').trim(), 'low rank adapters');
    assert.deepEqual(parsed.filters, { topics: ['peft'], year: 2024, sort: 'relevance' });
    assert.equal(parsed.filtered, true);
    assert.deepEqual(parsed.problems, []);
  });

  it('ends the text with a space when a filter ended the query, so no word counts as being typed', () => {
    assert.match(parseQuery('galore topic:peft').text, /\s$/);
    assert.match(parseQuery('topic:peft galo').text, /galo$/);
  });

  it('reads dates, upvote comparisons, organisations, sort orders and quoted values', () => {
    const parsed = parseQuery('after:2024-06 before:2025-02-15 upvotes:>=10 org:OpenBMB sort:date topic:"mixture of experts"');
    assert.deepEqual(parsed.filters, {
      topics: ['mixture of experts'], after: '2024-06-01', before: '2025-02-15', upvotes: { op: '>=', value: 10 }, org: 'openbmb', sort: 'date',
    });
    assert.deepEqual(parseQuery('upvotes:5').filters.upvotes, { op: '>=', value: 5 });
    assert.equal(parseQuery('sort:upvotes').filtered, false, 'sort alone filters nothing');
  });

  it('reports bad values, naming the filter, and unknown filters, without searching them', () => {
    const cases: Array<[string, RegExp]> = [
      ['year:24', /^year: takes a year/],
      ['after:2024-13', /^after: takes a date/],
      ['before:2023-02-30', /^before: takes a date/],
      ['upvotes:lots', /^upvotes: takes a count/],
      ['sort:random', /^sort: takes date, upvotes or relevance/],
      ['year: 2024', /^year: needs a value/],
      ['venue:icml', /^unknown filter "venue:"/],
    ];
    for (const [query, problem] of cases) {
      const parsed = parseQuery(query);
      assert.equal(parsed.problems.length, 1, query);
      assert.match(parsed.problems[0].message, problem, query);
      assert.doesNotMatch(parsed.text, /venue|icml|random|lots/, query);
    }
  });

  it('leaves title-like colons and one-letter names alone', () => {
    for (const query of ['GaLore: memory efficient', 'n:m sparsity', 'S$^{2}$FT: sparse', 'https: //example']) {
      const parsed = parseQuery(query);
      assert.deepEqual(parsed.problems, [], query);
      assert.equal(parsed.filtered, false, query);
    }
    assert.match(parseQuery('n:m sparsity').text, /n:m sparsity/);
  });

  it('matches topics by name, start, initials or exact name, and reports what matches none', () => {
    const topics = ['Quantization', 'Parameter-Efficient Fine-Tuning', 'Mixture of Experts', 'Scaling Laws & Pretraining'];
    const { groups, problems } = resolveTopics(['quant', 'PEFT', 'moe', 'scaling laws', 'Mixture of Experts', 'nope'], topics);
    assert.deepEqual(groups.map((group) => [...group]), [['Quantization'], ['Parameter-Efficient Fine-Tuning'], ['Mixture of Experts'], ['Scaling Laws & Pretraining'], ['Mixture of Experts']]);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /no topic matches "nope" \(topics: Quantization, /);
  });

  it('checks papers against filters, unknown dates and upvotes failing date and upvote filters', () => {
    const paper = (published: string | null, upvotes: number | null): Paper => ({
      id: 'p', key: 'p', title: 'T', abstract: '', published, upvotes, authorsCount: null, organization: 'Org Lab', topics: ['Quantization'], links: [], sources: [],
    });
    const { filters } = parseQuery('after:2024-06 upvotes:>2 org:lab');
    assert.equal(passesFilters(paper('2024-06-01', 3), filters, [new Set(['Quantization'])]), true);
    assert.equal(passesFilters(paper('2024-05-31', 3), filters, []), false);
    assert.equal(passesFilters(paper(null, 3), filters, []), false);
    assert.equal(passesFilters(paper('2024-07-01', null), filters, []), false);
    assert.equal(passesFilters(paper('2024-07-01', 3), filters, [new Set(['Pruning'])]), false);
  });
});
