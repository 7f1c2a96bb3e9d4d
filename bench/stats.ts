// Small statistics helpers for the benchmark.

/** The median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile `p` (0..100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Latency summary of per-query times in ms. */
export interface Latency {
  queryP50Ms: number;
  queryP95Ms: number;
  queryP99Ms: number;
  queries: number;
}

export function latency(times: readonly number[]): Latency {
  return { queryP50Ms: round(percentile(times, 50)), queryP95Ms: round(percentile(times, 95)), queryP99Ms: round(percentile(times, 99)), queries: times.length };
}

/**
 * Times `run` on each query `repeats` times, after one warm-up pass, and returns each query's median
 * in ms, so a noisy neighbour spoils one sample rather than the figure.
 */
export function timeQueries<Q>(queries: readonly Q[], repeats: number, run: (query: Q) => unknown, warmUp = true): number[] {
  if (warmUp) for (const query of queries) run(query);
  const samples = queries.map(() => [] as number[]);
  for (let pass = 0; pass < repeats; pass++) {
    queries.forEach((query, i) => {
      const start = performance.now();
      run(query);
      samples[i].push(performance.now() - start);
    });
  }
  return samples.map(median);
}

/** `value` rounded to 3 significant decimals for reports. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Heap in use (JavaScript heap plus typed-array buffers) in MB, after a full GC when the process allows it. */
export function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return round((memory.heapUsed + memory.arrayBuffers) / (1024 * 1024), 1);
}

/**
 * Runs `work` while a setImmediate chain measures the longest turn of the event loop (the longest the
 * thread was held without a break); returns both.
 */
export async function withBlockProbe<T>(work: () => Promise<T>): Promise<{ result: T; longestTurnMs: number }> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  running = false;
  // The stretch since the last turn, which ended with the work, counts too.
  return { result, longestTurnMs: Math.max(longest, performance.now() - last) };
}
