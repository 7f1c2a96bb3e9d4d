import * as assert from './assert';
import { api, extension } from './helpers';

describe('activation', () => {
  it('loads and activates the extension', async () => {
    await api();
    assert.strictEqual(extension().isActive, true);
  });

  it('returns an API whose papers() holds the bundled corpus', async () => {
    const papers = (await api()).papers();
    assert.ok(Array.isArray(papers));
    assert.ok(papers.length > 0, 'no papers loaded');
    for (const paper of papers.slice(0, 5)) {
      assert.strictEqual(typeof paper.id, 'string');
      assert.strictEqual(typeof paper.title, 'string');
      assert.strictEqual(typeof paper.key, 'string');
    }
  });
});
