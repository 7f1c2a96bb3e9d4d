import assert from 'node:assert/strict';
import { paperDescription, paperRow } from '../../../src/views/paperRow';
import { AWQ, S2FT } from '../citations/fixtures';

describe('views: a paper\'s row in the Topics view', () => {
  it('leads with the title and puts the fact the view is sorted by first in the description', () => {
    assert.deepEqual(paperRow(AWQ, 'upvotes'), { label: AWQ.title, description: '▲ 1 · 2023-06-01' });
    assert.deepEqual(paperRow(AWQ, 'date'), { label: AWQ.title, description: '2023-06-01 · ▲ 1' });
    assert.deepEqual(paperRow(AWQ, 'title'), { label: AWQ.title, description: '2023-06-01 · ▲ 1' });
  });

  it('leaves out what is not known instead of printing n.d. or ▲ –, and renders the title readably', () => {
    assert.deepEqual(paperRow(S2FT, 'date'), { label: 'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity', description: '' });
    assert.equal(paperDescription(S2FT, 'upvotes'), '');
    assert.equal(paperDescription({ ...S2FT, upvotes: 4 }, 'date'), '▲ 4');
  });

  it('says how often the workspace cites the paper', () => {
    assert.equal(paperDescription(AWQ, 'date', 3), '2023-06-01 · ▲ 1 · cited 3×');
    assert.equal(paperDescription(S2FT, 'date', 1), 'cited 1×');
  });
});
