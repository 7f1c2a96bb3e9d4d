import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/types';
import { CancelledError, isCancellation } from '../../../src/core/cancellation';
import { IndexService, type IndexRequest } from '../../../src/core/store/indexService';
import { Gate } from './fakes';

/**
 * Collects the unhandled rejections of the process while `work` runs, and until the next turn of the event
 * loop: Node reports a rejection left unhandled once the promise jobs of the turn that made it are done.
 */
async function unhandledRejectionsDuring(work: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => { seen.push(reason); };
  process.on('unhandledRejection', listener);
  try {
    await work();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

const papers = (count: number): Paper[] => Array.from({ length: count }, (_, i) => ({ id: `p${i}` }) as Paper);

describe('store: the index service (no VS Code)', () => {
  it('makes the index once for every caller and hands it out at once afterwards', async () => {
    let loads = 0;
    const service = new IndexService(async ({ papers: list }) => { loads++; return { size: list.length }; }, () => ({ papers: papers(3), bundled: true }));
    assert.equal(service.current(), undefined);
    const [a, b] = await Promise.all([service.ready(), service.ready()]);
    assert.equal(a, b);
    assert.equal(await service.ready(), a);
    assert.equal(service.current(), a);
    assert.equal(loads, 1);
  });

  it('tells a build it is stale when the papers change, and builds again for the new ones', async () => {
    let list = papers(2);
    const gate = new Gate();
    const requests: IndexRequest[] = [];
    const service = new IndexService(async (request) => {
      requests.push(request);
      if (requests.length === 1) await gate.promise;
      return { size: request.papers.length };
    }, () => ({ papers: list, bundled: false }));
    const waiting = service.ready();
    list = papers(5);
    service.invalidate();
    assert.equal(requests[0].isStale(), true);
    gate.open();
    assert.deepEqual(await waiting, { size: 5 });
    assert.equal(requests.length, 2);
    assert.equal(requests[1].isStale(), false);
  });

  it('rejects every waiter once when the user cancels, leaves nothing unhandled, and tries again on the next call', async () => {
    let cancel = true;
    let gate = new Gate();
    const service = new IndexService(async () => {
      await gate.promise;
      if (cancel) throw new CancelledError();
      return { built: true };
    }, () => ({ papers: papers(1), bundled: false }));
    const unhandled = await unhandledRejectionsDuring(async () => {
      const waiting = Promise.allSettled([service.ready(), service.ready()]);
      gate.open();
      const outcomes = await waiting;
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ['rejected', 'rejected']);
      assert.ok(outcomes.every((outcome) => outcome.status === 'rejected' && isCancellation(outcome.reason)));
    });
    assert.deepEqual(unhandled, []);
    assert.equal(service.current(), undefined);
    cancel = false;
    gate = new Gate();
    const again = service.ready();
    gate.open();
    assert.deepEqual(await again, { built: true });
  });

  it('passes a failed build on to the waiters, not as a cancellation', async () => {
    const service = new IndexService(async () => { throw new Error('disk on fire'); }, () => ({ papers: [], bundled: false }));
    await assert.rejects(service.ready(), (error: Error) => error.message === 'disk on fire' && !isCancellation(error));
  });

  it('asks a question of the new index when the one asked went away meanwhile, and passes on what a current one answers', async () => {
    let built = 0;
    const service = new IndexService(async () => ({ name: `index ${++built}` }), () => ({ papers: papers(1), bundled: false }));
    const asked: string[] = [];
    const answer = await service.ask(async (engine) => {
      asked.push(engine.name);
      if (engine.name === 'index 1') {
        service.invalidate(); // the papers changed under the question
        throw new Error('the search worker was stopped');
      }
      return `answered by ${engine.name}`;
    });
    assert.equal(answer, 'answered by index 2');
    assert.deepEqual(asked, ['index 1', 'index 2']);
    await assert.rejects(service.ask(async () => { throw new Error('bad query'); }), /bad query/);
  });
});
