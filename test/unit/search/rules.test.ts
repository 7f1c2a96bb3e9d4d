import assert from 'node:assert/strict';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { DEFAULT_TUNING, PaperIndex } from '../../../src/core/search/paperIndex';
import { QUERY_FILTERS } from '../../../src/core/search/queryFilters';
import { planQuery } from '../../../src/core/search/queryPlan';
import { stem } from '../../../src/core/search/terms';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readPages } from '../pages';
import { paperByTitle } from '../../../evaluation/search/measure';

describe('search rules, each on its own', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS);
  const papers = corpus.papers;
  const index = PaperIndex.build(papers);
  const titles = (query: string, limit = 10): string[] => index.search(query, { limit }).map((result) => result.paper.title);
  const keys = (query: string, limit = 10): string[] => index.search(query, { limit }).map((result) => result.paper.key);
  const leafTerms = (query: string, typing = true): string[] => planQuery(query, index.vocabulary, DEFAULT_TUNING, { typing }).leaves.map((leaf) => leaf.term);

  describe('prefix matching', () => {
    it('completes the word being typed', () => {
      assert.match(titles('galo')[0], /^GaLore/);
      assert.ok(leafTerms('galo').includes(stem('galore')));
    });

    it('completes only the last word, never an earlier one', () => {
      assert.ok(leafTerms('quantization galo').includes(stem('galore')));
      assert.ok(!leafTerms('galo quantization').includes(stem('galore')));
    });

    it('completes nothing after a trailing space, or when prefix is off', () => {
      assert.deepEqual(titles('galo '), []);
      assert.deepEqual(index.search('galo', { prefix: false }), []);
      assert.ok(!leafTerms('galo', false).includes(stem('galore')));
    });
  });

  describe('typos', () => {
    const firstFor = (query: string): string | undefined => keys(`${query} `, 1)[0];

    it('forgives one typo of any kind in a word of five letters or more', () => {
      const pruning = firstFor('pruning');
      for (const typo of ['pruninng', 'pruing', 'prunimg', 'purning']) assert.equal(firstFor(typo), pruning, typo);
      const quantization = firstFor('quantization');
      for (const typo of ['quantizaton', 'quantiztion', 'quantizaion', 'quantizatoin']) assert.equal(firstFor(typo), quantization, typo);
    });

    it('forgives two typos only in words of eight letters or more', () => {
      assert.equal(firstFor('quanxizatxon'), firstFor('quantization'), 'two edits in twelve letters');
      assert.deepEqual(keys('qxanxizatxon '), [], 'three edits are too many');
      assert.deepEqual(keys('prxnxng '), [], 'two edits in seven letters are too many');
    });

    it('matches words of four letters or fewer exactly', () => {
      assert.ok(keys('lora ').length > 0);
      assert.deepEqual(keys('lorz '), []);
      assert.deepEqual(keys('loar '), []);
    });
  });

  describe('names typed in full', () => {
    it('ranks the paper first by its short name, citation key or id', () => {
      const s2ft = paperByTitle(papers, 'S$^{2}$FT');
      const welore = paperByTitle(papers, 'From GaLore to WeLore');
      const galore = paperByTitle(papers, 'GaLore:');
      assert.equal(keys('S2FT')[0], s2ft.key);
      assert.equal(keys('LQ-LoRA')[0], paperByTitle(papers, 'LQ-LoRA').key);
      assert.equal(keys(galore.key)[0], galore.key);
      assert.equal(keys(welore.key)[0], welore.key, 'its own key, not the paper it is named after');
      assert.equal(keys(welore.id)[0], welore.key);
      assert.equal(keys('galore')[0], galore.key);
    });
  });

  describe('filters in the query', () => {
    const outcome = (query: string) => index.find(query, { limit: 50 });

    it('topic: by name, start of name, initials or quoted name, and as the only criterion', () => {
      for (const query of ['topic:Quantization llm', 'topic:quant llm', 'topic:"mixture of experts" routing', 'topic:moe routing', 'topic:peft low rank']) {
        const { results, problems } = outcome(query);
        assert.deepEqual(problems, [], query);
        assert.ok(results.length > 0, query);
      }
      for (const result of outcome('topic:quant llm').results) assert.ok(result.paper.topics.includes('Quantization'));
      for (const result of outcome('topic:peft').results) assert.ok(result.paper.topics.includes('Parameter-Efficient Fine-Tuning'));
      const onlyTopic = outcome('topic:quantization').results;
      assert.equal(onlyTopic.length, Math.min(50, papers.filter((paper) => paper.topics.includes('Quantization')).length));
    });

    it('topic: that names no topic is a problem and finds nothing', () => {
      const { results, problems } = outcome('topic:astrology llm');
      assert.deepEqual(results, []);
      assert.match(problems[0].message, /no topic matches "astrology"/);
    });

    it('year:, after:, before: keep papers by date, and drop undated ones', () => {
      const in2024 = outcome('year:2024 model').results;
      assert.ok(in2024.length > 0);
      for (const result of in2024) assert.equal(result.paper.published?.slice(0, 4), '2024');
      const after = outcome('after:2024-06 model').results;
      assert.ok(after.length > 0);
      for (const result of after) assert.ok((result.paper.published ?? '') >= '2024-06-01');
      const before = outcome('before:2023 training').results;
      assert.ok(before.length > 0);
      for (const result of before) assert.ok(result.paper.published !== null && result.paper.published < '2023-01-01');
    });

    it('upvotes: compares, and org: matches the organisation', () => {
      const upvoted = outcome('upvotes:>3').results;
      assert.ok(upvoted.length > 0);
      for (const result of upvoted) assert.ok((result.paper.upvotes ?? 0) > 3);
      assert.ok(outcome('upvotes:<=0 llm').results.every((result) => result.paper.upvotes === 0));
      assert.deepEqual(outcome('org:openbmb').results.map((result) => result.paper.organization), ['OpenBMB']);
    });

    it('sort: orders by date or upvotes (unknown last), relevance by default', () => {
      const byDate = outcome('sort:date quantization').results.map((result) => result.paper.published ?? '');
      assert.deepEqual(byDate, [...byDate].sort().reverse());
      const byUpvotes = outcome('sort:upvotes llm').results.map((result) => result.paper.upvotes ?? -1);
      assert.deepEqual(byUpvotes, [...byUpvotes].sort((a, b) => b - a));
      assert.deepEqual(outcome('sort:relevance quantization').results.map((result) => result.paper.id), index.search('quantization', { limit: 50 }).map((result) => result.paper.id));
    });

    it('an unknown filter is reported, not searched as words', () => {
      const { results, problems } = outcome('venue:neurips quantization');
      assert.match(problems[0].message, /unknown filter "venue:"/);
      assert.deepEqual(results.map((result) => result.paper.id), outcome('quantization').results.map((result) => result.paper.id));
    });

    it('lists every filter with a description and an example that parses cleanly (for `?` in the quick pick)', () => {
      assert.equal(new Set(QUERY_FILTERS.map((filter) => filter.name)).size, QUERY_FILTERS.length, 'a filter is listed twice');
      for (const filter of QUERY_FILTERS) {
        assert.ok(filter.description.length > 10 && filter.syntax.startsWith(`${filter.name}:`));
        assert.deepEqual(outcome(`${filter.example} model`).problems, [], filter.example);
      }
    });
  });
});
