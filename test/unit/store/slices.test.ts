import assert from 'node:assert/strict';
import { CancelledError } from '../../../src/core/cancellation';
import { runInSlices, runToEnd } from '../../../src/core/slices';

function* counting(steps: number): Generator<{ done: number; total: number }, string> {
  for (let done = 1; done <= steps; done += 1) yield { done, total: steps };
  return 'finished';
}

describe('work in slices (src/core/slices.ts)', () => {
  it('returns what the steps return, at once or in slices', async () => {
    assert.equal(runToEnd(counting(1000)), 'finished');
    assert.equal(await runInSlices(counting(1000), { sliceMs: 0 }), 'finished');
  });

  it('reports the end of the work, also when it fits in one slice', async () => {
    const quick: number[] = [];
    await runInSlices(counting(50), { sliceMs: 60_000, onProgress: ({ done }) => quick.push(done) });
    assert.deepEqual(quick, [50], 'one slice: only its end');
    const sliced: number[] = [];
    await runInSlices(counting(50), { sliceMs: 0, onProgress: ({ done }) => sliced.push(done) });
    assert.equal(sliced.at(-1), 50, 'the last report is the end');
    assert.deepEqual(sliced, [...sliced].sort((a, b) => a - b), 'reports only rise');
    assert.equal(new Set(sliced).size, sliced.length, 'no step reported twice');
  });

  it('runs steps that wait (an async generator) in the same slices, giving the event loop back between them', async () => {
    async function* reading(steps: number): AsyncGenerator<number, string> {
      for (let done = 1; done <= steps; done += 1) {
        await Promise.resolve();
        yield done;
      }
      return 'read';
    }
    // Awaiting promises alone never lets a queued macrotask run; a turn of the event loop does.
    let turned = false;
    setImmediate(() => { turned = true; });
    const reports: number[] = [];
    const finished = runInSlices(reading(200), { sliceMs: 0, onProgress: (done) => reports.push(done) });
    assert.equal(await finished, 'read');
    assert.ok(turned, 'the event loop turned while the steps ran');
    assert.equal(reports.at(-1), 200);
    let asked = 0;
    await assert.rejects(runInSlices(reading(200), { sliceMs: 0, isCancelled: () => ++asked > 3 }), CancelledError);
  });

  it('stops between slices once cancelled, and says so', async () => {
    let asked = 0;
    await assert.rejects(runInSlices(counting(1000), { sliceMs: 0, isCancelled: () => ++asked > 3 }), CancelledError);
  });
});
