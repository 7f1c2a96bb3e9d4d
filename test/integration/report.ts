// Counts a mocha run and prints one machine-readable line that scripts/harness/results.mjs parses,
// whatever the host does with the rest of the output.

/** The marker the harness looks for in the extension host's log. */
export const RESULT_MARKER = 'PAPER_SCOUT_RESULT';

/** What one run counted. */
export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; error: string }[];
}

/** The part of mocha's Runner this needs (the Node and browser builds differ in their types). */
export interface RunnerLike {
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** Listens to `runner`; resolves with the counts when it ends. */
export function countRun(runner: RunnerLike): Promise<RunCounts> {
  const counts: RunCounts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  runner.on('pass', () => { counts.passed++; });
  runner.on('pending', () => { counts.skipped++; });
  runner.on('fail', (test: { fullTitle(): string }, error: Error) => {
    counts.failed++;
    counts.failures.push({ title: test.fullTitle(), error: String(error?.stack ?? error) });
  });
  return new Promise((resolve) => {
    runner.on('end', () => {
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: counts.passed, failed: counts.failed, skipped: counts.skipped })}`);
      resolve(counts);
    });
  });
}

/** Settles a test run: rejects (so the host exits non-zero) when anything failed. */
export function settle(counts: RunCounts): void {
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
}
