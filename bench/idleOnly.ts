// `npm run bench:idle`: the idle workspace entry of `npm run bench` alone (bench/idleWorkspace.ts),
// for work on activation: the same workspace, runs and window as the full bench, with its table lines.
//   node out/bench/idleOnly.js [--runs N] [--json]
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIdleWorkspace, measureIdleWorkspace } from './idleWorkspace';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 5;
const work = join(tmpdir(), `paper-scout-idle-${process.pid}`);
mkdirSync(work, { recursive: true });
try {
  const report = measureIdleWorkspace(work, 20000, runs, 2000);
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else formatIdleWorkspace(report, (label, value) => process.stdout.write(`  ${label.padEnd(28)} ${value}\n`));
} finally {
  rmSync(work, { recursive: true, force: true });
}
