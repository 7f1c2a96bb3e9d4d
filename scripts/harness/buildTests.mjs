// Bundles the integration tests for both extension hosts, and the UI tests, with esbuild's JS API:
//   out/test/integration/node/index.js  (Node host: cjs, `mocha` and `vscode` external)
//   out/test/integration/web/index.js   (web worker host: mocha's browser build bundled in)
//   out/test/integration/<host>-<session>/index.js  (the same for each session with a workspace of its own)
//   out/test/e2e/*.test.mjs              (UI tests: plain Node, ES modules)
// Every test/integration/**/*.test.ts is picked up through the virtual module `paper-scout:tests`: those
// in a session's folder (paths.mjs, integrationSessions) join that session's bundle, the others `main`.
// Usage: node scripts/harness/buildTests.mjs
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { integrationOut, integrationSessions, root } from './paths.mjs';

const testDir = join(root, 'test', 'integration');

/** Every file under `dir` whose name ends with `suffix`, sorted so runs are stable. */
function findFiles(dir, suffix) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

/** The folder of the bundle of `host` (`node`, `web`) for `session` (an entry of integrationSessions). */
export function sessionBundleDir(host, session) {
  return join(integrationOut, session.folder ? `${host}-${session.name}` : host);
}

/** True when the test file at `file` belongs to `session`. */
function inSession(file, session) {
  const [top] = relative(testDir, file).split(/[\\/]/);
  const folders = integrationSessions.map((candidate) => candidate.folder).filter(Boolean);
  return session.folder ? top === session.folder : !folders.includes(top);
}

/**
 * Resolves `paper-scout:tests` to a module whose `loadTests()` requires each test file of `session`
 * when called. `*.node.test.ts` files test what only the Node host has (Node's `fs` on local files)
 * and join the Node host's bundle alone; every other test file joins both.
 */
const testListPlugin = (session) => ({
  name: 'paper-scout-tests',
  setup(build) {
    const nodeHost = build.initialOptions.platform === 'node';
    build.onResolve({ filter: /^paper-scout:tests$/ }, () => ({ path: 'tests', namespace: 'paper-scout-tests' }));
    build.onLoad({ filter: /.*/, namespace: 'paper-scout-tests' }, () => {
      // PAPER_SCOUT_TEST_FILES=<regular expression> keeps only the matching test files (a quicker run while working on one).
      const only = process.env.PAPER_SCOUT_TEST_FILES ? new RegExp(process.env.PAPER_SCOUT_TEST_FILES) : null;
      const files = findFiles(testDir, '.test.ts').filter((file) => inSession(file, session) && (nodeHost || !file.endsWith('.node.test.ts')) && (!only || only.test(relative(testDir, file))));
      const requires = files.map((file) => `  require(${JSON.stringify('./' + relative(testDir, file).replaceAll('\\', '/'))});`);
      return {
        contents: `export function loadTests() {\n${requires.join('\n')}\n}\nexport const testFiles = ${JSON.stringify(files.map((f) => relative(root, f)))};\n`,
        resolveDir: testDir,
        loader: 'ts',
      };
    });
  },
});

const common = {
  bundle: true,
  sourcemap: 'inline',
  target: 'es2022',
  logLevel: 'warning',
  format: 'cjs',
};

/** Leaves the harness's own .mjs modules out of the UI test bundle, imported by absolute path at run time. */
const harnessExternalPlugin = {
  name: 'harness-external',
  setup(build) {
    build.onResolve({ filter: /scripts\/harness\/.*\.mjs$/ }, (args) => ({ path: join(args.resolveDir, args.path), external: true }));
  },
};

/** Builds the integration test bundles for both hosts and the UI test bundle. */
export async function buildTests() {
  await Promise.all([
    ...integrationSessions.flatMap((session) => [
      esbuild.build({ ...common, plugins: [testListPlugin(session)], entryPoints: [join(testDir, 'index.node.ts')],
        outfile: join(sessionBundleDir('node', session), 'index.js'), platform: 'node', external: ['vscode', 'mocha'] }),
      esbuild.build({ ...common, plugins: [testListPlugin(session)], entryPoints: [join(testDir, 'index.web.ts')],
        outfile: join(sessionBundleDir('web', session), 'index.js'), platform: 'browser', external: ['vscode'],
        mainFields: ['browser', 'module', 'main'], define: { 'process.env.NODE_ENV': '"test"' } }),
    ]),
    // UI tests run in plain Node under mocha, as ES modules so they can import the harness's .mjs helpers.
    esbuild.build({ ...common, entryPoints: findFiles(join(root, 'test', 'e2e'), '.test.ts'), outdir: join(integrationOut, '..', 'e2e'),
      outExtension: { '.js': '.mjs' }, platform: 'node', format: 'esm', external: ['playwright-core', 'mocha'],
      plugins: [harnessExternalPlugin] }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildTests().catch((error) => { console.error(error); process.exit(1); });
}
