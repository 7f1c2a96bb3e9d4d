// Entry the Node extension host loads as `extensionTestsPath` (bundled to out/test/integration/node/).
import Mocha from 'mocha';
import { loadTests, testFiles } from 'paper-scout:tests';
import { assertNoCommandFailed } from './helpers';
import { countRun, settle } from './report';

/** Runs every integration test in this extension host. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  console.log(`integration tests (node host): ${testFiles.join(', ')}`);
  loadTests();
  // Last, over the whole run: a command that failed in any test fails the run (the registry catches every error).
  after('no Paper Scout command failed', () => assertNoCommandFailed(0, 'the run'));
  let runner!: Mocha.Runner;
  const done = new Promise<void>((resolve) => { runner = mocha.run(() => resolve()); });
  const counts = await countRun(runner);
  await done;
  settle(counts);
}
