import assert from 'node:assert/strict';
import { abstractExcerpt, completionDetail, completionDocumentation, completionFilterText, hoverCard, openPaperCommandUri } from '../../../src/citations/paperCard';
import { AWQ, S2FT } from '../citations/fixtures';

const ABSTRACT = 'Large language models (LLMs) are costly to serve. We propose AWQ, a hardware-friendly approach. '
  + 'It protects 1% of salient weights by observing activations, not weights. '.repeat(8);

describe('paper card text', () => {
  it('gives a detail of readable title and year', () => {
    assert.equal(completionDetail(AWQ), 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration (2023)');
    assert.equal(completionDetail(S2FT), 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity (n.d.)');
  });

  it('filters by prefix, key and title words, within 128 characters', () => {
    const text = completionFilterText(AWQ, '@');
    assert.ok(text.startsWith('@awq2023 AWQ: Activation-aware Weight Quantization'));
    assert.ok(text.length <= 128);
  });

  it('cuts the abstract at a sentence end when one fits, else at a word', () => {
    const excerpt = abstractExcerpt(ABSTRACT, 120);
    assert.equal(excerpt, 'Large language models (LLMs) are costly to serve. We propose AWQ, a hardware-friendly approach. …');
    assert.equal(abstractExcerpt('one two three four five', 12), 'one two …');
    assert.equal(abstractExcerpt('  short\n abstract ', 100), 'short abstract');
  });

  it('builds a command link with the paper id as URI-encoded JSON arguments', () => {
    assert.equal(openPaperCommandUri(AWQ), `command:paperScout.openPaper?${encodeURIComponent(JSON.stringify([AWQ.id]))}`);
  });

  it('shows title, key, date, topics and the first lines of the abstract in the hover card', () => {
    const card = hoverCard({ ...AWQ, abstract: ABSTRACT });
    const uri = openPaperCommandUri(AWQ);
    assert.ok(card.startsWith(`**[AWQ\\: Activation\\-aware Weight Quantization for LLM Compression and Acceleration](${uri} "Open in Paper Scout")**`), card);
    assert.ok(card.includes('`awq2023` · 2023\\-06\\-01 · Quantization, Efficient Inference · 1 upvote · 6 authors'), card);
    assert.ok(card.includes('Large language models \\(LLMs\\) are costly to serve\\.'));
    assert.ok(card.endsWith(`[Open in Paper Scout](${uri})`));
    assert.equal(card.match(/command:/g)?.length, 2, 'only the two links Paper Scout makes');
  });

  it('cannot be given a command link by a hostile abstract', () => {
    const card = hoverCard({ ...AWQ, abstract: '[x](command:workbench.action.terminal.new) <a href="command:y">z</a>' });
    assert.equal(card.match(/\]\(command:/g)?.length, 2);
  });

  it('documents a completion with title, facts and excerpt, and labels an unknown date n.d.', () => {
    const doc = completionDocumentation(S2FT);
    assert.ok(doc.startsWith('**S²FT\\: Efficient, Scalable'));
    assert.ok(doc.includes('n\\.d\\. · Parameter\\-Efficient Fine\\-Tuning, Pruning \\& Sparsity'), doc);
  });

  it('names the key a document cites when it is an older key of the paper', () => {
    const card = hoverCard(AWQ, 'awq_nd');
    assert.ok(card.includes('`awq_nd` (an older key of `awq2023`) · 2023\\-06\\-01'), card);
  });

  it('shows an abstract in readable text, its URLs as autolinks, without space entities', () => {
    const card = hoverCard({ ...AWQ, abstract: 'We use S^{2}FT at 4times less memory. Code: https://github.com/SKDDJ/LoLDU{https://github.com/SKDDJ/LoLDU} today.' });
    assert.ok(card.includes('S²FT at 4× less memory\\. Code\\: <https://github.com/SKDDJ/LoLDU> today\\.'), card);
    assert.ok(!card.includes('&nbsp;'));
  });
});
