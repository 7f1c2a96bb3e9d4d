// code-server as users run it: package the extension as a .vsix, install it into an extensions folder,
// and serve VS Code on a workspace. Used by `npm start` and the Node-host UI tests.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { installTools } from './installTools.mjs';
import { codeServerEntry, node24Bin, root, vsixPath } from './paths.mjs';
import { run, startServer, waitForHttp } from './proc.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** What the .vsix is built from: a change to any of these makes `vsixIsCurrent` false. */
const VSIX_INPUTS = ['src', 'media', 'scripts', 'package.json', 'package-lock.json', 'README.md', 'LICENSE', 'CHANGELOG.md',
  'esbuild.config.mjs', 'tsconfig.json', '.vscodeignore'];

/** The newest modification time (ms) of `path` and everything under it; 0 when it does not exist. */
function newestChange(path) {
  let info;
  try { info = statSync(path); } catch { return 0; }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** True when out/paper-scout.vsix exists and nothing it is built from changed after it was written. */
export function vsixIsCurrent() {
  let built;
  try { built = statSync(vsixPath).mtimeMs; } catch { return false; }
  return VSIX_INPUTS.every((input) => newestChange(join(root, input)) <= built);
}

/** Builds the .vsix with `npm run package` (vsce runs the production build first). */
export async function packageVsix({ logFile } = {}) {
  await run(npm, ['run', 'package'], { cwd: root, logFile, timeoutMs: 5 * 60_000 });
  if (!existsSync(vsixPath)) throw new Error(`npm run package wrote no ${vsixPath}`);
  return vsixPath;
}

/** The environment code-server runs in: its config and data stay under `stateDir`, not in $HOME. */
function codeServerEnv(stateDir) {
  return { ...process.env, XDG_CONFIG_HOME: join(stateDir, 'config'), XDG_DATA_HOME: join(stateDir, 'data') };
}

/** Installs `vsix` into `stateDir`'s extensions folder with code-server's own CLI. */
export async function installVsix(vsix, stateDir, { logFile } = {}) {
  await installTools();
  await run(node24Bin, [codeServerEntry, '--extensions-dir', join(stateDir, 'extensions'),
    '--user-data-dir', join(stateDir, 'user-data'), '--install-extension', vsix, '--force'],
  { cwd: root, env: codeServerEnv(stateDir), logFile, timeoutMs: 2 * 60_000 });
}

/**
 * Serves code-server on 127.0.0.1:`port` for `folder`, with the extensions installed in `stateDir`;
 * `settings` become the user settings unless the user already has some. Resolves once it answers; the
 * returned child dies with this process.
 */
export async function serveCodeServer({ port, folder, stateDir, logFile, settings }) {
  const settingsFile = join(stateDir, 'user-data', 'User', 'settings.json');
  mkdirSync(dirname(settingsFile), { recursive: true });
  if (settings && !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
  const child = startServer(node24Bin, [codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--extensions-dir', join(stateDir, 'extensions'), '--user-data-dir', join(stateDir, 'user-data'), folder],
  { cwd: root, env: codeServerEnv(stateDir), logFile });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(`${url}healthz`, { timeoutMs: 60_000, child });
  return { url, child };
}
