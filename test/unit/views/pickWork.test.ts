import assert from 'node:assert/strict';
import { PickWork } from '../../../src/views/pickWork';
import { Gate } from '../store/fakes';

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(() => { settled = true; }, () => { settled = true; });
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('views: the work a quick pick\'s choices start', () => {
  it('starts each action at once and settles only when all of them have', async () => {
    const work = new PickWork();
    const insert = new Gate();
    const started: string[] = [];
    work.run(() => { started.push('insert'); return insert.promise; });
    work.run(() => { started.push('copy'); });
    assert.deepEqual(started, ['insert', 'copy'], 'an action waits for nothing before it starts');
    const settled = work.settled();
    assert.equal(await settledYet(settled), false, 'settled before the insert finished');
    insert.open();
    assert.equal(await settledYet(settled), true);
  });

  it('rejects with the failure of an action, thrown or rejected, and leaves no rejection unhandled meanwhile', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => { unhandled.push(reason); };
    process.on('unhandledRejection', listener);
    try {
      const thrown = new PickWork();
      thrown.run(() => { throw new Error('no editor'); });
      const rejected = new PickWork();
      rejected.run(() => Promise.reject(new Error('the edit was refused')));
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
      await assert.rejects(thrown.settled(), /no editor/);
      await assert.rejects(rejected.settled(), /the edit was refused/);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('settles at once when nothing was started', async () => {
    assert.equal(await settledYet(new PickWork().settled()), true);
  });
});

describe('views: the work a quick pick\'s choices start once it has hidden', () => {
  it('starts an action only once the pick has hidden, and settles with it', async () => {
    const hidden = new Gate();
    const work = new PickWork(hidden.promise);
    const started: string[] = [];
    work.runOnceHidden(() => { started.push('open the panel'); });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, [], 'the action started while the pick was still closing');
    const settled = work.settled();
    assert.equal(await settledYet(settled), false);
    hidden.open();
    assert.equal(await settledYet(settled), true);
    assert.deepEqual(started, ['open the panel']);
  });
});
