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
import { Debouncer, GLOBAL_TIMERS, type Timers } from '../debounce';
import type { Disposable } from '../events';
import type { WorkProgress } from './progress';

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
  private readonly verifier: Debouncer;
  private reads = 0;
  private disposed = false;

  constructor(private readonly env: CorpusFilesEnvironment<L>) {
    this.timers = env.timers ?? GLOBAL_TIMERS;
    const delayMs = env.delayMs ?? CHANGE_DELAY_MS;
    this.debouncer = new Debouncer(() => env.onChange(), delayMs, env.maxWaitMs ?? CHANGE_MAX_WAIT_MS, this.timers);
    this.verifier = new Debouncer(() => this.verify(), 2 * delayMs, 4 * delayMs, this.timers);
  }

  /** Watches the entries (before reading them), then reads them; checks their stamps again later. */
  async read(entries: readonly string[], progress: WorkProgress): Promise<CorpusFileTexts> {
    const located = entries.map((entry) => ({ entry, location: this.env.resolve(entry) }));
    this.watch(located.flatMap(({ location }) => (location === undefined ? [] : [location])));
    const read = await readCorpusEntries(located, this.env.fs, this.env.settingKey, progress);
    this.stamps = read.stamps;
    this.reads++;
    this.verifier.trigger();
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
   * delay after the read): a difference no watcher reported counts as a change. A newer read meanwhile
   * makes the answer moot.
   */
  private verify(): void {
    const [read, stamps] = [this.reads, this.stamps];
    void changedSince(stamps, this.env.fs).then((changed) => {
      if (changed.length > 0 && read === this.reads && !this.disposed) this.changed();
    });
  }

  private changed(): void {
    if (!this.disposed) this.debouncer.trigger();
  }

  dispose(): void {
    this.disposed = true;
    this.debouncer.dispose();
    this.verifier.dispose();
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
  }
}
