// Test doubles for reading and watching corpus files without VS Code: a clock whose time the test
// moves, a file system in memory, and watchers the test fires (or, to stand for a missed event, not).
import type { CorpusFileSystem, FileStat } from '../../../src/core/store/corpusFileReader';
import { FILE_TYPE } from '../../../src/core/store/corpusFileReader';
import type { Timers } from '../../../src/core/debounce';

/** Timers on a clock that moves only when the test says. */
export class FakeClock implements Timers {
  time = 0;
  private nextId = 1;
  private pending: { id: number; at: number; callback: () => void }[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  now(): number {
    return this.time;
  }

  /** Moves the clock on by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
}

/** Lets pending promise callbacks run (the fake file system answers in microtasks). */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A file system in memory: paths to files (text) or folders; `special` for a FIFO-like entry. */
export class MemoryFiles implements CorpusFileSystem<string> {
  private readonly entries = new Map<string, { kind: 'file'; text: string; mtime: number } | { kind: 'folder' } | { kind: 'special' }>();
  private clock = 1;
  /** Every path whose content was read, in order. */
  readonly reads: string[] = [];
  /** When set, reading waits for this before answering. */
  gate: Promise<void> | undefined;

  write(path: string, text: string): void {
    this.entries.set(path, { kind: 'file', text, mtime: this.clock++ });
  }
  folder(path: string): void {
    this.entries.set(path, { kind: 'folder' });
  }
  special(path: string): void {
    this.entries.set(path, { kind: 'special' });
  }
  remove(path: string): void {
    this.entries.delete(path);
  }

  async stat(path: string): Promise<FileStat> {
    const entry = this.entries.get(path);
    if (!entry) throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${path}'`), { code: 'ENOENT' });
    if (entry.kind === 'folder') return { type: FILE_TYPE.directory, size: 0, mtime: 0 };
    if (entry.kind === 'special') return { type: FILE_TYPE.unknown, size: 0, mtime: 0 };
    return { type: FILE_TYPE.file, size: entry.text.length, mtime: entry.mtime };
  }

  async readDirectory(path: string): Promise<[string, number][]> {
    const children: [string, number][] = [];
    for (const child of this.entries.keys()) {
      if (child.startsWith(`${path}/`) && !child.slice(path.length + 1).includes('/')) children.push([child.slice(path.length + 1), (await this.stat(child)).type]);
    }
    return children;
  }

  async readFile(path: string): Promise<Uint8Array> {
    const entry = this.entries.get(path);
    if (entry?.kind === 'special') throw new Error('the test read a special file: a real FIFO would never answer');
    if (entry?.kind !== 'file') throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    this.reads.push(path);
    await this.gate;
    return new TextEncoder().encode(entry.text);
  }

  child(folder: string, name: string): string {
    return `${folder}/${name}`;
  }

  display(path: string): string {
    return path;
  }
}

/** Watchers by path: the test fires the live ones, and sees when each was made and disposed. */
export class FakeWatchers {
  /** `watch <path>` and `dispose <path>`, in the order they happened. */
  readonly events: string[] = [];
  private readonly live = new Map<string, Set<() => void>>();

  readonly watch = (path: string, onChange: () => void): { dispose(): void } => {
    this.events.push(`watch ${path}`);
    const listeners = this.live.get(path) ?? new Set();
    listeners.add(onChange);
    this.live.set(path, listeners);
    return {
      dispose: () => {
        this.events.push(`dispose ${path}`);
        listeners.delete(onChange);
      },
    };
  };

  /** A change reported for `path`: goes to the watcher of `path` or of the folder it is in. */
  fire(path: string): void {
    for (const [watched, listeners] of this.live) {
      if (path === watched || path.startsWith(`${watched}/`)) for (const listener of listeners) listener();
    }
  }
}
