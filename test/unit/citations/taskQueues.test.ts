import assert from 'node:assert/strict';
import { TaskQueues } from '../../../src/core/taskQueues';

describe('TaskQueues (one export at a time per file)', () => {
  it('runs the tasks of one key one after another, in order, even when one fails', async () => {
    const queues = new TaskQueues();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = queues.run('refs.bib', async () => {
      log.push('first starts');
      await new Promise<void>((resolve) => { release = resolve; });
      log.push('first ends');
      throw new Error('disk full');
    });
    const second = queues.run('refs.bib', async () => {
      log.push('second runs');
      return 2;
    });
    const other = queues.run('other.bib', async () => {
      log.push('other runs');
      return 3;
    });
    assert.equal(await other, 3);
    assert.deepEqual(log, ['first starts', 'other runs'], 'another file does not wait; the same file does');
    release();
    await assert.rejects(first, /disk full/);
    assert.equal(await second, 2);
    assert.deepEqual(log, ['first starts', 'other runs', 'first ends', 'second runs']);
    await Promise.resolve();
    await Promise.resolve();
    assert.equal(queues.busyKeys, 0, 'nothing is kept once the tasks are done');
  });

  it('gives two read-merge-write tasks on one file both their entries', async () => {
    const queues = new TaskQueues();
    let file = '';
    const slowRead = async (): Promise<string> => {
      const text = file;
      await new Promise((resolve) => setImmediate(resolve));
      return text;
    };
    const append = (entry: string) => queues.run('f', async () => {
      const text = await slowRead();
      file = `${text}${entry}\n`;
    });
    await Promise.all([append('@misc{a,}'), append('@misc{b,}')]);
    assert.equal(file, '@misc{a,}\n@misc{b,}\n');
  });
});
