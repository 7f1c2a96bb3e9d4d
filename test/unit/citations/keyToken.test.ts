import assert from 'node:assert/strict';
import { isDistinctiveKey, paperCitedAs, papersByKey } from '../../../src/core/citations/keyAliases';
import { keyTokenAt } from '../../../src/core/citations/keyToken';

describe('keyTokenAt', () => {
  it('finds the key under a position inside [@key], \\cite{key} and after the trigger', () => {
    assert.deepEqual(keyTokenAt('see [@awq2023] here', 8), { key: 'awq2023', start: 6, end: 13 });
    assert.deepEqual(keyTokenAt('\\cite{a,galore_nd}', 8), { key: 'galore_nd', start: 8, end: 17 });
    assert.deepEqual(keyTokenAt('// @cite:s2ft_nd', 16), { key: 's2ft_nd', start: 9, end: 16 });
  });

  it('returns null off any word', () => {
    assert.equal(keyTokenAt('a [@ b', 3), null);
    assert.equal(keyTokenAt('', 0), null);
  });
});

describe('key aliases', () => {
  it('takes a key with a digit or _ for a citation even when bare, never a plain word such as galore', () => {
    assert.deepEqual([isDistinctiveKey('galore'), isDistinctiveKey('galore_b'), isDistinctiveKey('awq2023')], [false, true, true]);
  });

  it('resolves an old key to its paper and cites the paper under the key the document uses', () => {
    const galore = { key: 'galore', aliases: ['galore_nd'], title: 'GaLore' };
    const other = { key: 'galore_nd', aliases: ['x'], title: 'A paper whose key is another paper\'s alias' };
    const byKey = papersByKey([galore, other]);
    assert.equal(byKey.get('galore'), galore);
    assert.equal(byKey.get('galore_nd'), other, 'a key wins over an alias');
    assert.equal(byKey.get('x'), other);
    assert.deepEqual(paperCitedAs(galore, 'galore_nd'), { ...galore, key: 'galore_nd' });
    assert.equal(paperCitedAs(galore, 'galore'), galore);
  });
});
