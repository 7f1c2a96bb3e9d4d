import assert from 'node:assert/strict';
import { paperLookupUrls, webSearchUrls } from '../../../src/core/citations/urls';
import { S2FT } from './fixtures';

describe('paperLookupUrls', () => {
  it('searches Hugging Face papers and arXiv titles with the readable title as + joined words', () => {
    assert.deepEqual(paperLookupUrls(S2FT), {
      arxiv: 'https://arxiv.org/search/?query=S2FT+Efficient+Scalable+and+Generalizable+LLM+Fine-tuning+by+Structured+Sparsity&searchtype=title',
      huggingFace: 'https://huggingface.co/papers?q=S2FT+Efficient+Scalable+and+Generalizable+LLM+Fine-tuning+by+Structured+Sparsity',
    });
  });

  it('leaves no character that BibTeX, Markdown or a shell would read specially', () => {
    const urls = paperLookupUrls({ title: 'Q&A: 50% of #tags_x (Café) {\\alpha} $x^2$ <b> "quoted"' });
    assert.equal(urls.huggingFace, 'https://huggingface.co/papers?q=Q+A+50+of+tags+x+Cafe+x2+b+quoted');
    assert.match(urls.arxiv, /^https:\/\/arxiv\.org\/search\/\?query=[A-Za-z0-9+-]+&searchtype=title$/);
  });
});

describe('webSearchUrls', () => {
  it('searches arXiv and Hugging Face for the typed query, encoded', () => {
    assert.deepEqual(webSearchUrls('  low-bit & 4% "LoRA"#1 '), {
      arxiv: 'https://arxiv.org/search/?query=low-bit%20%26%204%25%20%22LoRA%22%231&searchtype=all',
      huggingFace: 'https://huggingface.co/papers?q=low-bit%20%26%204%25%20%22LoRA%22%231',
    });
  });
});
