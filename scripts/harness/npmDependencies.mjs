// node_modules as package-lock.json says: `npm ci` when node_modules is missing or was installed from another
// lock file. A stamp (node_modules/.paper-scout-stamp: the lock file's hash, the platform) records what the
// last `npm ci` or `npm install` installed (the package's postinstall script writes it); `npm ci` deletes
// node_modules first, so a failed install leaves no stamp.
// Node built-ins only: this runs before node_modules exists.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.mjs';
import { run } from './proc.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const lockFile = join(root, 'package-lock.json');
const stampFile = join(root, 'node_modules', '.paper-scout-stamp');

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

/** What the stamp of an up-to-date node_modules holds. */
function expectedStamp() {
  const hash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
  return `${hash} ${process.platform}-${process.arch}\n`;
}

/** Why `npm ci` must run, or null when node_modules matches package-lock.json. */
export function npmCiReason() {
  let stamp;
  try { stamp = readFileSync(stampFile, 'utf8'); } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    try { readFileSync(join(root, 'node_modules', '.package-lock.json')); } catch { return 'node_modules is missing'; }
    return 'node_modules was not installed by this set-up';
  }
  return stamp === expectedStamp() ? null : 'package-lock.json changed since the last npm ci';
}

/** Records that node_modules now matches package-lock.json. */
export function writeStamp() {
  writeFileSync(stampFile, expectedStamp());
}

/** Runs `npm ci` (output to `logFile`) and stamps node_modules with the lock file it installed. */
export async function npmCi({ logFile }) {
  await run(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, env: npmEnv(), logFile, timeoutMs: 20 * 60_000 });
  writeStamp();
}

// The package's `postinstall` script: an `npm ci` or `npm install` run by hand also stamps node_modules.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--stamp')) writeStamp();
