// `npm test`: the set-up (scripts/harness/setup.mjs: Debian packages, npm ci, Node 24, code-server, each only
// when missing), then four stages (STEPS below): one build; the static checks (type checks, ESLint, dependency
// rules), the unit tests and the bench smoke run side by side; the integration tests of both extension hosts
// side by side; the UI tests of both hosts side by side. Each test suite writes its counts to
// test-results/results/<suite>.json; a suite that writes none (it crashed or timed out) counts as one
// failure, and a check (type check, build) counts as one test. Ends with one line: `N passed, N failed`.
// When the set-up fails it stops there, with the end of the log that says why.
// Only modules that use Node built-ins alone are imported here: node_modules may not exist yet.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { logFile, runLogDir, shortPath } from './harness/logs.mjs';
import { resultsDir, root, screenshotsDir } from './harness/paths.mjs';
import { run } from './harness/proc.mjs';
import { formatSeconds, Progress, ReportedFailure } from './harness/progress.mjs';
import { readResult } from './harness/results.mjs';
import { SETUP_STEPS, setUp } from './harness/setup.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node = process.execPath;
const minutes = (n) => n * 60_000;

const mochaBin = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const counted = (suite) => ['--reporter', './scripts/harness/countingReporter.cjs', '--reporter-option', `suite=${suite}`];

/**
 * The stages in the order they run; the suites of one stage run side by side (each into its own log, printed
 * when it fails), and a stage starts when the one before has ended. Three stages keep the 2 cores busy without
 * letting a CPU-bound tool (tsc, ESLint, mocha) compete with a workbench that the tests drive:
 *   1. the build;
 *   2. the suites that need no VS Code: the static checks (read the sources), the unit tests and the bench smoke
 *      run (each in its own out/ folder and temporary folders);
 *   3. the integration tests of both hosts side by side (each its own server, port, data dir, workspace copy);
 *   4. the UI tests, whose script runs both hosts side by side (e2e.mjs).
 * Each: the command that runs it (and how to show it), the result files it writes (none for a check), a time
 * limit, and about how long it takes within its stage on a quiet 2-core machine with everything installed.
 */
const STEPS = [
  // One build for every suite after it: the bundles, the corpus, the unit, integration and UI test bundles.
  [{ name: 'build', command: node, args: ['scripts/harness/buildAll.mjs'], results: [], timeoutMs: minutes(5), estimate: '10 s' }],
  [
    { name: 'unit tests', command: node, args: [mochaBin, '--config', 'test/unit/.mocharc.json', ...counted('unit')], shown: 'npm run test:unit',
      results: ['unit'], timeoutMs: minutes(10), estimate: '1.5 min' },
    { name: 'type check', command: npm, args: ['run', '--silent', 'typecheck'], results: [], timeoutMs: minutes(5), estimate: '1 min' },
    { name: 'lint', command: npm, args: ['run', '--silent', 'lint'], results: [], timeoutMs: minutes(10), estimate: '1 min' },
    { name: 'dependency rules', command: npm, args: ['run', '--silent', 'deps'], results: [], timeoutMs: minutes(5), estimate: '15 s' },
    { name: 'bench smoke', command: npm, args: ['run', 'bench:smoke', '--', ...counted('bench')], shown: 'npm run bench:smoke',
      results: ['bench'], timeoutMs: minutes(10), estimate: '40 s' },
  ],
  [
    { name: 'integration, web worker host', command: node, args: ['scripts/harness/integration.mjs', '--host', 'web'], shown: 'npm run test:integration:web',
      results: ['integration-web'], timeoutMs: minutes(12), estimate: '1.5 min' },
    { name: 'integration, Node host', command: node, args: ['scripts/harness/integration.mjs', '--host', 'node'], shown: 'npm run test:integration:node',
      results: ['integration-node'], timeoutMs: minutes(15), estimate: '2 min' },
  ],
  [{ name: 'UI tests', command: node, args: ['scripts/harness/e2e.mjs'], shown: 'npm run test:e2e', results: ['e2e-node', 'e2e-web'],
    timeoutMs: minutes(15), estimate: '2.5 min' }],
];
const SUITES = STEPS.flat();

const logs = runLogDir('test');
console.log(`Paper Scout: npm test (logs in ${shortPath(logs)})`);
const progress = new Progress(SETUP_STEPS + SUITES.length);
try {
  await setUp('test', progress);
} catch (error) {
  if (!(error instanceof ReportedFailure)) console.error(`npm test: the set-up failed: ${error.message}`);
  process.exit(1);
}

rmSync(join(resultsDir, 'results'), { recursive: true, force: true });
const env = { ...process.env, PAPER_SCOUT_SKIP_BUILD: '1' };
const rows = [];
let buildFailed = false;

/** Runs one suite; side by side with others, its output goes to its own log, printed when it fails. */
async function runSuite(suite, { alone }) {
  const started = Date.now();
  const log = alone ? undefined : logFile(`${suite.name.replaceAll(' ', '-')}.log`);
  let error = null;
  if (buildFailed && suite.results.length > 0) {
    error = 'not run: the build failed';
  } else {
    try {
      await run(suite.command, suite.args, { cwd: root, env, timeoutMs: suite.timeoutMs, logFile: log });
    } catch (failure) {
      error = failure.message;
      if (suite.name === 'build') buildFailed = true;
      if (log) console.log(readFileSync(log, 'utf8').trimEnd());
    }
  }
  return { suite, error, seconds: Math.round((Date.now() - started) / 1000) };
}

for (const group of STEPS) {
  for (const suite of group) {
    const shown = suite.shown ?? [suite.command === node ? 'node' : 'npm', ...suite.args].join(' ');
    console.log(`${progress.next()} ${suite.name[0].toUpperCase()}${suite.name.slice(1)}: ${shown} (about ${suite.estimate})${group.length > 1 ? ', side by side' : ''}`);
  }
  for (const { suite, error, seconds } of await Promise.all(group.map((suite) => runSuite(suite, { alone: group.length === 1 })))) {
    console.log(`      ${suite.name}: ${error ? `failed (${error})` : 'finished'} in ${formatSeconds(seconds)}`);
    if (suite.results.length === 0) {
      rows.push({ suite: suite.name, passed: error ? 0 : 1, failed: error ? 1 : 0, skipped: 0, seconds, note: error ?? 'ok' });
      continue;
    }
    for (const name of suite.results) {
      const counts = readResult(name);
      if (!counts) rows.push({ suite: name, passed: 0, failed: 1, skipped: 0, seconds, note: `no results (${error ?? 'crashed'})` });
      else if (counts.passed + counts.failed + counts.skipped === 0) rows.push({ suite: name, passed: 0, failed: 1, skipped: 0, seconds, note: 'ran no test' });
      else rows.push({ suite: name, ...counts, seconds: counts.seconds ?? seconds, note: counts.error ?? '' });
    }
  }
}

const total = rows.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }),
  { passed: 0, failed: 0, skipped: 0 });
console.log('\nsuite                 passed  failed  skipped  seconds');
for (const r of rows) {
  console.log(`${r.suite.padEnd(22)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}${String(r.seconds).padStart(9)}${r.note ? `  ${r.note}` : ''}`);
}
console.log(`(${total.skipped} skipped; screenshots in ${shortPath(screenshotsDir)}; logs in ${shortPath(logs)})`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
