// Entry the web worker extension host loads as `extensionTestsPath` (bundled to out/test/integration/web/).
// mocha's browser build sets the global `mocha`; as an ES module to esbuild, its `module.exports = mocha`
// replaces this bundle's exports, so `run` is exported by assignment after requiring it.
import { loadTests, testFiles } from 'paper-scout:tests';
import { assertNoCommandFailed } from './helpers';
import { countRun, settle, type RunnerLike } from './report';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the imports: its module.exports must not replace `run` (see above)
require('mocha/mocha.js');

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(callback: (failures: number) => void): RunnerLike;
}

/** Runs every integration test in this extension host. */
async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  console.log(`integration tests (web worker host): ${testFiles.join(', ')}`);
  loadTests();
  // Last, over the whole run: a command that failed in any test fails the run (the registry catches every error).
  after('no Paper Scout command failed', () => assertNoCommandFailed(0, 'the run'));
  let runner!: ReturnType<BrowserMocha['run']>;
  const done = new Promise<void>((resolve) => { runner = mocha.run(() => resolve()); });
  const counts = await countRun(runner);
  await done;
  settle(counts);
}

module.exports = { run };
