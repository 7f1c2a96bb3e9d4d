import { seededRandom } from './seededRandom';

/**
 * The seed the evaluation sets were split with, drawn once (2026-12-04) before any ranking was tuned on
 * them and recorded here. Never change it: another seed would move held-out items into the tuning half.
 */
export const SPLIT_SEED = 0x23a11;

/** A set cut at random into a tuning half, which ranking may be tuned on, and a held-out half, which it never is. */
export interface Halves<T> {
  tuning: T[];
  heldOut: T[];
}

/**
 * `items` shuffled with `seed` (Fisher-Yates) and cut in two: the first half (rounded up) tunes, the
 * rest is held out. Each half keeps the items' written order, so a set reads the same in both.
 */
export function splitHalves<T>(items: readonly T[], seed = SPLIT_SEED): Halves<T> {
  const order = items.map((_, at) => at);
  const random = seededRandom(seed);
  for (let at = order.length - 1; at > 0; at--) {
    const other = Math.floor(random() * (at + 1));
    [order[at], order[other]] = [order[other], order[at]];
  }
  const tuningAt = new Set(order.slice(0, Math.ceil(items.length / 2)));
  return { tuning: items.filter((_, at) => tuningAt.has(at)), heldOut: items.filter((_, at) => !tuningAt.has(at)) };
}
