import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Debouncer } from '../../src/core/debounce';
import { FakeClock } from './store/fakeFiles';

const DELAY = 300;
const MAX_WAIT = 2000;

describe('debounce: a burst of triggers becomes one call, within the maximum wait', () => {
  it('calls once, a quiet moment after the last trigger of a burst', () => {
    const clock = new FakeClock();
    const fired: number[] = [];
    const debouncer = new Debouncer(() => fired.push(clock.now()), DELAY, MAX_WAIT, clock);
    for (const at of [0, 100, 250]) {
      clock.advance(at - clock.now());
      debouncer.trigger();
    }
    clock.advance(5000);
    assert.deepEqual(fired, [250 + DELAY]);
  });

  it('calls at the latest maxWaitMs after a burst began, however fast and long the triggers come', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 200 }), (gaps) => {
      const clock = new FakeClock();
      const fired: number[] = [];
      const triggers: number[] = [];
      const debouncer = new Debouncer(() => fired.push(clock.now()), DELAY, MAX_WAIT, clock);
      for (const gap of gaps) {
        clock.advance(gap);
        triggers.push(clock.now());
        debouncer.trigger();
      }
      clock.advance(MAX_WAIT);
      // Every change is followed by a reload within maxWaitMs, and there are never more reloads than changes.
      for (const at of triggers) assert.ok(fired.some((time) => time >= at && time <= at + MAX_WAIT), `change at ${at} not reloaded by ${at + MAX_WAIT}: ${fired.join()}`);
      assert.ok(fired.length <= triggers.length);
      // A reload comes after a quiet moment, or when the burst has waited its longest.
      for (const time of fired) {
        const last = Math.max(...triggers.filter((at) => at < time));
        assert.ok(time === last + DELAY || triggers.includes(time - MAX_WAIT), `reload at ${time} after the change at ${last}`);
      }
    }), { numRuns: 300 });
  });

  it('calls every maxWaitMs while triggers never pause, at several rates', () => {
    for (const every of [1, 50, 250]) {
      const clock = new FakeClock();
      const fired: number[] = [];
      const debouncer = new Debouncer(() => fired.push(clock.now()), DELAY, MAX_WAIT, clock);
      for (let time = 0; time < 10_000; time += every) {
        clock.advance(time - clock.now());
        debouncer.trigger();
      }
      assert.ok(fired.length >= 4, `${every} ms: ${fired.join()}`);
      assert.equal(fired[0], MAX_WAIT, `${every} ms: the first reload comes maxWaitMs after the first write`);
      for (let i = 1; i < fired.length; i++) assert.ok(fired[i] - fired[i - 1] <= MAX_WAIT + every, `${every} ms: ${fired.join()}`);
    }
  });

  it('answers a fixed time after the first trigger when the maximum wait is the delay (a batch window)', () => {
    const clock = new FakeClock();
    const fired: number[] = [];
    const batch = new Debouncer(() => fired.push(clock.now()), 100, 100, clock);
    for (const at of [0, 40, 90, 99]) {
      clock.advance(at - clock.now());
      batch.trigger();
    }
    clock.advance(1000);
    assert.deepEqual(fired, [100]);
  });

  it('takes a shorter delay for one trigger (0: the next turn), drops a due call on cancel, and says whether one is due', () => {
    const clock = new FakeClock();
    const fired: number[] = [];
    const debouncer = new Debouncer(() => fired.push(clock.now()), 300, 300, clock);
    debouncer.trigger();
    clock.advance(10);
    debouncer.trigger(0);
    assert.equal(debouncer.pending, true);
    clock.advance(0);
    assert.deepEqual(fired, [10]);
    assert.equal(debouncer.pending, false);
    debouncer.trigger();
    debouncer.cancel();
    clock.advance(1000);
    assert.deepEqual(fired, [10], 'a cancelled call never comes');
    debouncer.trigger();
    debouncer.dispose();
    clock.advance(1000);
    assert.deepEqual(fired, [10], 'nor one due when disposed');
  });
});
