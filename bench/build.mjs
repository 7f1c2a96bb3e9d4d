// Bundles the benchmark (out/bench/main.js), its fresh-process children (out/bench/child.js for the
// bundled corpus, out/bench/scale.js for large corpora), the search worker they load them in, and the
// bench's own smoke test (out/bench/smoke.test.js, `npm run bench:smoke`).
import * as esbuild from 'esbuild';

const options = {
  outdir: 'out/bench',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser (reached through bench/hostile.ts) bundles only from its ESM build, as in esbuild.config.mjs.
  mainFields: ['module', 'main'],
};
await esbuild.build({ ...options, entryPoints: { main: 'bench/main.ts' } });
// `npm run bench:idle`: the idle workspace entry alone (bench/idleOnly.ts).
await esbuild.build({ ...options, entryPoints: { idleOnly: 'bench/idleOnly.ts' } });
// `npm run bench:search`: the bundled query latencies and the scale part alone (bench/searchOnly.ts).
await esbuild.build({ ...options, entryPoints: { searchOnly: 'bench/searchOnly.ts' } });
// `npm run bench:scale-quality`: the two-pass ranking of a large index against one pass (bench/scaleQuality.ts).
await esbuild.build({ ...options, entryPoints: { scaleQuality: 'bench/scaleQuality.ts' } });
await esbuild.build({ ...options, entryPoints: { 'smoke.test': 'bench/smoke.test.ts' }, external: ['mocha'] });
// The children and the worker stand in for the extension host's bundles, so they are minified like the production build.
await esbuild.build({ ...options, entryPoints: { child: 'bench/child/child.ts', scale: 'bench/child/scale.ts', searchWorker: 'src/searchWorker/nodeWorkerMain.ts' }, minify: true });
// The workspace citation index runs in its own fresh process too (bench/citationIndex.ts).
await esbuild.build({ ...options, entryPoints: { citationIndex: 'bench/child/citationIndexChild.ts' }, minify: true });
// Users' corpora are loaded through the extension's store in a fresh process too (bench/userCorpus.ts).
await esbuild.build({ ...options, entryPoints: { userCorpus: 'bench/child/userCorpusChild.ts' }, minify: true });
// The user's library is loaded through the store, indexed in the search worker, in its own process (bench/library.ts).
await esbuild.build({ ...options, entryPoints: { library: 'bench/child/libraryChild.ts' }, minify: true });
// idleWorkspace: the extension itself, built as the production bundle for the Node host is, activated by
// a fresh process in a fake vscode that counts what it reads and watches (bench/idleWorkspace.ts).
await esbuild.build({ ...options, entryPoints: { extension: 'src/extension.ts' }, minify: true, external: ['vscode'], define: { PAPER_SCOUT_HOST: '"node"' } });
await esbuild.build({ ...options, entryPoints: { idleWorkspace: 'bench/child/idleWorkspaceChild.ts' }, minify: true });
