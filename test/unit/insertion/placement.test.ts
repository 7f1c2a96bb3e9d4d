import assert from 'node:assert/strict';
import { formatCitation } from '../../../src/core/citations/formats';
import { wordBoundary } from '../../../src/core/insertion/lineText';
import { citationInDocument, placeCitation } from '../../../src/core/insertion/placement';
import type { PlacementMode } from '../../../src/core/insertion/placementRequest';
import type { Paper } from '../../../src/core/types';

/** `text` with `|` marking the cursor, the citation placed, and the result with the insertion made. */
function place(marked: string, languageId: string, citation: string, formatId: string, mode: PlacementMode): string {
  const cursor = marked.indexOf('|');
  assert.ok(cursor >= 0, 'the text marks the cursor with |');
  const text = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const { offset, text: inserted } = placeCitation({ text, languageId, cursor, citation, formatId, mode });
  return text.slice(0, offset) + inserted + text.slice(offset);
}

const pandoc = (marked: string, mode: PlacementMode = 'passage'): string => place(marked, 'markdown', '[@key]', 'pandoc', mode);
const latex = (marked: string, mode: PlacementMode = 'passage'): string => place(marked, 'latex', '\\cite{key}', 'latex', mode);
const python = (marked: string, mode: PlacementMode = 'passage', citation = 'Title (2017)'): string => place(marked, 'python', citation, 'comment', mode);

describe('placement: a word boundary', () => {
  it('moves out of a word to its nearer end, the end on a tie, and leaves other places alone', () => {
    assert.equal(wordBoundary('whose', 1), 0);
    assert.equal(wordBoundary('whose', 3), 5);
    assert.equal(wordBoundary('abcd', 2), 4);
    assert.equal(wordBoundary('a whose b', 2), 2);
    assert.equal(wordBoundary('a whose b', 7), 7);
  });
});

describe('placement: a passage in prose', () => {
  it('cites at the end of the sentence the cursor is in, before its punctuation, after one space', () => {
    assert.equal(pandoc('We prune the b|ase weights. Then we merge.'), 'We prune the base weights [@key]. Then we merge.');
    assert.equal(latex('We prune the b|ase weights. Then we merge.'), 'We prune the base weights~\\cite{key}. Then we merge.');
    assert.equal(pandoc('Is pruning e|nough? We think so.'), 'Is pruning enough [@key]? We think so.');
  });

  it('ends a clause at a semicolon or a colon, not at a comma', () => {
    assert.equal(pandoc('Pruning h|elps; merging too.'), 'Pruning helps [@key]; merging too.');
    assert.equal(pandoc('Pruning, we f|ind, helps.'), 'Pruning, we find, helps [@key].');
  });

  it('cites the sentence just finished when the cursor stands after it', () => {
    assert.equal(pandoc('We prune the base weights.|'), 'We prune the base weights [@key].');
    assert.equal(pandoc('We prune the base weights.| Then we merge.'), 'We prune the base weights [@key]. Then we merge.');
    assert.equal(pandoc('We prune. |Then we merge.'), 'We prune. Then we merge [@key].');
  });

  it('reads past abbreviations, decimals, initials, ellipses, URLs, code and math', () => {
    assert.equal(pandoc('Methods, e.g.| LoRA, adapt 3.5 times faster.'), 'Methods, e.g. LoRA, adapt 3.5 times faster [@key].');
    assert.equal(pandoc('As J. Doe s|aid, see Fig. 3 and https://x.io/a.b now.'), 'As J. Doe said, see Fig. 3 and https://x.io/a.b now [@key].');
    assert.equal(pandoc('Call `f(x). g` w|ith $a. b$ here.'), 'Call `f(x). g` with $a. b$ here [@key].');
    assert.equal(pandoc('Wait... it w|orks.'), 'Wait... it works [@key].');
  });

  it('runs over wrapped lines to the sentence end, and stops at the paragraph or list item', () => {
    assert.equal(pandoc('We prune the b|ase\nweights and merge.\n\nNext.'), 'We prune the base\nweights and merge [@key].\n\nNext.');
    assert.equal(pandoc('- LoRA ad|apts weights\n- QLoRA quantizes'), '- LoRA adapts weights [@key]\n- QLoRA quantizes');
    assert.equal(pandoc('# A heading ab|out pruning'), '# A heading about pruning [@key]');
  });

  it('keeps out of a LaTeX comment at the end of the line', () => {
    assert.equal(latex('We prune w|eights % TODO: cite. more\nand merge'), 'We prune weights % TODO: cite. more\nand merge~\\cite{key}');
    assert.equal(latex('We prune w|eights % a note'), 'We prune weights~\\cite{key} % a note');
  });

  it('joins a citation already at the sentence end, and leaves a key cited there alone', () => {
    assert.equal(pandoc('We prune w|eights [@galore].'), 'We prune weights [@galore; @key].');
    assert.equal(latex('We prune w|eights~\\cite{galore}.'), 'We prune weights~\\cite{galore, key}.');
    const cited = placeCitation({ text: 'We prune weights [@key].', languageId: 'markdown', cursor: 3, citation: '[@key]', formatId: 'pandoc', mode: 'passage' });
    assert.equal(cited.alreadyCited, true);
    assert.equal(place('See w|eights~\\citep{galore}.', 'latex', '\\cite{key}', 'latex', 'passage'), 'See weights~\\citep{galore}~\\cite{key}.', 'another command is not joined');
  });

  it('puts a Markdown link where a citation goes too', () => {
    assert.equal(place('We prune w|eights.', 'markdown', '[Title](https://x) (2024)', 'markdown', 'passage'), 'We prune weights [Title](https://x) (2024).');
  });
});

