/**
 * Reading the user's corpus files and watching them, so the store reloads when one changes, without
 * ever missing a change: watchers for the entries are in place before the files are read, a watcher
 * still needed is kept across reloads (new ones are made before old ones go), and after each read the
 * files' stamps are compared again once the watchers have settled, which catches a change no watcher
 * reported. Bursts of changes are folded into one reload, at the latest `maxWaitMs` after the burst
 * began. Pure: the file system, the watchers and the timers are passed in.
 */
import type { CorpusFileReader, CorpusFileTexts } from './corpusLoader';
import { changedSince, readCorpusEntries, type CorpusFileSystem, type Stamps } from './corpusFileReader';
import type { Disposable } from '../events';
import type { WorkProgress } from './progress';

/** The timers a `Debouncer` uses (the global ones by default; fakes in tests). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Calls `fire` once after a burst of `trigger()` calls: `delayMs` after the last of them, but never
 * later than `maxWaitMs` after the first, so a file written without pause is still reloaded.
 */
export class Debouncer implements Disposable {
  private handle: unknown;
  private burstStart: number | undefined;
  private due = 0;

  constructor(private readonly fire: () => void, private readonly delayMs: number, private readonly maxWaitMs: number, private readonly timers: Timers = GLOBAL_TIMERS) {}

  /** Something changed. */
  trigger(): void {
    const now = this.timers.now();
    this.burstStart ??= now;
    const due = Math.min(now + this.delayMs, this.burstStart + this.maxWaitMs);
    if (this.handle !== undefined && due === this.due) return;
    this.cancel();
    this.due = due;
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      this.burstStart = undefined;
      this.fire();
    }, Math.max(0, due - now));
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  dispose(): void {
    this.cancel();
    this.burstStart = undefined;
  }
}

/** Makes a watcher for one entry (a file, or a folder and the corpus files in it); it calls `onChange`. */
export type WatchEntry<L> = (location: L, onChange: () => void) => Disposable;

/** What `WatchedCorpusFiles` works with. */
export interface CorpusFilesEnvironment<L> {
  fs: CorpusFileSystem<L>;
  watch: WatchEntry<L>;
  /** The location an entry of the setting names; undefined when it cannot be resolved. */
  resolve(entry: string): L | undefined;
  /** The setting's key, for diagnostics that name the entry (`paperScout.corpus.sources[1]`). */
  settingKey: string;
  /** Called once after a burst of changes to what is watched. */
  onChange(): void;
  /** The quiet time that ends a burst, and the longest a burst may put a reload off (ms). */
  delayMs?: number;
  maxWaitMs?: number;
  timers?: Timers;
}

/** Defaults: a save is one burst; a file written without pause is reloaded every two seconds at most. */
export const CHANGE_DELAY_MS = 300;
export const CHANGE_MAX_WAIT_MS = 2000;

/** The user's corpus files: read on request, watched in between. See the file comment. */
export class WatchedCorpusFiles<L> implements CorpusFileReader, Disposable {
  private readonly watchers = new Map<string, Disposable>();
  private readonly debouncer: Debouncer;
  private readonly timers: Timers;
  private stamps: Stamps<L> = new Map();
  private verifyHandle: unknown;
  private reads = 0;
  private disposed = false;

  constructor(private readonly env: CorpusFilesEnvironment<L>) {
    this.timers = env.timers ?? GLOBAL_TIMERS;
    this.debouncer = new Debouncer(() => env.onChange(), env.delayMs ?? CHANGE_DELAY_MS, env.maxWaitMs ?? CHANGE_MAX_WAIT_MS, this.timers);
  }

  /** Watches the entries (before reading them), then reads them; checks their stamps again later. */
  async read(entries: readonly string[], progress: WorkProgress): Promise<CorpusFileTexts> {
    const located = entries.map((entry) => ({ entry, location: this.env.resolve(entry) }));
    this.watch(located.flatMap(({ location }) => (location === undefined ? [] : [location])));
    const read = await readCorpusEntries(located, this.env.fs, this.env.settingKey, progress);
    this.stamps = read.stamps;
    this.scheduleVerify(++this.reads);
    return read.texts;
  }

  /** Watches exactly `locations`: watchers still needed stay, new ones are made first, then unneeded ones go. */
  private watch(locations: readonly L[]): void {
    const wanted = new Map(locations.map((location) => [this.env.fs.display(location), location]));
    for (const [name, location] of wanted) {
      if (!this.watchers.has(name)) this.watchers.set(name, this.env.watch(location, () => this.changed()));
    }
    for (const [name, watcher] of [...this.watchers]) {
      if (wanted.has(name)) continue;
      watcher.dispose();
      this.watchers.delete(name);
    }
  }

  /**
   * Compares the stamps of the last read once the watchers have had time to report (twice the burst
   * delay): a difference no watcher reported counts as a change. A newer read makes this one moot.
   */
  private scheduleVerify(read: number): void {
    if (this.verifyHandle !== undefined) this.timers.clearTimeout(this.verifyHandle);
    const stamps = this.stamps;
    this.verifyHandle = this.timers.setTimeout(() => {
      this.verifyHandle = undefined;
      void changedSince(stamps, this.env.fs).then((changed) => {
        if (changed.length > 0 && read === this.reads && !this.disposed) this.changed();
      });
    }, 2 * (this.env.delayMs ?? CHANGE_DELAY_MS));
  }

  private changed(): void {
    if (!this.disposed) this.debouncer.trigger();
  }

  dispose(): void {
    this.disposed = true;
    this.debouncer.dispose();
    if (this.verifyHandle !== undefined) this.timers.clearTimeout(this.verifyHandle);
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
  }
}
