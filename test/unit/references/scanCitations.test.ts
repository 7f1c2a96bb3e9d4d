import assert from 'node:assert/strict';
import { scanCitations } from '../../../src/core/references/scanCitations';

/** `key@line:column` for each citation (and `def:` for definitions), to compare in one line. */
function found(text: string, languageId: string, commentTrigger?: string): string[] {
  return scanCitations(text, languageId, { commentTrigger }).map(({ key, kind, line, column }) => `${kind === 'definition' ? 'def:' : ''}${key}@${line}:${column}`);
}

function keys(text: string, languageId: string): string[] {
  return scanCitations(text, languageId).map((occurrence) => occurrence.key);
}

describe('citation scanner', () => {
  describe('LaTeX', () => {
    it('reads \\cite and the natbib and biblatex commands, with exact 1-based positions', () => {
      const text = 'As shown \\cite{awq2023}.\nSee \\citep{galore_nd} and \\citet{lora_nd}; \\textcite{a} \\parencite{b} \\autocite{c}.';
      assert.deepEqual(found(text, 'latex'), ['awq2023@1:16', 'galore_nd@2:12', 'lora_nd@2:34', 'a@2:54', 'b@2:68', 'c@2:81']);
    });

    it('reads starred forms, optional arguments, several keys, spaces and line breaks between keys', () => {
      const text = '\\citep*[see][p.~4]{a, b,c}\n\\parencite*[ch.~2]{ d ,\n  e}\\footcite{f}\\citeauthor{g}\\citeyear{h}\\Textcite{i}\\citealp{j}\\smartcite{k}\\nocite{l}';
      assert.deepEqual(keys(text, 'latex'), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']);
      assert.deepEqual(found('\\cite{a,\n  bb}', 'latex'), ['a@1:7', 'bb@2:3']);
    });

    it('reads biblatex multicite commands with their notes', () => {
      assert.deepEqual(keys('\\cites(global)(notes)[see][4]{a}[5]{b,c}{d} then text {e}', 'latex'), ['a', 'b', 'c', 'd']);
      assert.deepEqual(keys('\\parencites{x}[p.~2]{y}', 'latex'), ['x', 'y']);
    });

    it('skips % comments but not an escaped \\%, and skips verbatim and \\verb', () => {
      const text = [
        '50\\% of runs \\cite{kept}',
        '% \\cite{commented}',
        'text % later \\cite{commented2}',
        '\\\\% \\cite{afterlinebreak}',
        '\\begin{verbatim}\n\\cite{inverbatim}\n\\end{verbatim}',
        '\\verb|\\cite{inverb}| \\cite{after}',
      ].join('\n');
      assert.deepEqual(keys(text, 'latex'), ['kept', 'after']);
    });

    it('ignores commands that take no keys, \\nocite{*} and keys with spaces, and reads \\bibitem as a definition', () => {
      assert.deepEqual(keys('\\citetext{priv. comm.} \\citestyle{plain} \\nocite{*} \\cite{two words} \\DeclareCiteCommand{\\x}', 'latex'), []);
      assert.deepEqual(found('\\begin{thebibliography}{9}\n\\bibitem[Lin et al.]{awq2023} AWQ.\n\\end{thebibliography}', 'latex'), ['def:awq2023@2:22']);
    });

    it('counts columns in UTF-16 code units, as VS Code does', () => {
      assert.deepEqual(found('😀 é \\cite{k}', 'latex'), ['k@1:12']);
    });
  });

  describe('pandoc Markdown', () => {
    it('reads bracketed citations with locators, several keys, suppressed authors and in-text citations', () => {
      const text = 'Blah [@a; @b, p. 4].\nSee [-@c] and [see @d, chap. 2; also @e].\n@f says so, and so does @g.';
      assert.deepEqual(found(text, 'markdown'), ['a@1:8', 'b@1:12', 'c@2:8', 'd@2:21', 'e@2:39', 'f@3:2', 'g@3:26']);
    });

    it("keys follow pandoc's rules: internal punctuation, no trailing punctuation, {braced} keys", () => {
      assert.deepEqual(keys('@doe:2020. and @smith.jones-99, and @x..y, @{my key}, @{https://x.org/a?b=1}', 'markdown'), [
        'doe:2020',
        'smith.jones-99',
        'x',
        'my key',
        'https://x.org/a?b=1',
      ]);
    });

    it('is not fooled by e-mail addresses, escaped @, handles, or @ inside words', () => {
      assert.deepEqual(keys('Write to user@example.com or \\@notakey, see twitter.com/@handle and a+@b and x-@y.', 'markdown'), []);
    });

    it('pairs inline code spans by backtick count within a paragraph only', () => {
      assert.deepEqual(keys('``a ` @in `` @out1 ``` @out2 `x` @out3', 'markdown'), ['out1', 'out2', 'out3']);
      assert.deepEqual(keys("``quoted'' @a\n\nnext paragraph @b and ``x", 'markdown'), ['a', 'b']);
    });

    it('skips fenced code, inline code and HTML comments, but reads raw LaTeX citations', () => {
      const text = '```python\n@property\ndef f(self): ...\n```\nUse `@decorator` here. <!-- [@hidden] -->\nReal [@kept] and \\cite{latexkey}.\n~~~\n@also_code\n~~~\n';
      assert.deepEqual(keys(text, 'markdown'), ['kept', 'latexkey']);
    });
  });

  describe('code comments', () => {
    it('reads the trigger in line comments, block comments and docstrings of Python and TypeScript', () => {
      const python = 'import torch  # see @cite:galore_nd\n\n@property\ndef rank(self):\n    """Rank as in @cite:lora_nd."""\n    return "@cite:instring"\n';
      assert.deepEqual(found(python, 'python'), ['galore_nd@1:27', 'lora_nd@5:25']);
      const ts = '/**\n * Low-rank update (@cite:lora_nd).\n */\nconst url = "http://x.org/@cite:nope"; // @cite:awq2023\nconst t = `@cite:template`;';
      assert.deepEqual(found(ts, 'typescript'), ['lora_nd@2:27', 'awq2023@4:49']);
    });

    it('reads other languages: C, Rust with lifetimes, Go, shell, R, Julia, Lua, SQL and HTML', () => {
      assert.deepEqual(keys("fn f<'a>(x: &'a str) {} // @cite:rust1\nlet c = '#'; /* @cite:rust2 */", 'rust'), ['rust1', 'rust2']);
      assert.deepEqual(keys('int x; /* multi\n line @cite:c1 */ char *s = "// @cite:no";', 'c'), ['c1']);
      assert.deepEqual(keys('s := `@cite:raw` // @cite:go1', 'go'), ['go1']);
      assert.deepEqual(keys('echo "${#arr[@]}" # @cite:sh1\necho \'# @cite:no\'', 'shellscript'), ['sh1']);
      assert.deepEqual(keys('x <- 1 # @cite:r1', 'r'), ['r1']);
      assert.deepEqual(keys('#= block @cite:jl1 =#\nx = 1 # @cite:jl2', 'julia'), ['jl1', 'jl2']);
      assert.deepEqual(keys('--[[ @cite:lua1 ]]\nlocal s = "--@cite:no" -- @cite:lua2', 'lua'), ['lua1', 'lua2']);
      assert.deepEqual(keys("SELECT '-- @cite:no' -- @cite:sql1\n/* @cite:sql2 */", 'sql'), ['sql1', 'sql2']);
      assert.deepEqual(keys('<p>@cite:no</p><!-- @cite:html1 -->', 'html'), ['html1']);
    });

    it('uses the configured trigger, and reads it anywhere in plain text', () => {
      assert.deepEqual(keys('// ref:awq2023', 'typescript'), []);
      assert.deepEqual(found('// ref:awq2023', 'typescript', 'ref:'), ['awq2023@1:8']);
      assert.deepEqual(found('notes: @cite:a_b.c-1.', 'plaintext'), ['a_b.c-1@1:14']);
    });
  });

  describe('.bib files', () => {
    it('reads each entry key as a definition with its line, and skips @string, @preamble and @comment', () => {
      const bib = '@string{x = "y"}\n@comment{not, this}\n@misc{awq2023,\n  title = {AWQ}}\n\n  @Article ( galore_nd ,\n title={G}}\n@preamble{"\\newcommand"}';
      assert.deepEqual(found(bib, 'bibtex'), ['def:awq2023@3:7', 'def:galore_nd@6:14']);
    });
  });

  describe('hostile input (a slow scan would time the test out)', () => {
    const size = 400_000;
    it('LaTeX: unclosed braces and brackets, comment signs and backslash runs everywhere', () => {
      assert.equal(keys('\\cite{'.repeat(size / 6), 'latex').length, 0);
      assert.equal(keys('\\citep['.repeat(size / 7), 'latex').length, 0);
      assert.equal(keys('\\cites'.repeat(size / 6), 'latex').length, 0);
      assert.equal(keys('\\cite{k}%'.repeat(size / 9), 'latex').length, 1, 'only the first: the rest of the line is a comment');
      assert.equal(keys(`${'\\\\'.repeat(size / 2)}%\\cite{x}`, 'latex').length, 0);
      assert.equal(keys('\\cite{a}\n'.repeat(size / 9), 'latex').length, Math.floor(size / 9));
    });

    it('Markdown: @ runs, brackets, backticks and fences without end', () => {
      assert.equal(keys('@'.repeat(size), 'markdown').length, 0);
      assert.equal(keys('[@a; '.repeat(size / 5), 'markdown').length, size / 5);
      assert.equal(keys('a@b.c '.repeat(size / 6), 'markdown').length, 0);
      assert.equal(keys(`x ${'`'.repeat(size / 2)} @k ${'``x`'.repeat(size / 8)}`, 'markdown').length, 1, 'an unmatched run of backticks is literal');
      assert.equal(keys(`\`\`\`\n${'@k\n'.repeat(size / 3)}`, 'markdown').length, 0, 'an unclosed fence runs to the end');
      assert.equal(keys('<!--'.repeat(size / 4), 'markdown').length, 0);
    });

    it('Markdown: brackets nested or unclosed, links, link labels and front matter without end', () => {
      assert.equal(keys(`${'['.repeat(size / 2)}@k${']'.repeat(size / 2)}`, 'markdown').length, 1);
      assert.equal(keys(`${'['.repeat(size)}@k`, 'markdown').length, 1);
      assert.equal(keys('[@k](u)'.repeat(size / 7), 'markdown').length, 0, 'links are no citations');
      assert.equal(keys('[@k]:'.repeat(size / 5), 'markdown').length, 0, 'the first defines the label [@k], the rest link to it');
      assert.equal(keys('x [@k]:'.repeat(size / 8), 'markdown').length, size / 8, 'no label is defined: none starts a line');
      assert.equal(keys(`${'[@a]: u\n'.repeat(size / 16)}${'[@a] '.repeat(size / 10)}`, 'markdown').length, 0, 'shortcut links to a defined label');
      assert.equal(keys(`---\nreferences:\n${'  - id: x\n'.repeat(size / 10)}@x`, 'markdown').length, size / 10 + 1);
      assert.equal(keys(`---\n${'bibliography: a\n'.repeat(size / 16)}`, 'markdown').length, 0);
    });

    it('code: unclosed strings, block comments and docstrings, and triggers everywhere', () => {
      assert.equal(keys('"'.repeat(size), 'python').length, 0);
      assert.equal(keys('"""'.repeat(size / 3), 'python').length, 0);
      assert.equal(keys('/*'.repeat(size / 2), 'typescript').length, 0);
      assert.equal(keys("'a".repeat(size / 2), 'rust').length, 0);
      assert.equal(keys('// @cite:k\n'.repeat(size / 11), 'typescript').length, Math.floor(size / 11));
      assert.equal(keys('@cite:'.repeat(size / 6), 'python').length, 0);
    });
  });
});