describe('placement: at the cursor in prose', () => {
  it('never splits a word', () => {
    assert.equal(pandoc('We prune the ba|se weights.', 'cursor'), 'We prune the base [@key] weights.');
    assert.equal(pandoc('We prune the b|ase weights.', 'cursor'), 'We prune the [@key] base weights.');
  });

  it('never glues itself to the word before: a citation typed after a sentence goes before its punctuation', () => {
    assert.equal(pandoc('the base weights.|', 'cursor'), 'the base weights [@key].');
    assert.equal(latex('the base weights.|', 'cursor'), 'the base weights~\\cite{key}.');
    assert.equal(pandoc('the base weights|', 'cursor'), 'the base weights [@key]');
    assert.equal(pandoc('the base weights |', 'cursor'), 'the base weights [@key]');
    assert.equal(place('the base weights.|', 'markdown', '[Title](u) (2024)', 'markdown', 'cursor'), 'the base weights. [Title](u) (2024)');
  });

  it('puts a multi-line entry on lines of its own', () => {
    assert.equal(place('@misc{a}\nsome te|xt\n', 'bibtex', '@misc{b,\n}', 'bibtex', 'cursor'), '@misc{a}\nsome text\n@misc{b,\n}\n');
    assert.equal(place('@misc{a}\n|\n', 'bibtex', '@misc{b,\n}', 'bibtex', 'cursor'), '@misc{a}\n@misc{b,\n}\n');
  });
});

describe('placement: a passage in code', () => {
  it('adds a comment line after the comment block, in its style and indentation', () => {
    assert.equal(
      python('def f():\n    # Prune attention heads wh|ose importance\n    # falls below a threshold.\n    return 1\n'),
      'def f():\n    # Prune attention heads whose importance\n    # falls below a threshold.\n    # See: Title (2017)\n    return 1\n',
    );
    assert.equal(place('x = 1  // keep the lar|gest weights\n', 'typescript', 'Title (2017)', 'comment', 'passage'), 'x = 1  // keep the largest weights\n       // See: Title (2017)\n');
  });

  it('wraps a long citation over comment lines instead of one monster line', () => {
    const title = 'To prune, or not to prune: exploring the efficacy of pruning for model compression and a very long subtitle that goes on (2017)';
    const result = python('    # Prune heads|\n', 'passage', title);
    const lines = result.split('\n');
    assert.equal(lines[0], '    # Prune heads');
    assert.ok(lines.slice(1, -1).every((line) => line.startsWith('    # ') && line.length <= 80), result);
    assert.ok(lines.slice(2, -1).every((line) => line.startsWith('    #   ')), `wrapped lines are indented under the first: ${result}`);
    assert.equal(lines.slice(1, -1).map((line) => line.slice(6).trim()).join(' '), `See: ${title}`);
  });

  it('adds a line before the end of a block comment or docstring closed on its own line', () => {
    assert.equal(
      place('/**\n * Prune h|eads.\n */\nf();\n', 'typescript', 'Title (2017)', 'comment', 'passage'),
      '/**\n * Prune heads.\n * See: Title (2017)\n */\nf();\n',
    );
    assert.equal(
      python('def f():\n    """Prune h|eads.\n\n    More.\n    """\n'),
      'def f():\n    """Prune heads.\n\n    More.\n    See: Title (2017)\n    """\n',
    );
    assert.equal(place('/* Prune h|eads. */\n', 'c', 'Title (2017)', 'comment', 'passage'), '/* Prune heads. See: Title (2017) */\n');
  });

  it('makes the citation safe for the comment it joins', () => {
    assert.equal(place('/**\n * a|\n */', 'typescript', 'x */ y', 'comment', 'passage'), '/**\n * a\n * See: x * / y\n */');
  });
});

