import assert from 'node:assert/strict';
import { runCli as run } from '../cli/runCli';

describe('search filters on the command line (dist/cli.js)', () => {
  it('applies filters typed into the query', () => {
    const { code, stdout } = run('search', 'topic:peft year:2024 sort:date low rank', '--json');
    assert.equal(code, 0);
    const rows = JSON.parse(stdout) as Array<{ published: string | null; topics: string[] }>;
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.ok(row.topics.includes('Parameter-Efficient Fine-Tuning'));
      assert.equal(row.published?.slice(0, 4), '2024');
    }
    const dates = rows.map((row) => row.published ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('says what it did not understand on stderr and searches the rest', () => {
    const { code, stdout, stderr } = run('search', 'venue:icml lora', '--limit', '3');
    assert.equal(code, 0);
    assert.match(stderr, /venue:icml: unknown filter "venue:"/);
    assert.match(stdout, /LoRA/);
  });

  it('lists the filters in its help', () => {
    assert.match(run('search', '--help').stdout, /topic:quantization year:2024 after:2024-06 before:2023 upvotes:>10/);
  });
});
