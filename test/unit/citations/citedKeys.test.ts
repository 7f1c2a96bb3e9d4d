import assert from 'node:assert/strict';
import { findCitedKeys, keyTokenAt } from '../../../src/core/citations/citedKeys';
import { isDistinctiveKey, paperCitedAs, papersByKey } from '../../../src/core/citations/keyAliases';

const KNOWN: ReadonlySet<string> = new Set(['awq2023', 'galore_nd', 's2ft_nd', 'infllmv22025', 'awq2023a']);

describe('findCitedKeys', () => {
  it('reads the keys of LaTeX citation commands, with options, stars and several keys', () => {
    const text = [
      'As shown \\cite{awq2023} and \\citep[see][p.~3]{galore_nd, vaswani2017}.',
      '\\citet*{s2ft_nd} \\parencite{infllmv22025} \\autocite[12]{awq2023a}',
      '\\textcite{smith2020,awq2023} \\nocite{other}',
    ].join('\n');
    assert.deepEqual(findCitedKeys(text, KNOWN), {
      known: ['awq2023', 'galore_nd', 's2ft_nd', 'infllmv22025', 'awq2023a'],
      unknown: ['vaswani2017', 'smith2020', 'other'],
    });
  });

  it('reads pandoc citations in brackets, in text, with author suppression and braces', () => {
    const text = 'Quantized [@awq2023; see -@galore_nd, p. 4]. @s2ft_nd argues [@{infllmv22025}] and [@doe99].';
    assert.deepEqual(findCitedKeys(text, KNOWN), {
      known: ['awq2023', 'galore_nd', 's2ft_nd', 'infllmv22025'],
      unknown: ['doe99'],
    });
  });

  it('does not read e-mail addresses or decorators in code as pandoc keys', () => {
    assert.deepEqual(findCitedKeys('mail me@example.org', KNOWN), { known: [], unknown: [] });
    assert.deepEqual(findCitedKeys('@property\ndef f(): pass', KNOWN, { pandoc: false }), { known: [], unknown: [] });
  });

  it('strips trailing punctuation from in-text pandoc keys', () => {
    assert.deepEqual(findCitedKeys('See @doe99. And @roe2000:', KNOWN).unknown, ['doe99', 'roe2000']);
  });

  it('reads keys after the comment trigger, and does not read the trigger as a pandoc key', () => {
    const text = '# uses the method of @cite:awq2023 and @cite:unknown2020\n// @cite:galore_nd';
    assert.deepEqual(findCitedKeys(text, KNOWN, { commentTrigger: '@cite:' }), {
      known: ['awq2023', 'galore_nd'],
      unknown: ['unknown2020'],
    });
  });

  it('counts known keys written bare, unless told not to, and ignores unknown bare words', () => {
    const text = 'see awq2023 (and galore_nd) but not awq2023b or xawq2023';
    assert.deepEqual(findCitedKeys(text, KNOWN), { known: ['awq2023', 'galore_nd'], unknown: [] });
    assert.deepEqual(findCitedKeys(text, KNOWN, { bareKeys: false }), { known: [], unknown: [] });
  });

  it('lists each key once, in order of first appearance across syntaxes', () => {
    const text = 'galore_nd \\cite{awq2023,galore_nd} [@awq2023] @cite:s2ft_nd awq2023';
    assert.deepEqual(findCitedKeys(text, KNOWN, { commentTrigger: '@cite:' }).known, ['galore_nd', 'awq2023', 's2ft_nd']);
  });

  it('ignores LaTeX syntax when told to (code files)', () => {
    assert.deepEqual(findCitedKeys('"\\\\cite{doe99}"', KNOWN, { latex: false }), { known: [], unknown: [] });
  });

  it('finds nothing in empty text', () => {
    assert.deepEqual(findCitedKeys('', KNOWN), { known: [], unknown: [] });
  });
});

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

describe('bare keys and aliases', () => {
  it('counts a bare key only when it has a digit or _, never a plain word such as galore', () => {
    const known = new Set(['galore', 'awq2023', 'low_rank_matrix']);
    assert.deepEqual(findCitedKeys('GaLore and galore, awq2023 and low_rank_matrix', known).known, ['awq2023', 'low_rank_matrix']);
    assert.deepEqual(findCitedKeys('\\cite{galore} and [@galore]', known).known, ['galore']);
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
