// `npm run test:properties [-- ROUNDS]`: the unit test files that hold property tests (they import fast-check),
// run ROUNDS times (5 unless told) with a fresh random seed each time. `npm test` runs them with one fixed
// seed (test/unit/propertySeed.cjs) so CI is repeatable; this is where new inputs are explored. A failure
// prints the seed and path to replay: PAPER_SCOUT_PROPERTY_SEED=<seed> npm run test:unit.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const rounds = Number(process.argv[2] ?? 5);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rounds must be a positive integer, not ${process.argv[2]}`);

const propertyFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
  const path = join(dir, entry.name);
  if (entry.isDirectory()) return propertyFiles(path);
  return entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes("from 'fast-check'") ? [path] : [];
});
const specs = propertyFiles('test/unit').map((path) => relative('.', path).replace(/^test/, 'out/test').replace(/\.ts$/, '.js'));

const step = (command, args, env = process.env) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
if (step(process.execPath, ['esbuild.config.mjs', '--tests']) !== 0) process.exit(1);
let failed = 0;
for (let round = 1; round <= rounds; round++) {
  console.log(`\nround ${round} of ${rounds}: ${specs.length} files with property tests, a random seed`);
  const status = step(process.execPath, ['node_modules/mocha/bin/mocha.js', '--no-config', '--require', 'test/unit/propertySeed.cjs', '--timeout', '60000',
    '--enable-source-maps', '--reporter', 'dot', ...specs],
    { ...process.env, PAPER_SCOUT_PROPERTY_SEED: 'random' });
  if (status !== 0) failed++;
}
console.log(`\n${rounds - failed} passed, ${failed} failed (rounds)`);
process.exit(failed === 0 ? 0 : 1);
