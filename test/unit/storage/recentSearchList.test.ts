import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addRecentSearch, MAX_RECENT_QUERY_LENGTH, normalizeQuery, RECENT_SEARCH_LIMIT, recentSearchesSchema, removeRecentSearch, tidyRecentSearches,
} from '../../../src/core/storage/recentSearchList';
import { checkStoredValue } from '../../../src/core/storage/storedValueCheck';

describe('search: recent searches', () => {
  it('puts a query first, trimmed, and drops an earlier spelling of it in any case', () => {
    let recent: string[] = [];
    recent = addRecentSearch(recent, 'LoRA');
    recent = addRecentSearch(recent, '  diffusion   models ');
    recent = addRecentSearch(recent, 'lora');
    assert.deepEqual(recent, ['lora', 'diffusion models']);
    assert.deepEqual(addRecentSearch(recent, 'DIFFUSION models'), ['DIFFUSION models', 'lora']);
  });

  it('keeps the last RECENT_SEARCH_LIMIT, newest first', () => {
    let recent: string[] = [];
    const added = RECENT_SEARCH_LIMIT + 4;
    for (let i = 1; i <= added; i++) recent = addRecentSearch(recent, `query ${i}`);
    assert.deepEqual(recent, Array.from({ length: RECENT_SEARCH_LIMIT }, (_, i) => `query ${added - i}`));
  });

  it('does not remember an empty, blank or overlong query', () => {
    const recent = ['a'];
    assert.deepEqual(addRecentSearch(recent, ''), ['a']);
    assert.deepEqual(addRecentSearch(recent, ' \t\n '), ['a']);
    assert.deepEqual(addRecentSearch(recent, 'x'.repeat(MAX_RECENT_QUERY_LENGTH + 1)), ['a']);
    assert.deepEqual(addRecentSearch(recent, 'x'.repeat(MAX_RECENT_QUERY_LENGTH)), ['x'.repeat(MAX_RECENT_QUERY_LENGTH), 'a']);
  });

  it('squeezes control characters and line breaks to single spaces', () => {
    assert.equal(normalizeQuery('a\u0000b\r\nc\u007f  d\u0085'), 'a b c d');
  });

  it('removes one query in any case and leaves the rest in order', () => {
    assert.deepEqual(removeRecentSearch(['a', 'LoRA', 'b'], 'lora'), ['a', 'b']);
    assert.deepEqual(removeRecentSearch(['a'], 'zzz'), ['a']);
  });

  it('tidies any list of strings: normalized, unique in any case, within the limit, idempotent', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('LoRA', 'lora', ' LORA ', '$(zap)', '__proto__'), fc.string({ unit: 'binary' }))), fc.string(), (list, query) => {
      const tidy = tidyRecentSearches(list);
      assert.ok(tidy.length <= RECENT_SEARCH_LIMIT);
      assert.equal(new Set(tidy.map((entry) => entry.toLowerCase())).size, tidy.length);
      for (const entry of tidy) {
        assert.equal(entry, normalizeQuery(entry));
        assert.ok(entry.length > 0 && entry.length <= MAX_RECENT_QUERY_LENGTH);
      }
      assert.deepEqual(tidyRecentSearches(tidy), tidy);
      const added = addRecentSearch(list, query);
      const normalized = normalizeQuery(query);
      if (normalized && normalized.length <= MAX_RECENT_QUERY_LENGTH) assert.equal(added[0], normalized);
      else assert.deepEqual(added, tidy);
      assert.ok(recentSearchesSchema.safeParse(added).success, 'what is stored reads back');
    }));
  });
});

describe('search: stored recent searches are checked when read', () => {
  const read = (value: unknown) => checkStoredValue(recentSearchesSchema, value, []);

  it('reads nothing stored as empty, and a valid list as is', () => {
    assert.deepEqual(read(undefined), { ok: true, value: [] });
    assert.deepEqual(read(['a', 'b']), { ok: true, value: ['a', 'b'] });
  });

  it('refuses a wrong type, junk entries, overlong strings and an overlong list, saying where', () => {
    const refused: [unknown, RegExp][] = [
      [null, /expected array/],
      ['lora', /expected array/],
      [{ 0: 'a', length: 1 }, /expected array/],
      [['a', 3], /^\[1\]: .*expected string/],
      [['a', { query: 'b' }], /^\[1\]/],
      [['x'.repeat(MAX_RECENT_QUERY_LENGTH + 1)], /^\[0\]: .*200/],
      [Array.from({ length: 10_000 }, (_, i) => `q${i}`), /too big|<=/i],
    ];
    for (const [value, problem] of refused) {
      const checked = read(value);
      assert.equal(checked.ok, false, JSON.stringify(value).slice(0, 60));
      if (!checked.ok) {
        assert.match(checked.problem, problem);
        assert.ok(checked.problem.length <= 300);
      }
    }
  });
});
