import assert from 'node:assert/strict';
import { paperDescription, paperRow } from '../../../src/views/paperRow';
import { AWQ, S2FT } from '../citations/fixtures';

describe('views: a paper\'s row in the Topics view', () => {
  it('leads the label with the fact the view is sorted by, so a cut row still shows it', () => {
    assert.deepEqual(paperRow(AWQ, 'upvotes'), { label: `▲ 1 · ${AWQ.title}`, description: '2023-06-01' });
    assert.deepEqual(paperRow(AWQ, 'date'), { label: `2023-06-01 · ${AWQ.title}`, description: '▲ 1' });
  });

  it('shows the title alone when sorted by title, with the date and upvotes after it', () => {
    assert.deepEqual(paperRow(AWQ, 'title'), { label: AWQ.title, description: '2023-06-01 · ▲ 1' });
  });

  it('labels an unknown date n.d. and unknown upvotes ▲ –, and renders the title readably', () => {
    assert.deepEqual(paperRow(S2FT, 'date'), { label: 'n.d. · S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity', description: '' });
    assert.deepEqual(paperRow(S2FT, 'upvotes').label.slice(0, 10), '▲ – · S²FT');
    assert.equal(paperDescription(S2FT, 'upvotes'), 'n.d.');
    assert.equal(paperDescription(S2FT, 'title'), 'n.d.');
  });
});
