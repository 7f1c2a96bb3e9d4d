// Running the benchmark's fresh-process children, and comparing Paper Scout with a baseline.
import { execFileSync } from 'node:child_process';
import type { Searcher } from './baselines';
import type { BaselineReport } from './report';
import { latency, median, percentile, round, timeQueries } from './stats';

/** Runs a bundled child script in a fresh Node process and returns the JSON object it printed last. */
export function runScript<T>(script: string, args: string[], nodeArgs: string[] = []): T {
  const output = execFileSync(process.execPath, [...nodeArgs, script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop() as string) as T;
}

/** Runs a child `runs` times and returns the median of what `pick` takes from each run, and the last run. */
export function scriptMedian<T>(runs: number, script: string, args: string[], pick: (result: T) => number, nodeArgs: string[] = []): { value: number; last: T } {
  const values: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < runs; run++) {
    last = runScript<T>(script, args, nodeArgs);
    values.push(pick(last));
  }
  return { value: round(median(values)), last: last as T };
}

/** Times a baseline on `sample` and compares Paper Scout's per-query medians on the same queries. */
export function compare(name: BaselineReport['name'], searcher: Searcher, sample: string[], sampled: boolean, repeats: number, paperScoutMs: Map<string, number>): BaselineReport {
  const times = timeQueries(sample, repeats, (query) => searcher(query), repeats > 1);
  const ours = sample.map((query) => paperScoutMs.get(query) as number);
  const p95 = percentile(times, 95);
  const ourP95 = percentile(ours, 95);
  return { name, sampled, ...latency(times), paperScoutP95Ms: round(ourP95), p95Ratio: Number((ourP95 / p95).toPrecision(3)) };
}
