import assert from 'node:assert/strict';
import { parseQuery, QUERY_FILTERS } from '../../../src/core/search/queryFilters';
import { describeFilters, queryAssist, replaceWithHelp, type TopicChoice } from '../../../src/views/queryAssist';

describe('views: help with the filters of a query (no VS Code)', () => {
  const names = ['Quantization', 'Parameter-Efficient Fine-Tuning', 'Pruning & Sparsity'];
  const topics = (): TopicChoice[] => names.map((name, at) => ({ name, icon: at === 0 ? 'symbol-numeric' : '', papers: at }));

  it('lists every filter, with its description and example, when the last word is ?', () => {
    for (const query of ['?', 'lora ?', '  lora   ?']) {
      const assist = queryAssist(query, topics);
      assert.equal(assist.kind, 'filters', query);
      if (assist.kind !== 'filters') continue;
      assert.deepEqual(assist.entries.map((entry) => entry.label), QUERY_FILTERS.map((filter) => filter.syntax));
      assert.deepEqual(assist.entries.map((entry) => entry.detail), QUERY_FILTERS.map((filter) => `e.g. ${filter.example}`));
      assert.ok(assist.entries.every((entry) => entry.description.length > 10 && !entry.complete));
      // Choosing one replaces the ? with the filter's name, keeping what was typed before it.
      assert.equal(assist.entries[1].query, `${query.slice(0, query.lastIndexOf('?'))}year:`);
    }
  });

  it('searches when ? is part of a word, or not the last word', () => {
    for (const query of ['what?', 'lora ? quantization', 'is it ?x', 'lora']) assert.equal(queryAssist(query, topics).kind, 'search', query);
  });

  it('lists the topics after topic: and the orders after sort:, quoting names with spaces; choosing one completes the filter', () => {
    const values = queryAssist('lora topic:', topics);
    assert.equal(values.kind, 'values');
    if (values.kind === 'values') {
      assert.deepEqual(values.entries.map((entry) => entry.label), names);
      assert.deepEqual(values.entries.map((entry) => [entry.icon, entry.description]), [['symbol-numeric', '0 papers'], ['tag', '1 paper'], ['tag', '2 papers']]);
      assert.deepEqual(values.entries.map((entry) => entry.query), ['lora topic:Quantization ', 'lora topic:"Parameter-Efficient Fine-Tuning" ', 'lora topic:"Pruning & Sparsity" ']);
      assert.ok(values.entries.every((entry) => entry.complete));
      // What the entry makes is a query the parser reads as that topic.
      assert.deepEqual(parseQuery(values.entries[2].query).filters.topics, ['Pruning & Sparsity']);
    }
    const orders = queryAssist('SORT:', topics);
    assert.equal(orders.kind, 'values');
    if (orders.kind === 'values') assert.deepEqual(orders.entries.map((entry) => entry.query), ['sort:relevance ', 'sort:date ', 'sort:upvotes ']);
  });

  it('searches once a filter has a value, and for filters without a list of values', () => {
    for (const query of ['topic:quant', 'topic:quant ', 'year:', 'org:', 'lora sort:date']) assert.equal(queryAssist(query, topics).kind, 'search', query);
    assert.equal(queryAssist('topic:', () => []).kind, 'search', 'no topics to list');
  });

  it('describes the filters in force in one short line, and nothing when there are none', () => {
    assert.equal(describeFilters(parseQuery('lora').filters), '');
    assert.equal(
      describeFilters(parseQuery('topic:peft topic:"Pruning & Sparsity" year:2024 after:2024-06 before:2025 upvotes:>10 org:OpenBMB sort:date x').filters),
      'topic:peft · topic:"Pruning & Sparsity" · year:2024 · after:2024-06-01 · before:2025-01-01 · upvotes:>10 · org:openbmb · sorted by date',
    );
  });

  it('replaces a problem in the query with ? to choose a filter instead', () => {
    assert.equal(replaceWithHelp('venue:icml lora', 'venue:icml'), 'lora ?');
    assert.equal(replaceWithHelp('lora year:24', 'year:24'), 'lora ?');
    assert.equal(replaceWithHelp('lora', 'gone:x'), 'lora ?');
  });
});
