// Bundles Paper Scout: the CLI, the extension for the Node and web-worker hosts, the webview script,
// and (with --tests) the unit tests. Usage: node esbuild.config.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Every file under `dir` whose name ends with `suffix`. */
function findFiles(dir, suffix) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  // jsonc-parser's UMD main uses a dynamic require esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
    banner: { js: '#!/usr/bin/env node' } },
];

const extensionEntry = 'src/extension.ts';
let hasExtension = false;
try { hasExtension = statSync(extensionEntry).isFile(); } catch { /* not yet written */ }
if (hasExtension) {
  builds.push(
    // PAPER_SCOUT_HOST picks each host's search worker (src/searchWorker/startSearchWorker.ts); the web bundle then holds no Node code.
    { ...common, entryPoints: [extensionEntry], outfile: 'dist/extension.js', platform: 'node', format: 'cjs',
      external: ['vscode'], define: { PAPER_SCOUT_HOST: '"node"' } },
    { ...common, entryPoints: [extensionEntry], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs',
      external: ['vscode'], mainFields: ['browser', 'module', 'main'],
      define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"', PAPER_SCOUT_HOST: '"web"' } },
  );
}
try {
  if (statSync('src/webview/main.ts').isFile()) {
    builds.push({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js',
      platform: 'browser', format: 'iife' });
  }
} catch { /* no webview yet */ }

// The search worker, which loads or builds an index off the extension host's thread: a worker_threads
// worker for the Node host and a Web Worker for the web host (started by src/searchWorker/startSearchWorker.ts).
builds.push(
  { ...common, entryPoints: ['src/searchWorker/nodeWorkerMain.ts'], outfile: 'dist/searchWorker.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['src/searchWorker/webWorkerMain.ts'], outfile: 'dist/web/searchWorker.js', platform: 'browser', format: 'iife' },
);

if (tests) {
  // Tests that moved or were deleted must not linger in the output and run again.
  rmSync('out/test/unit', { recursive: true, force: true });
  builds.push({ ...common, entryPoints: findFiles('test/unit', '.test.ts'), outdir: 'out/test/unit',
    outbase: 'test/unit', platform: 'node', format: 'cjs', external: ['mocha', 'fast-check'] });
}

/**
 * Parses the bundled pages into dist/corpus.json (validated) with the same core the extension uses, and
 * writes its prebuilt search index: MiniSearch's JSON (dist/index.json) and the vocabulary beside it
 * (dist/vocabulary.json).
 */
async function buildCorpus() {
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['scripts/buildCorpus.ts'],
    outfile: 'out/buildCorpus.js', platform: 'node', format: 'cjs' });
  execFileSync(process.execPath, ['out/buildCorpus.js', 'media/corpus/pages', 'dist/corpus.json'], { stdio: 'inherit' });
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['scripts/buildIndex.ts'],
    outfile: 'out/buildIndex.js', platform: 'node', format: 'cjs' });
  execFileSync(process.execPath, ['out/buildIndex.js', 'dist/corpus.json', 'dist/index.json', 'dist/vocabulary.json'], { stdio: 'inherit' });
}

await buildCorpus();

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
