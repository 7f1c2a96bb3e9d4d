/**
 * Work on one thing at a time: tasks given the same key run one after another, in the order they were
 * asked for, each starting once the one before has settled (whether it succeeded or not); tasks of
 * different keys run side by side. Export Bibliography queues its read-merge-write of a `.bib` file
 * under the file's real path, so two exports to one file never both read it before either writes.
 */
export class TaskQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued under `key` before it; resolves or rejects as it does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have tasks queued or running. */
  get busyKeys(): number {
    return this.tails.size;
  }
}
