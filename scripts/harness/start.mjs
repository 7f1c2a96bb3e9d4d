// `npm start`: installs what it needs on first run, packages Paper Scout, installs the .vsix into
// code-server and serves a real VS Code at a localhost URL. Ctrl+C stops it.
// Usage: npm start [-- <workspace folder>]
//   Without a folder it opens .tools/start/workspace, a copy of test/fixtures/workspace made on first run.
//   PORT=8080 by default; any free port when that one is taken.
import { cpSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { installVsix, packageVsix, serveCodeServer } from './codeServer.mjs';
import { installTools } from './installTools.mjs';
import { fixtureWorkspace, toolsDir } from './paths.mjs';
import { freePort, step } from './proc.mjs';

/** `wanted` when nothing listens there, otherwise any free port. */
function portOr(wanted) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => freePort().then(resolvePort));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolvePort(wanted)));
  });
}

const stateDir = join(toolsDir, 'start');
const logs = join(toolsDir, 'logs');
const folder = process.argv[2] ? resolve(process.argv[2]) : join(stateDir, 'workspace');
try {
  step('1/4 tools (Node 24, code-server) in .tools/');
  await installTools();
  step('2/4 build and package the extension');
  const vsix = await packageVsix({ logFile: join(logs, 'package.log') });
  step('3/4 install the .vsix into code-server');
  await installVsix(vsix, stateDir, { logFile: join(logs, 'install-extension.log') });
  if (!process.argv[2] && !existsSync(folder)) cpSync(fixtureWorkspace, folder, { recursive: true });
  step(`4/4 serve VS Code on ${folder}`);
  const port = await portOr(Number(process.env.PORT ?? 8080));
  const { url, child } = await serveCodeServer({ port, folder, stateDir, logFile: join(logs, 'code-server.log'),
    settings: { 'git.openRepositoryInParentFolders': 'never' } });
  console.log(`\nPaper Scout is running in VS Code at ${url}?folder=${encodeURIComponent(folder)}\n(log: ${join(logs, 'code-server.log')}; Ctrl+C stops it)`);
  child.on('exit', (code) => { console.error(`code-server exited (${code})`); process.exit(1); });
} catch (error) {
  console.error(`[harness] npm start failed: ${error.message}`);
  process.exit(1);
}
