// `npm start`: does the set-up (setup.mjs) on first run, packages Paper Scout (again only when a source is
// newer than the .vsix), installs the .vsix into code-server and serves a real VS Code at a localhost URL.
// Ctrl+C stops it.
// Usage: npm start [-- [<folder>] [--port <n>]]
//   Without a folder it opens .tools/start/workspace, a copy of test/fixtures/workspace made on first run.
//   The port is --port, else $PORT, else 8080 (or any free port when 8080 is taken).
// Only modules that use Node built-ins alone are imported up front: node_modules may not exist yet.
import { cpSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { logFile, runLogDir, shortPath } from './logs.mjs';
import { fixtureWorkspace, toolsDir, vsixPath } from './paths.mjs';
import { freePort } from './proc.mjs';
import { Progress, ReportedFailure } from './progress.mjs';
import { SETUP_STEPS, setUp } from './setup.mjs';

const USAGE = 'usage: npm start [-- [<folder>] [--port <n>]]   (or PORT=<n> npm start)';

/** The folder and port asked for on the command line or in $PORT; exits with a message when they are wrong. */
function parseArguments(args) {
  let folder = null;
  let port = process.env.PORT || null;
  let portSource = 'PORT';
  // Without `--`, npm keeps `--port` for itself: `npm start --port=9000` arrives as npm_config_port=9000, and
  // `npm start --port 9000` as npm_config_port=true with 9000 as the first argument.
  const npmPort = process.env.npm_config_port;
  if (npmPort === 'true' && /^\d+$/.test(args[0] ?? '')) { port = args[0]; portSource = '--port'; args = args.slice(1); }
  else if (npmPort && npmPort !== 'true') { port = npmPort; portSource = '--port'; }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
    if (arg === '--port' || arg.startsWith('--port=')) {
      port = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      portSource = '--port';
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}\n${USAGE}`);
    } else if (folder === null) {
      folder = resolve(arg);
    } else {
      fail(`one folder at most (got ${folder} and ${arg})\n${USAGE}`);
    }
  }
  if (folder !== null && !(existsSync(folder) && statSync(folder).isDirectory())) fail(`the folder ${folder} does not exist`);
  if (port !== null && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    fail(`${portSource} ${port} is not a port number (1-65535)`);
  }
  return { folder, port: port === null ? null : Number(port) };
}

/** Prints `message` as npm start's error and exits. */
function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

/** True when nothing listens on 127.0.0.1:`port`. */
function portIsFree(port) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}

/** The asked-for port (which must be free), else 8080 when free, else any free port. */
async function choosePort(asked) {
  if (asked !== null) {
    if (!(await portIsFree(asked))) fail(`port ${asked} is in use; choose another with --port <n>`);
    return asked;
  }
  return (await portIsFree(8080)) ? 8080 : freePort();
}

const { folder: askedFolder, port: askedPort } = parseArguments(process.argv.slice(2));
if (askedPort !== null) await choosePort(askedPort); // fail now, not after minutes of set-up
const stateDir = join(toolsDir, 'start');
const folder = askedFolder ?? join(stateDir, 'workspace');
const progress = new Progress(SETUP_STEPS + 3);
console.log(`Paper Scout: npm start (logs in ${shortPath(runLogDir('start'))})`);
try {
  await setUp('start', progress);
  // These may load packages from node_modules, which exists only now.
  const { installVsix, packageVsix, serveCodeServer, vsixIsCurrent } = await import('./codeServer.mjs');
  const packageLog = logFile('package.log');
  if (vsixIsCurrent()) {
    progress.skip('Paper Scout .vsix', `${shortPath(vsixPath)} is newer than its sources`);
  } else {
    await progress.run('Building and packaging Paper Scout (npm run package)', { estimate: '20 s', log: packageLog },
      () => packageVsix({ logFile: packageLog }));
  }
  const installLog = logFile('install-extension.log');
  await progress.run('Installing the .vsix into code-server', { log: installLog }, () => installVsix(vsixPath, stateDir, { logFile: installLog }));
  if (!askedFolder && !existsSync(folder)) cpSync(fixtureWorkspace, folder, { recursive: true });
  const serverLog = logFile('code-server.log');
  const { url, child } = await progress.run(`Starting VS Code (code-server) on ${folder}`, { estimate: '5 s', log: serverLog }, async () => {
    const port = await choosePort(askedPort);
    return serveCodeServer({ port, folder, stateDir, logFile: serverLog, settings: { 'git.openRepositoryInParentFolders': 'never' } });
  });
  console.log(`\nPaper Scout is running in VS Code at ${url}?folder=${encodeURIComponent(folder)}\n(log: ${shortPath(serverLog)}; Ctrl+C stops it)`);
  child.on('exit', (code) => { console.error(`code-server exited (${code}); its log: ${serverLog}`); process.exit(1); });
} catch (error) {
  if (!(error instanceof ReportedFailure)) console.error(`npm start failed: ${error.message}`);
  process.exit(1);
}
