import assert from 'node:assert/strict';
import { extractPassage, MAX_PASSAGE_CHARS } from '../../../src/core/passage/extractPassage';
import { passageWords } from '../../../src/core/passage/passageWords';

const CURSOR = '‸';

/** The passage at the `‸` in `marked` (the end when there is none), as its words joined by spaces. */
function wordsAt(marked: string, languageId: string): string {
  const at = marked.indexOf(CURSOR);
  const text = marked.replace(CURSOR, '');
  const passage = extractPassage(text, languageId, at < 0 ? text.length : at);
  assert.ok(passage, 'a passage is found');
  return passageWords(passage).map((word) => word.word).join(' ');
}

describe('passage extraction', () => {
  describe('Markdown', () => {
    it('takes the paragraph around the cursor, not its neighbours or the heading', () => {
      const text = '# Title words\n\nFirst paragraph about pruning.\n\nSecond one on low‸ rank\nadapters here.\n\nThird about decoding.';
      assert.equal(wordsAt(text, 'markdown'), 'Second one on low rank adapters');
    });

    it('takes the paragraph above when the cursor is on a blank line or at the end', () => {
      assert.equal(wordsAt('Thinking about quantization.\n\n‸\n', 'markdown'), 'Thinking about quantization');
      assert.equal(wordsAt('Thinking about quantization.\n\nThen speculative decoding.\n', 'markdown'), 'Then speculative decoding');
    });

    it('strips code, links, math, HTML, and existing citations of every syntax', () => {
      const text = 'Sparse **experts** [@moe; @b, p. 4] and -@c and @d with `torch.topk(x)` and $W x + b$ see [docs](https://x.org/a) <kbd>k</kbd> \\cite{e} mail a@b.org‸';
      assert.equal(wordsAt(text, 'markdown'), 'Sparse experts and and with and docs mail');
    });

    it('treats a fenced code block as a boundary and never reads it as prose', () => {
      const text = 'Gradient projection saves memory.\n```python\nopt = GaLore(params)\n```\n‸';
      assert.equal(wordsAt(text, 'markdown'), 'Gradient projection saves memory');
    });
  });

  describe('LaTeX', () => {
    it('takes the paragraph, stopping at blank lines and sectioning commands', () => {
      const text = '\\section{Method}\nWe quantize weights‸ to four bits.\n\\subsection{Details}\nOther text.';
      assert.equal(wordsAt(text, 'latex'), 'We quantize weights to four bits');
    });

    it('strips commands but keeps their prose arguments, and strips math, comments, refs and citations (and words like Fig.)', () => {
      const text = 'The \\emph{low-rank} update $\\Delta W = BA$ of rank~$r$ \\citep[p.~3]{lora_nd, b} (Fig.~\\ref{fig:x}) % a comment\nis merged\\footnote{After \\textbf{training}.} \\[ x^2 \\] here‸';
      assert.equal(wordsAt(text, 'latex'), 'The low rank update of rank is merged After training');
    });

    it('drops equation environments inside the paragraph', () => {
      const text = 'Attention costs\n\\begin{equation*}\nO(n^2 d)\n\\end{equation*}\nfor long sequences‸';
      assert.equal(wordsAt(text, 'latex'), 'Attention costs for long sequences');
    });
  });

  describe('code comments', () => {
    it('Python: joins consecutive # comments, leaves code and strings out', () => {
      const text = 'x = "not # a comment"\n# Mixture of experts\n# routing with top-k gates‸\ny = route(x)  # unrelated';
      assert.equal(wordsAt(text, 'python'), 'Mixture of experts routing with top gates');
    });

    it('Python: reads a docstring, and blanks code-like lines, doctests and @cite keys', () => {
      const text = 'def f():\n    """Speculative decoding with a draft model @cite:specdec_nd.\n\n    >>> f(x=1)\n    out = draft(x)[0]  # (B, T)\n    """\n‸';
      assert.equal(wordsAt(text, 'python'), 'Speculative decoding with draft model');
    });

    it('TypeScript: reads // and /** */ comments, with JSDoc tags and dotted names stripped', () => {
      assert.equal(wordsAt('/**\n * Prefill packing for batches.‸\n * @param prompts the prompts\n */\nfunction f() {}', 'typescript'), 'Prefill packing for batches the prompts');
      assert.equal(wordsAt('const a = 1; // KV cache reuse via cache.get(key)‸', 'typescript'), 'KV cache reuse via');
    });

    it('takes the comment block nearest above the cursor when the cursor is in code', () => {
      const text = '// first block about pruning\nint a;\n\n// second block about quantization\n// again second\nint b = 0;‸\nint c; // after';
      assert.equal(wordsAt(text, 'c'), 'second block about quantization again second');
    });

    it('reads the comments of C, Java, Go, Rust, shell, R, Julia, Lua, SQL and HTML', () => {
      const cases: Array<[string, string, string]> = [
        ['cpp', 'int x; /* block comment words */‸', 'block comment words'],
        ['java', '/** Javadoc words. */‸\nclass A {}', 'Javadoc words'],
        ['go', '// Go words\n// more‸\nfunc f() {}', 'Go words more'],
        ['rust', "/// Rust doc words\nfn f<'a>() {}‸", 'Rust doc words'],
        ['shellscript', 'echo "$#" # shell words‸', 'shell words'],
        ['r', 'x <- 1 # R words‸', 'words'],
        ['julia', '#= Julia block\nwords =#‸', 'Julia block words'],
        ['lua', '-- Lua words‸', 'Lua words'],
        ['sql', 'SELECT 1; -- SQL words‸', 'SQL words'],
        ['html', '<p>text</p><!-- HTML words -->‸', 'HTML words'],
      ];
      for (const [languageId, text, expected] of cases) assert.equal(wordsAt(text, languageId), expected, languageId);
    });

    it('finds no passage in code without comments', () => {
      assert.equal(extractPassage('const x = 1;\n', 'typescript', 5), null);
    });
  });

  it('uses a selection as it is, and cuts a huge paragraph around the cursor', () => {
    const text = 'alpha beta gamma delta';
    const selected = extractPassage(text, 'markdown', 0, { start: 6, end: 16 });
    assert.ok(selected);
    assert.equal(selected.kind, 'selection');
    assert.equal(selected.cursor, null);
    assert.deepEqual(passageWords(selected).map((word) => word.word), ['beta', 'gamma']);
    const huge = 'word '.repeat(100_000);
    const passage = extractPassage(huge, 'markdown', huge.length / 2);
    assert.ok(passage);
    assert.ok(passage.pieces.reduce((sum, piece) => sum + piece.text.length, 0) <= MAX_PASSAGE_CHARS);
  });
});
