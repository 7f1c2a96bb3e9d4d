import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CITATION_FORMATS, describeCitation, formatCitation } from '../../../src/core/citations/formats';
import { AWQ, INFLLM, makePaper, S2FT } from './fixtures';

const AWQ_URL = 'https://huggingface.co/papers?q=AWQ+Activation-aware+Weight+Quantization+for+LLM+Compression+and+Acceleration';
const S2FT_URL = 'https://huggingface.co/papers?q=S2FT+Efficient+Scalable+and+Generalizable+LLM+Fine-tuning+by+Structured+Sparsity';

describe('CITATION_FORMATS', () => {
  it('lists each built-in format once, with a label and a description (the setting offers exactly these: settings/definitions.test.ts)', () => {
    const ids = CITATION_FORMATS.map((format) => format.id);
    assert.equal(new Set(ids).size, ids.length, 'a format is listed twice');
    for (const format of CITATION_FORMATS) {
      assert.ok(format.label.length > 0 && format.description.length > 0, format.id);
    }
  });
});

/** A paper as the user's library has it: named authors, a venue, a DOI, an arXiv id and the entry's type. */
const LIBRARY_AWQ = {
  ...AWQ,
  authors: [{ family: 'Lin', given: 'Ji' }, { family: 'Tang', given: 'Jiaming' }],
  moreAuthors: true as const,
  venue: 'MLSys',
  doi: '10.48550/arXiv.2306.00978',
  arxiv: '2306.00978',
  library: [{ type: 'inproceedings' }],
};

