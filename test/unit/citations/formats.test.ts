import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CITATION_FORMATS, formatCitation } from '../../../src/core/citations/formats';
import { AWQ, INFLLM, makePaper, S2FT } from './fixtures';

const AWQ_URL = 'https://huggingface.co/papers?q=AWQ+Activation-aware+Weight+Quantization+for+LLM+Compression+and+Acceleration';
const S2FT_URL = 'https://huggingface.co/papers?q=S2FT+Efficient+Scalable+and+Generalizable+LLM+Fine-tuning+by+Structured+Sparsity';
const INFLLM_URL = 'https://huggingface.co/papers?q=InfLLM-V2+Dense-Sparse+Switchable+Attention+for+Seamless+Short-to-Long+Adaptation';

describe('CITATION_FORMATS', () => {
  it('lists the eight built-in formats once each, with labels and descriptions', () => {
    assert.deepEqual(CITATION_FORMATS.map((format) => format.id), ['bibtex', 'biblatex', 'csl-json', 'markdown', 'plain', 'pandoc', 'latex', 'comment']);
    for (const format of CITATION_FORMATS) {
      assert.ok(format.label.length > 0 && format.description.length > 0, format.id);
    }
  });
});

describe('formatCitation: BibTeX', () => {
  it('writes @misc with protected title, year, month macro, url, author count and topics', () => {
    assert.equal(formatCitation(AWQ, 'bibtex'), [
      '@misc{awq2023,',
      '  title = {{AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration}},',
      '  year = {2023},',
      '  month = jun,',
      `  url = {${AWQ_URL}},`,
      '  note = {6 authors},',
      '  keywords = {Quantization, Efficient Inference}',
      '}',
    ].join('\n'));
  });

  it('keeps the LaTeX of the title, leaves out an unknown date and escapes & in keywords', () => {
    assert.equal(formatCitation(S2FT, 'bibtex'), [
      '@misc{s2ft,',
      '  title = {{S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity}},',
      `  url = {${S2FT_URL}},`,
      '  keywords = {Parameter-Efficient Fine-Tuning, Pruning \\& Sparsity}',
      '}',
    ].join('\n'));
  });

  it('puts the organisation in the note and has no author field', () => {
    const entry = formatCitation(INFLLM, 'bibtex');
    assert.match(entry, /^ {2}note = \{Organization: OpenBMB\},$/m);
    assert.match(entry, /^ {2}month = sep,$/m);
    assert.doesNotMatch(entry, /author\s*=/);
  });

  it('escapes BibTeX-special characters in titles and notes, keeping escapes already there', () => {
    const paper = makePaper({
      key: 'odd_nd',
      title: 'Q&A on 50% of #tags_and 93\\% {\\alpha} $x_1$ costs $5',
      organization: 'R&D_Lab {50%}',
    });
    const entry = formatCitation(paper, 'bibtex');
    assert.match(entry, /^ {2}title = \{\{Q\\&A on 50\\% of \\#tags\\_and 93\\% \{\\alpha\} \$x_1\$ costs \\\$5\}\},$/m);
    assert.match(entry, /^ {2}note = \{Organization: R\\&D\\_Lab \\textbraceleft\{\}50\\%\\textbraceright\{\}\},?$/m);
  });

  it('drops braces that would unbalance the entry', () => {
    const entry = formatCitation(makePaper({ key: 'stray_nd', title: 'Stray} {brace {kept} here' }), 'bibtex');
    assert.match(entry, /^ {2}title = \{\{Stray brace \{kept\} here\}\},$/m);
  });
});

describe('formatCitation: BibLaTeX', () => {
  it('writes @online with an ISO date', () => {
    assert.equal(formatCitation(INFLLM, 'biblatex'), [
      '@online{infllmv2_2025,',
      '  title = {{InfLLM-V2: Dense-Sparse Switchable Attention for Seamless Short-to-Long Adaptation}},',
      '  date = {2025-09-29},',
      `  url = {${INFLLM_URL}},`,
      '  note = {Organization: OpenBMB},',
      '  keywords = {Architectures}',
      '}',
    ].join('\n'));
  });

  it('has no date field when the date is unknown', () => {
    assert.doesNotMatch(formatCitation(S2FT, 'biblatex'), /date|year/);
  });
});

describe('formatCitation: CSL-JSON', () => {
  it('is a JSON array with one "article" item and issued date-parts', () => {
    assert.deepEqual(JSON.parse(formatCitation(AWQ, 'csl-json')), [{
      id: 'awq2023',
      type: 'article',
      title: 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
      issued: { 'date-parts': [[2023, 6, 1]] },
      URL: AWQ_URL,
      note: '6 authors',
      keyword: 'Quantization, Efficient Inference',
    }]);
  });

  it('uses the readable title and omits issued when the date is unknown', () => {
    assert.deepEqual(JSON.parse(formatCitation(S2FT, 'csl-json')), [{
      id: 's2ft',
      type: 'article',
      title: 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
      URL: S2FT_URL,
      keyword: 'Parameter-Efficient Fine-Tuning, Pruning & Sparsity',
    }]);
  });
});

describe('formatCitation: one-line formats', () => {
  const expected: [paper: typeof AWQ, format: Parameters<typeof formatCitation>[1], text: string][] = [
    [AWQ, 'markdown', `[AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration](${AWQ_URL}) (2023)`],
    [S2FT, 'markdown', `[S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity](${S2FT_URL}) (n.d.)`],
    [AWQ, 'plain', `AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration. (2023). 6 authors. ${AWQ_URL}`],
    [INFLLM, 'plain', `InfLLM-V2: Dense-Sparse Switchable Attention for Seamless Short-to-Long Adaptation. (2025). Organization: OpenBMB. ${INFLLM_URL}`],
    [S2FT, 'plain', `S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity. (n.d.). ${S2FT_URL}`],
    [AWQ, 'pandoc', '[@awq2023]'],
    [S2FT, 'pandoc', '[@s2ft]'],
    [AWQ, 'latex', '\\cite{awq2023}'],
    [INFLLM, 'latex', '\\cite{infllmv2_2025}'],
    [AWQ, 'comment', `AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration (2023), ${AWQ_URL}`],
    [S2FT, 'comment', `S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity (n.d.), ${S2FT_URL}`],
  ];
  for (const [paper, format, text] of expected) {
    it(`${format} for ${paper.key}`, () => {
      assert.equal(formatCitation(paper, format), text);
    });
  }

  it('escapes Markdown link text and ends a plain reference after ? without another period', () => {
    const paper = makePaper({ key: 'what_nd', title: 'What can a Single [Attention] Layer Learn? A *Study*' });
    assert.match(formatCitation(paper, 'markdown'), /^\[What can a Single \\\[Attention\\\] Layer Learn\? A \\\*Study\\\*\]\(https:/);
    const question = makePaper({ key: 'model_nd', title: 'Is Model Collapse Inevitable?', published: '2024-04-01' });
    assert.match(formatCitation(question, 'plain'), /^Is Model Collapse Inevitable\? \(2024\)\. https:/);
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
