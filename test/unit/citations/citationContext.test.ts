import assert from 'node:assert/strict';
import { CONTEXT_WINDOW, citationContextAt, citedWithSyntax, commentLeader } from '../../../src/citations/citationContext';

const TRIGGER = '@cite:';

describe('citationContextAt', () => {
  describe('LaTeX', () => {
    for (const command of ['\\cite{', '\\citep{', '\\citet{', '\\parencite{', '\\autocite{', '\\textcite*{', '\\citep[see][p.~3]{']) {
      it(`offers keys right after ${command}`, () => {
        const line = `Prior work ${command}`;
        assert.deepEqual(citationContextAt(line, 'latex', TRIGGER), { kind: 'latex', start: line.length, typed: '' });
      });
    }

    it('offers keys after a comma, replacing only the key being typed', () => {
      const line = '\\cite{awq2023, gal';
      assert.deepEqual(citationContextAt(line, 'latex', TRIGGER), { kind: 'latex', start: line.length - 3, typed: 'gal' });
      assert.deepEqual(citationContextAt('\\cite{a,', 'latex', TRIGGER), { kind: 'latex', start: 8, typed: '' });
    });

    it('offers nothing after a closed command, outside one, or in a LaTeX comment', () => {
      assert.equal(citationContextAt('\\cite{awq2023} and ', 'latex', TRIGGER), null);
      assert.equal(citationContextAt('\\section{', 'latex', TRIGGER), null);
      assert.equal(citationContextAt('% \\cite{', 'latex', TRIGGER), null);
      assert.equal(citationContextAt('\\cite{foo bar', 'latex', TRIGGER), null);
      assert.equal(citationContextAt('\\cite{', 'python', TRIGGER), null);
    });

    it('reads a 100% as text, not as a comment', () => {
      assert.equal(citationContextAt('100\\% of \\cite{', 'latex', TRIGGER)?.kind, 'latex');
    });
  });

  describe('Markdown', () => {
    it('inside brackets completes the key after @', () => {
      assert.deepEqual(citationContextAt('As shown [@', 'markdown', TRIGGER), { kind: 'pandoc', start: 11, typed: '', bracketed: true });
      assert.deepEqual(citationContextAt('[see @awq2023, p. 3; @ga', 'markdown', TRIGGER), { kind: 'pandoc', start: 22, typed: 'ga', bracketed: true });
      assert.deepEqual(citationContextAt('[-@', 'markdown', TRIGGER), { kind: 'pandoc', start: 3, typed: '', bracketed: true });
    });

    it('outside brackets, once a key is started, replaces the @ (and what follows) with [@key]', () => {
      assert.deepEqual(citationContextAt('As shown @a', 'markdown', TRIGGER), { kind: 'pandoc', start: 9, typed: '@a', bracketed: false });
      assert.deepEqual(citationContextAt('@aw', 'markdown', TRIGGER), { kind: 'pandoc', start: 0, typed: '@aw', bracketed: false });
      assert.deepEqual(citationContextAt('[a link](x) then @aw', 'markdown', TRIGGER), { kind: 'pandoc', start: 17, typed: '@aw', bracketed: false });
    });

    it('offers nothing for a bare @ in running text, nor for one before punctuation', () => {
      assert.equal(citationContextAt('ping @', 'markdown', TRIGGER), null);
      assert.equal(citationContextAt('[a link](x) then @', 'markdown', TRIGGER), null);
      assert.equal(citationContextAt('ping @-', 'markdown', TRIGGER), null);
    });

    it('offers nothing in an e-mail address', () => {
      assert.equal(citationContextAt('write to me@', 'markdown', TRIGGER), null);
    });

    it('also completes raw LaTeX citations in Markdown', () => {
      assert.equal(citationContextAt('text \\citep{', 'markdown', TRIGGER)?.kind, 'latex');
    });
  });

  describe('comments', () => {
    it('completes after the trigger in a line comment, with the comment\'s leader', () => {
      assert.deepEqual(citationContextAt('    x = f(y)  # see @cite:aw', 'python', TRIGGER),
        { kind: 'comment', start: 26, triggerStart: 20, typed: 'aw', leader: '              # ' });
      assert.deepEqual(citationContextAt('// @cite:', 'typescript', TRIGGER), { kind: 'comment', start: 9, triggerStart: 3, typed: '', leader: '// ' });
      assert.equal(citationContextAt('% @cite:', 'latex', TRIGGER)?.kind, 'comment');
    });

    it('completes in block comments and JSDoc lines', () => {
      assert.deepEqual(citationContextAt('<!-- @cite:', 'markdown', TRIGGER), { kind: 'comment', start: 11, triggerStart: 5, typed: '', leader: '' });
      assert.equal(citationContextAt(' * Based on @cite:', 'typescript', TRIGGER)?.kind, 'comment');
      assert.equal(citationContextAt('/* @cite:', 'css', TRIGGER)?.kind, 'comment');
    });

    it('offers nothing after the trigger in code, in a closed block comment, or in languages without comments', () => {
      assert.equal(citationContextAt('const s = "@cite:', 'typescript', TRIGGER), null);
      assert.equal(citationContextAt('url = "http://x" + @cite:', 'typescript', TRIGGER), null);
      assert.equal(citationContextAt('/* x */ @cite:', 'css', TRIGGER), null);
      assert.equal(citationContextAt('{"a": "@cite:', 'json', TRIGGER), null);
    });

    it('uses the configured trigger', () => {
      assert.equal(citationContextAt('# ref:', 'python', 'ref:')?.kind, 'comment');
      assert.equal(citationContextAt('# @cite:', 'python', 'ref:'), null);
    });
  });

  describe('a bounded window before the cursor', () => {
    it('reads a citation at the end of a long line', () => {
      const prose = 'word '.repeat(2000);
      assert.deepEqual(citationContextAt(`${prose}\\cite{aw`, 'latex', TRIGGER), { kind: 'latex', start: prose.length + 6, typed: 'aw' });
      assert.deepEqual(citationContextAt(`${prose}[@aw`, 'markdown', TRIGGER), { kind: 'pandoc', start: prose.length + 2, typed: 'aw', bracketed: true });
      assert.equal(citationContextAt(`x = 1  # ${prose}@cite:aw`, 'python', TRIGGER)?.kind, 'comment');
    });

    it('still sees a comment or a string that starts before the window', () => {
      const prose = 'word '.repeat(2000);
      assert.equal(citationContextAt(`x = "${prose}@cite:aw`, 'python', TRIGGER), null, 'in a string');
      assert.equal(citationContextAt(`% ${prose}\\cite{aw`, 'latex', TRIGGER), null, 'in a LaTeX comment');
    });

    it('offers nothing for a citation opened before the window', () => {
      assert.equal(citationContextAt(`\\cite{${'a,'.repeat(CONTEXT_WINDOW)}`, 'latex', TRIGGER), null);
      assert.equal(citationContextAt(`[@${'a'.repeat(CONTEXT_WINDOW + 1)}`, 'markdown', TRIGGER), null);
    });

    it('reads hostile lines right: a 40 KB hex literal, \\cite[ with no ], runs of braces, key characters and @', () => {
      // Each of these cost seconds per keystroke with patterns anchored at the end of the line (bench: hostileCompletionRatio).
      assert.equal(citationContextAt(`x = 0x${'0123456789abcdef'.repeat(2560)}`, 'python', TRIGGER), null);
      assert.equal(citationContextAt(`\\cite${'['.repeat(40000)}`, 'latex', TRIGGER), null);
      assert.deepEqual(citationContextAt(`\\cite{${'{'.repeat(40000)}`, 'latex', TRIGGER), null);
      assert.equal(citationContextAt(`${'\\cite[a]'.repeat(5000)}{`, 'latex', TRIGGER)?.kind, 'latex');
      assert.equal(citationContextAt(`[@${'a-'.repeat(20000)}`, 'markdown', TRIGGER), null);
      assert.equal(citationContextAt(`${'@a'.repeat(20000)}`, 'markdown', TRIGGER), null);
      assert.equal(citationContextAt(`${'% '.repeat(20000)}\\cite{`, 'latex', TRIGGER), null);
    });
  });
});