describe('placement: at the cursor in code', () => {
  it('joins a comment at the nearest word boundary, never inside a word', () => {
    assert.equal(python('# Prune attention heads wh|ose importance', 'cursor'), '# Prune attention heads Title (2017) whose importance');
    assert.equal(python('# Prune attention heads who|se importance', 'cursor'), '# Prune attention heads whose Title (2017) importance');
    assert.equal(python('# Prune heads|', 'cursor'), '# Prune heads Title (2017)');
  });

  it('starts a comment of its own in code: after it, or above the line when code follows', () => {
    assert.equal(python('x = 1|', 'cursor'), 'x = 1 # Title (2017)');
    assert.equal(python('    return g(|x)', 'cursor'), '    # Title (2017)\n    return g(x)');
    assert.equal(python('    |', 'cursor'), '    # Title (2017)');
  });
});

describe('placement: a citation as a document writes it', () => {
  it('keeps prose formats in prose and makes a comment of anything in code', () => {
    assert.equal(citationInDocument('[@key]', 'pandoc', 'markdown'), '[@key]');
    assert.equal(citationInDocument('Title (2017)', 'comment', 'python'), '# Title (2017)');
    assert.equal(citationInDocument('Title (2017)', 'comment', 'python', 'x = 1  # see '), 'Title (2017)');
  });
});

describe('placement: any format in code, every comment syntax', () => {
  const paper: Paper = {
    id: 's2ft', key: 's2ft2024', title: 'S$^{2}$FT: Efficient Fine-Tuning', abstract: 'We propose S2FT.',
    published: '2024-12-09', upvotes: 3, authorsCount: 5, organization: null, topics: ['Parameter-Efficient Fine-Tuning'],
    links: [], sources: ['page.txt'],
  };

  it('writes a BibTeX entry in Rust as comment lines, and joins block comments safely', () => {
    const entry = formatCitation(paper, 'bibtex');
    const result = place('fn main() {}\n|', 'rust', entry, 'bibtex', 'cursor');
    const added = result.split('\n').slice(1);
    assert.ok(added.every((line) => line.startsWith('// ') && line.length <= 80), result);
    assert.match(added.map((line) => line.slice(3).trim()).join(' '), /@misc\{s2ft2024, title = \{\{S\$\^\{2\}\$FT: Efficient Fine-Tuning\}\}, year = \{2024\}, month = dec \}/);
    assert.equal(place('/* see | */', 'css', 'a */ b', 'comment', 'cursor'), '/* see a * / b */');
    assert.equal(place('<!-- see | -->', 'markdown', 'a --> b', 'comment', 'cursor'), '<!-- see a - -> b -->');
  });

  it('starts a comment of its own where the marker is inside a string, not a comment', () => {
    assert.equal(place('url = "a # b" + |', 'python', 'GaLore', 'comment', 'cursor'), 'url = "a # b" + # GaLore');
  });

  it('keeps a prose format as it reads in LaTeX, even in a LaTeX comment', () => {
    assert.equal(place('% see |', 'latex', '\\cite{k}', 'latex', 'cursor'), '% see \\cite{k}');
  });

  it('keeps every line break of every field out of a citation in code', () => {
    const breaks = 'a\rb\nc\u0085d\u2028e\u2029f\u000bg\u000ch';
    const hostile = { ...paper, title: `T ${breaks}`, organization: `O ${breaks}`, topics: [`Topic ${breaks}`], published: null };
    for (const [languageId, before] of [['python', ''], ['python', '# see '], ['javascript', 'x(); // '], ['html', '<!-- '], ['c', '/* ']]) {
      for (const format of ['comment', 'bibtex'] as const) {
        const text = `${before}|`;
        const result = place(text, languageId, formatCitation(hostile, format), format, 'cursor');
        const added = result.slice(before.length);
        assert.ok(!/[\r\u0085\u2028\u2029\v\f]/.test(added), `${languageId} ${format}: ${JSON.stringify(added)}`);
        if (before) assert.ok(!added.includes('\n'), `${languageId} ${format} joins the comment on its line: ${JSON.stringify(added)}`);
      }
    }
  });
});

describe('placement: a writer\'s own spacing', () => {
  it('uses a space already before the full stop instead of adding one', () => {
    assert.equal(pandoc('so that training fits in memory |.'), 'so that training fits in memory [@key].');
    assert.equal(pandoc('We prune w|eights .'), 'We prune weights [@key].');
  });
});
