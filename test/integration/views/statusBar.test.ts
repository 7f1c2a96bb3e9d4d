import * as assert from '../assert';
import { api, hooks } from '../helpers';

describe('views: the status bar item', () => {
  it('says how many papers are loaded', async () => {
    const scout = await api();
    const status = (await hooks()).statusText();
    assert.ok(status.includes(`${scout.papers().length} papers`), status);
  });
});