describe('formatCitation: BibTeX', () => {
  it('writes only what the corpus knows: the protected title, year and month, no note, no search URL, no topics', () => {
    assert.equal(formatCitation(AWQ, 'bibtex'), [
      '@misc{awq2023,',
      '  title = {{AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration}},',
      '  year = {2023},',
      '  month = jun',
      '}',
    ].join('\n'));
  });

  it('keeps the LaTeX of the title and leaves out an unknown date', () => {
    assert.equal(formatCitation(S2FT, 'bibtex'), [
      '@misc{s2ft,',
      '  title = {{S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity}}',
      '}',
    ].join('\n'));
  });

  it('has no field that would print wrongly: no author count, no organisation as a note, no url of a search page', () => {
    for (const paper of [AWQ, S2FT, INFLLM]) {
      const entry = formatCitation(paper, 'bibtex');
      assert.doesNotMatch(entry, /note|author|url|keywords|huggingface|n\.d\./i, entry);
    }
  });

  it('takes authors, venue, type and identifiers from the user\'s library when it has the paper', () => {
    assert.equal(formatCitation(LIBRARY_AWQ, 'bibtex'), [
      '@inproceedings{awq2023,',
      '  author = {Lin, Ji and Tang, Jiaming and others},',
      '  title = {{AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration}},',
      '  booktitle = {MLSys},',
      '  year = {2023},',
      '  month = jun,',
      '  doi = {10.48550/arXiv.2306.00978},',
      '  eprint = {2306.00978},',
      '  archiveprefix = {arXiv}',
      '}',
    ].join('\n'));
    assert.match(formatCitation({ ...S2FT, authors: [{ family: 'OpenBMB Team' }], url: 'https://x.io/a%20b#c' }, 'bibtex'), /author = \{\{OpenBMB Team\}\},[\s\S]*url = \{https:\/\/x\.io\/a\\%20b\\#c\}/);
  });

  it('escapes BibTeX-special characters in titles, keeping escapes already there', () => {
    const paper = makePaper({ key: 'odd_nd', title: 'Q&A on 50% of #tags_and 93\\% {\\alpha} $x_1$ costs $5' });
    const entry = formatCitation(paper, 'bibtex');
    assert.match(entry, /^ {2}title = \{\{Q\\&A on 50\\% of \\#tags\\_and 93\\% \{\\alpha\} \$x_1\$ costs \\\$5\}\}$/m);
    assert.match(formatCitation({ ...paper, venue: 'R&D_Lab {50%}' }, 'bibtex'), /^ {2}howpublished = \{R\\&D\\_Lab \\textbraceleft\{\}50\\%\\textbraceright\{\}\},?$/m);
  });

  it('drops braces that would unbalance the entry', () => {
    const entry = formatCitation(makePaper({ key: 'stray_nd', title: 'Stray} {brace {kept} here' }), 'bibtex');
    assert.match(entry, /^ {2}title = \{\{Stray brace \{kept\} here\}\}$/m);
  });
});

describe('formatCitation: BibLaTeX', () => {
  it('writes @misc with an ISO date when no URL is known', () => {
    assert.equal(formatCitation(INFLLM, 'biblatex'), [
      '@misc{infllmv2_2025,',
      '  title = {{InfLLM-V2: Dense-Sparse Switchable Attention for Seamless Short-to-Long Adaptation}},',
      '  date = {2025-09-29}',
      '}',
    ].join('\n'));
  });

  it('has no date field when the date is unknown, and writes @online for a work known by its URL', () => {
    assert.doesNotMatch(formatCitation(S2FT, 'biblatex'), /date|year/);
    assert.match(formatCitation({ ...S2FT, url: 'https://example.org/s2ft' }, 'biblatex'), /^@online\{s2ft,[\s\S]*url = \{https:\/\/example\.org\/s2ft\}\n\}$/);
    assert.match(formatCitation(LIBRARY_AWQ, 'biblatex'), /^@inproceedings\{awq2023,\n {2}author = \{Lin, Ji and Tang, Jiaming and others\},[\s\S]*booktitle = \{MLSys\},\n {2}date = \{2023-06-01\},[\s\S]*eprinttype = \{arxiv\}\n\}$/);
  });
});

describe('formatCitation: CSL-JSON', () => {
  it('is a JSON array with one "article" item and issued date-parts, and nothing else the corpus does not know', () => {
    assert.deepEqual(JSON.parse(formatCitation(AWQ, 'csl-json')), [{
      id: 'awq2023',
      type: 'article',
      title: 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
      issued: { 'date-parts': [[2023, 6, 1]] },
    }]);
  });

  it('uses the readable title, omits issued when the date is unknown, and takes the library\'s fields', () => {
    assert.deepEqual(JSON.parse(formatCitation(S2FT, 'csl-json')), [{
      id: 's2ft',
      type: 'article',
      title: 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
    }]);
    assert.deepEqual(JSON.parse(formatCitation(LIBRARY_AWQ, 'csl-json'))[0], {
      id: 'awq2023',
      type: 'paper-conference',
      author: [{ family: 'Lin', given: 'Ji' }, { family: 'Tang', given: 'Jiaming' }],
      title: 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
      'container-title': 'MLSys',
      issued: { 'date-parts': [[2023, 6, 1]] },
      DOI: '10.48550/arXiv.2306.00978',
      URL: 'https://arxiv.org/abs/2306.00978',
    });
  });
});

describe('formatCitation: one-line formats', () => {
  const expected: [paper: typeof AWQ, format: Parameters<typeof formatCitation>[1], text: string][] = [
    [AWQ, 'markdown', `[AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration](${AWQ_URL}) (2023)`],
    [S2FT, 'markdown', `[S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity](${S2FT_URL})`],
    [LIBRARY_AWQ, 'markdown', '[AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration](https://doi.org/10.48550/arXiv.2306.00978) (2023)'],
    [AWQ, 'plain', 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration. (2023).'],
    [INFLLM, 'plain', 'InfLLM-V2: Dense-Sparse Switchable Attention for Seamless Short-to-Long Adaptation. (2025).'],
    [S2FT, 'plain', 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity.'],
    [LIBRARY_AWQ, 'plain', 'Lin, J., Tang, J., et al. (2023). AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration. MLSys. https://doi.org/10.48550/arXiv.2306.00978'],
    [AWQ, 'pandoc', '[@awq2023]'],
    [S2FT, 'pandoc', '[@s2ft]'],
    [AWQ, 'latex', '\\cite{awq2023}'],
    [INFLLM, 'latex', '\\cite{infllmv2_2025}'],
    [AWQ, 'citep', '\\citep{awq2023}'],
    [AWQ, 'autocite', '\\autocite{awq2023}'],
    [AWQ, 'comment', 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration (2023)'],
    [S2FT, 'comment', 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity'],
    [LIBRARY_AWQ, 'comment', 'Lin et al., AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration (2023), https://doi.org/10.48550/arXiv.2306.00978'],
  ];
  for (const [paper, format, text] of expected) {
    it(`${format} for ${paper.key}${'authors' in paper ? ' from the library' : ''}`, () => {
      assert.equal(formatCitation(paper, format), text);
    });
  }

  it('escapes Markdown link text and ends a plain reference after ? without another period', () => {
    const paper = makePaper({ key: 'what_nd', title: 'What can a Single [Attention] Layer Learn? A *Study*' });
    assert.match(formatCitation(paper, 'markdown'), /^\[What can a Single \\\[Attention\\\] Layer Learn\? A \\\*Study\\\*\]\(https:/);
    const question = makePaper({ key: 'model_nd', title: 'Is Model Collapse Inevitable?', published: '2024-04-01' });
    assert.equal(formatCitation(question, 'plain'), 'Is Model Collapse Inevitable? (2024).');
  });
});

describe('describeCitation: what a format card says the citation holds', () => {
  it('names exactly the fields of the entry', () => {
    assert.equal(describeCitation(AWQ, 'bibtex'), '@misc with title, year and month');
    assert.equal(describeCitation(S2FT, 'bibtex'), '@misc with title');
    assert.equal(describeCitation(INFLLM, 'biblatex'), '@misc with title and date');
    assert.equal(describeCitation(LIBRARY_AWQ, 'bibtex'), '@inproceedings with author, title, booktitle, year, month, doi, eprint and archiveprefix');
    assert.equal(describeCitation(AWQ, 'csl-json'), '"article" item with title and issued');
    assert.equal(describeCitation(S2FT, 'markdown'), 'the title linking to a Hugging Face search for it');
    assert.equal(describeCitation(AWQ, 'plain'), 'title and year');
    assert.equal(describeCitation(LIBRARY_AWQ, 'comment'), 'authors, title, year and link, as one comment');
    assert.equal(describeCitation(AWQ, 'pandoc'), '[@key]');
  });

  it('agrees with the entry for every paper of the corpus shape', () => {
    for (const paper of [AWQ, S2FT, INFLLM, LIBRARY_AWQ]) {
      for (const format of ['bibtex', 'biblatex'] as const) {
        const entry = formatCitation(paper, format);
        const fields = [...entry.matchAll(/^ {2}([a-z]+) = /gm)].map((match) => match[1]);
        const type = /^@([a-z]+)\{/.exec(entry)?.[1];
        const described = describeCitation(paper, format);
        assert.ok(described.startsWith(`@${type} with `), described);
        for (const field of fields) assert.ok(described.includes(field), `${format} of ${paper.key}: ${field} missing from "${described}"`);
      }
    }
  });
});

describe('prose formats inserted into LaTeX (issue 24)', () => {
  /** A command in LaTeX text that would act: a backslash and letters other than the escapes written here. */
  const ACTING = /\\(?!textbackslash|textbraceleft|textbraceright|textasciitilde|textasciicircum)[a-zA-Z]+|(?<!\\)[%#&$]/;

  it('carry no command from a title: \\input stays text, and %, #, & and $ print', () => {
    const paper = makePaper({ title: 'Leak \\input{/etc/passwd} at 50% of #1 & $x$ \\write18{rm -rf}', published: '2024-01-03' });
    for (const format of ['plain', 'markdown'] as const) {
      const text = formatCitation(paper, format, { latex: true });
      assert.doesNotMatch(text, ACTING, `${format}: ${text}`);
      assert.match(text, /\\textbackslash\{\}input/, text);
      assert.doesNotMatch(formatCitation(paper, format), /\\textbackslash/, 'outside LaTeX the text is as before');
    }
    assert.equal(formatCitation(paper, 'latex', { latex: true }), `\\cite{${paper.key}}`);
  });

  it('hold no acting command whatever the title', () => {
    const titles = fc.array(fc.constantFrom('\\input', '{x}', '\\def', '%', '#', '&', '$', '_', '^', '~', '\\', 'word', ' ', '\\textbf{b}', '}'), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(fc.property(titles, (title) => {
      const paper = makePaper({ title: title || 'x', published: null });
      for (const format of ['plain', 'markdown'] as const) assert.doesNotMatch(formatCitation(paper, format, { latex: true }), ACTING);
    }), { numRuns: 500 });
  });
});