describe('commentLeader', () => {
  it('is null outside comments, and in strings that hold a comment marker', () => {
    assert.equal(commentLeader('x = 1 ', 'python'), null);
    assert.equal(commentLeader('x = "# not a comment" ', 'python'), null);
    assert.equal(commentLeader('  x = 1  # a comment ', 'python'), '         # ');
  });
});

describe('citedWithSyntax', () => {
  /** Whether `key`, where it first occurs in `line`, is written as a citation. */
  const cited = (line: string, key: string, languageId: string): boolean => {
    const start = line.indexOf(key);
    return citedWithSyntax(line, { key, start, end: start + key.length }, languageId, TRIGGER);
  };

  it('is true for a key in \\cite{...}, in a pandoc citation and after the comment trigger', () => {
    assert.equal(cited('See \\cite{awq2023, galore} here', 'galore', 'latex'), true);
    assert.equal(cited('As shown [@galore; @awq2023].', 'galore', 'markdown'), true);
    assert.equal(cited('As shown @galore.', 'galore', 'markdown'), true);
    assert.equal(cited('x = 1  # @cite:galore', 'galore', 'python'), true);
  });

  it('is false for the same word in prose or code', () => {
    assert.equal(cited('We galore in \\cite{x}', 'galore', 'latex'), false);
    assert.equal(cited('galore is a word', 'galore', 'markdown'), false);
    assert.equal(cited('# see galore', 'galore', 'python'), false);
    assert.equal(cited('\\cite{x-galore}', 'galore', 'latex'), false);
  });
});
