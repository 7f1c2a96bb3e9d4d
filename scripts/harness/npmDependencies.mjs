// node_modules as package-lock.json says: `npm ci` when node_modules is missing or does not hold what the lock
// file lists. npm records what it installed in node_modules/.package-lock.json (its "hidden lockfile", written
// last by every `npm ci` and `npm install`, whoever ran it), so that record is compared with package-lock.json:
// no stamp of our own, and no install hook in the package's manifest.
// Node built-ins only: this runs before node_modules exists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { run } from './proc.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const lockFile = join(root, 'package-lock.json');
const installedFile = join(root, 'node_modules', '.package-lock.json');

/**
 * npm settings a user may have put in the environment to reach the registry at all; everything else npm
 * exports to a script (npm_config_user_agent, npm_config_nodedir, npm_lifecycle_*, ...) is dropped.
 */
const KEEP = new Set(['npm_config_registry', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy',
  'npm_config_cafile', 'npm_config_strict_ssl', 'npm_config_cache']);

/**
 * The environment for an npm install started from inside `npm start` / `npm test`: the outer npm's `npm_*`
 * variables removed, since the inner npm would take them as its own settings (code-server's postinstall
 * reads the Node version from npm_config_user_agent, and npm_config_nodedir points at the wrong headers).
 * Log level `http`: the log lists every download, so an install that stalls shows where it stopped.
 */
export function npmEnv(extra = {}) {
  const kept = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || KEEP.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), npm_config_update_notifier: 'false', npm_config_fund: 'false',
    npm_config_audit: 'false', npm_config_loglevel: 'http', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...extra };
}

/** Whether a package entry of a lock file is meant for this machine (its `os` and `cpu` lists, `!x` excluding x). */
function fitsThisMachine(entry) {
  const fits = (list, value) => !list || (list.some((item) => !item.startsWith('!')) ? list.includes(value) : !list.includes(`!${value}`));
  return fits(entry.os, process.platform) && fits(entry.cpu, process.arch);
}

/** Why `npm ci` must run, or null when node_modules holds what package-lock.json lists. */
export function npmCiReason() {
  let installed;
  try {
    installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  } catch (error) {
    if (error.code === 'ENOENT') return 'node_modules is missing';
    return `node_modules/.package-lock.json cannot be read (${error.message})`;
  }
  const wanted = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.link) continue;
    const have = installed[path];
    if (!have) {
      // npm leaves out optional packages for other platforms, and optional ones whose install failed.
      if (entry.optional && !(entry.os || entry.cpu)) continue;
      if (entry.optional && !fitsThisMachine(entry)) continue;
      return `package-lock.json lists ${path.replace(/^node_modules\//, '')}, which is not installed`;
    }
    if (have.version !== entry.version || have.integrity !== entry.integrity) {
      return `package-lock.json changed since the last install (${path.replace(/^node_modules\//, '')} ${have.version} -> ${entry.version})`;
    }
  }
  for (const path of Object.keys(installed)) {
    if (!(path in wanted)) return `node_modules holds ${path.replace(/^node_modules\//, '')}, which package-lock.json does not list`;
  }
  return null;
}

/** Runs `npm ci` (output to `logFile`). */
export async function npmCi({ logFile }) {
  await run(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, env: npmEnv(), logFile, timeoutMs: 20 * 60_000 });
}
