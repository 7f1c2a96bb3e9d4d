import assert from 'node:assert/strict';
import { parseTemplates, placeholderValues, renderTemplate, TEMPLATE_PLACEHOLDERS } from '../../../src/core/citations/templates';
import { AWQ, makePaper, S2FT } from './fixtures';

describe('parseTemplates', () => {
  it('accepts a list of templates and reports nothing', () => {
    const value = [
      { name: 'Short', template: '{title} ({year})' },
      { name: 'Cite', template: '\\cite{{{key}}}', description: 'LaTeX with braces' },
    ];
    assert.deepEqual(parseTemplates(value), { templates: value, errors: [] });
  });

  it('treats undefined and null as no templates', () => {
    assert.deepEqual(parseTemplates(undefined), { templates: [], errors: [] });
    assert.deepEqual(parseTemplates(null), { templates: [], errors: [] });
  });

  it('reports a value that is not a list', () => {
    const result = parseTemplates({ name: 'x', template: '{key}' });
    assert.deepEqual(result.templates, []);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0], /expected a list of templates/);
  });

  it('keeps the good templates and names the index of each bad one', () => {
    const result = parseTemplates([
      { name: 'Good', template: '[@{key}]' },
      { name: 'Typo', template: '{titel} {year} {foo} {foo}' },
      { template: '{key}' },
      'just a string',
      { name: '  ', template: '{key}' },
      { name: 'Good', template: '{url}' },
      { name: 'Number', template: 42 },
    ]);
    assert.deepEqual(result.templates, [{ name: 'Good', template: '[@{key}]' }]);
    assert.equal(result.errors.length, 6);
    assert.match(result.errors[0], /^\[1\] "Typo": unknown placeholder \{titel\}, \{foo\}; known: \{title\}/);
    assert.match(result.errors[1], /^\[2\]\.name: /);
    assert.match(result.errors[2], /^\[3\]: /);
    assert.match(result.errors[3], /^\[4\]\.name: name must not be empty$/);
    assert.match(result.errors[4], /^\[5\] "Good": another template already has this name$/);
    assert.match(result.errors[5], /^\[6\]\.template: /);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [1, 'x', true, [null], [[]], [{ name: {}, template: [] }], [Object.create(null)]]) {
      assert.doesNotThrow(() => parseTemplates(value));
      assert.ok(parseTemplates(value).errors.length > 0);
    }
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder from the paper', () => {
    const all = Object.keys(TEMPLATE_PLACEHOLDERS).map((name) => `${name}={${name}}`).join('|');
    assert.equal(renderTemplate(all, AWQ), [
      'title=AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
      'rawTitle=AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
      'year=2023', 'month=06', 'date=2023-06-01', 'key=awq2023',
      'url=https://huggingface.co/papers?q=AWQ+Activation-aware+Weight+Quantization+for+LLM+Compression+and+Acceleration',
      'arxivUrl=https://arxiv.org/search/?query=AWQ+Activation-aware+Weight+Quantization+for+LLM+Compression+and+Acceleration&searchtype=title',
      'topics=Quantization, Efficient Inference', 'authors=6 authors', 'upvotes=1',
      'id=awq-activation-aware-weight-quantization-for-llm-compression',
    ].join('|'));
  });

  it('gives readable and raw titles, n.d. and empty values for an undated paper', () => {
    const values = placeholderValues(S2FT);
    assert.equal(values.title, 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity');
    assert.equal(values.rawTitle, S2FT.title);
    assert.deepEqual([values.year, values.month, values.date, values.authors, values.upvotes], ['n.d.', '', '', '', '']);
  });

  it('reads {{ and }} as literal braces and leaves unknown placeholders as written', () => {
    assert.equal(renderTemplate({ name: 'Cite', template: '\\cite{{{key}}}' }, AWQ), '\\cite{awq2023}');
    assert.equal(renderTemplate('{{key}} {nope} {key}', AWQ), '{key} {nope} awq2023');
  });
});

describe('renderTemplate for a LaTeX document (issue 24)', () => {
  it('keeps the template\'s own LaTeX and gives the paper\'s text none that acts', () => {
    const paper = makePaper({ title: 'S$^{2}$FT \\input{/etc/passwd} at 50%', published: '2024-01-03' });
    const rendered = renderTemplate('\\footnote{{\\emph{{{title}}}, {rawTitle} ({year}) \\cite{{{key}}}}}', paper, { latex: true });
    assert.equal(rendered, `\\footnote{\\emph{S²FT \\textbackslash{}input/etc/passwd at 50\\%}, S$^{2}$FT \\textbackslash{}input{/etc/passwd} at 50\\% (2024) \\cite{${paper.key}}}`);
    assert.doesNotMatch(rendered, /\\input/);
    assert.ok(renderTemplate('{title}', paper).includes('\\input'), 'outside LaTeX the values are as before');
  });
});
