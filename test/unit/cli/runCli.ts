import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The built command line, as users run it. */
export const CLI = resolve('dist/cli.js');

/** Runs the CLI with `args` in a fresh Node process and returns its exit code and output. */
export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
