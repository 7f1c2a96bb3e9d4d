// `npm test`: the set-up (scripts/harness/setup.mjs: Debian packages, npm ci, Node 24, code-server, each only
// when missing), then four stages (STEPS below): the .vsix when a source is newer; one build; the static checks
// (type checks, ESLint, dependency rules), the unit tests and the bench smoke run side by side; the integration
// and UI tests of both extension hosts in two lanes side by side. Each test suite writes its counts to
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
 * The stages in the order they run. A stage is a list of lanes that run side by side (each suite into its own
 * log, printed when it fails); the suites of one lane run one after the other; a stage starts when the one
 * before has ended. The stages keep the 2 cores busy without letting a CPU-bound tool (tsc, ESLint, mocha)
 * compete with a workbench that the tests drive:
 *   1. the .vsix, packaged only when a source is newer (its production build rewrites dist/, so it runs before
 *      anything reads dist/);
 *   2. the build (the development bundles in dist/, the corpus, the test bundles);
 *   3. the suites that need no VS Code: the static checks (read the sources), the unit tests (two mocha
 *      workers, test/unit/.mocharc.json) and the bench smoke run (each in its own out/ folder and temporary
 *      folders);
 *   4. the four hosts in two lanes: each lane an integration host, then the other kind's UI host, so that the
 *      longer of each kind (Node) runs beside the shorter (web), and a lane that ends early does not leave a
 *      core idle while the other finishes. Every host has its own server, port, data or state folder,
 *      workspace copy, browser profile, result file and log.
 * Each suite: the command that runs it (and how to show it), the result files it writes (none for a check), a
 * time limit, and about how long it takes within its stage on a quiet 2-core machine with everything installed.
 */
const lane = (...suites) => suites;
const INTEGRATION_WEB = { name: 'integration, web worker host', command: node, args: ['scripts/harness/integration.mjs', '--host', 'web'], shown: 'npm run test:integration:web',
  results: ['integration-web'], timeoutMs: minutes(12), estimate: '2 min' };
const INTEGRATION_NODE = { name: 'integration, Node host', command: node, args: ['scripts/harness/integration.mjs', '--host', 'node'], shown: 'npm run test:integration:node',
  results: ['integration-node'], timeoutMs: minutes(15), estimate: '2.5 min' };
const UI_WEB = { name: 'UI tests, web worker host', command: node, args: ['scripts/harness/e2e.mjs', '--host', 'web'], shown: 'npm run test:e2e -- --host web',
  results: ['e2e-web'], timeoutMs: minutes(12), estimate: '2 min' };
const UI_NODE = { name: 'UI tests, Node host', command: node, args: ['scripts/harness/e2e.mjs', '--host', 'node'], shown: 'npm run test:e2e -- --host node',
  results: ['e2e-node'], needs: ['build', 'package'], timeoutMs: minutes(15), estimate: '3 min' };
const STEPS = [
  [lane({ name: 'package', command: node, args: ['scripts/harness/package.mjs'], results: [], timeoutMs: minutes(5), estimate: '20 s, or nothing when current' })],
  // One build for every suite after it: the bundles, the corpus, the unit, integration and UI test bundles.
  [lane({ name: 'build', command: node, args: ['scripts/harness/buildAll.mjs'], results: [], timeoutMs: minutes(5), estimate: '10 s' })],
  [
    lane({ name: 'unit tests', command: node, args: [mochaBin, '--config', 'test/unit/.mocharc.json', ...counted('unit')], shown: 'npm run test:unit',
      results: ['unit'], timeoutMs: minutes(10), estimate: '1.5 min' }),
    lane({ name: 'type check', command: npm, args: ['run', '--silent', 'typecheck'], results: [], timeoutMs: minutes(5), estimate: '1 min' }),
    lane({ name: 'lint', command: npm, args: ['run', '--silent', 'lint'], results: [], timeoutMs: minutes(10), estimate: '1 min' }),
    lane({ name: 'dependency rules', command: npm, args: ['run', '--silent', 'deps'], results: [], timeoutMs: minutes(5), estimate: '15 s' }),
    lane({ name: 'bench smoke', command: npm, args: ['run', 'bench:smoke', '--', ...counted('bench')], shown: 'npm run bench:smoke',
      results: ['bench'], timeoutMs: minutes(10), estimate: '40 s' }),
  ],
  [lane(INTEGRATION_NODE, UI_WEB), lane(INTEGRATION_WEB, UI_NODE)],
];
const SUITES = STEPS.flat(2);

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
/** The package or build, when it failed: a suite that needs what it makes is not run. */
const prerequisitesFailed = new Set();

/** Runs one suite; side by side with others, its output goes to its own log, printed when it fails. */
async function runSuite(suite, { alone }) {
  const started = Date.now();
  const log = alone ? undefined : logFile(`${suite.name.replaceAll(' ', '-')}.log`);
  let error = null;
  // Every suite that counts tests needs the build; the Node UI host needs the .vsix too.
  const missing = (suite.results.length > 0 ? suite.needs ?? ['build'] : []).find((name) => prerequisitesFailed.has(name));
  if (missing) {
    error = `not run: the ${missing} failed`;
  } else {
    try {
      await run(suite.command, suite.args, { cwd: root, env, timeoutMs: suite.timeoutMs, logFile: log });
    } catch (failure) {
      error = failure.message;
      if (suite.name === 'package' || suite.name === 'build') prerequisitesFailed.add(suite.name);
      if (log) console.log(readFileSync(log, 'utf8').trimEnd());
    }
  }
  return { suite, error, seconds: Math.round((Date.now() - started) / 1000) };
}

/** Adds a finished suite's rows: its result files' counts, or one row for a check. */
function record({ suite, error, seconds }) {
  if (suite.results.length === 0) {
    rows.push({ suite: suite.name, passed: error ? 0 : 1, failed: error ? 1 : 0, skipped: 0, seconds, note: error ?? 'ok' });
    return;
  }
  for (const name of suite.results) {
    const counts = readResult(name);
    if (!counts) rows.push({ suite: name, passed: 0, failed: 1, skipped: 0, seconds, note: `no results (${error ?? 'crashed'})` });
    else if (counts.passed + counts.failed + counts.skipped === 0) rows.push({ suite: name, passed: 0, failed: 1, skipped: 0, seconds, note: 'ran no test' });
    else rows.push({ suite: name, ...counts, seconds: counts.seconds ?? seconds, note: counts.error ?? '' });
  }
}

for (const stage of STEPS) {
  const alone = stage.length === 1 && stage[0].length === 1;
  for (const suites of stage) {
    suites.forEach((suite, at) => {
      const shown = suite.shown ?? [suite.command === node ? 'node' : 'npm', ...suite.args].join(' ');
      const how = alone ? '' : at > 0 ? `, side by side, after ${suites[at - 1].name}` : ', side by side';
      console.log(`${progress.next()} ${suite.name[0].toUpperCase()}${suite.name.slice(1)}: ${shown} (about ${suite.estimate})${how}`);
    });
  }
  // Rows in the order the suites are listed, whatever order they end in.
  const done = await Promise.all(stage.map(async (suites) => {
    const ended = [];
    for (const suite of suites) {
      const result = await runSuite(suite, { alone });
      console.log(`      ${suite.name}: ${result.error ? `failed (${result.error})` : 'finished'} in ${formatSeconds(result.seconds)}`);
      ended.push(result);
    }
    return ended;
  }));
  for (const result of done.flat()) record(result);
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
