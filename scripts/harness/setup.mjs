// The set-up `npm start` and `npm test` do before anything else, so that on a fresh clone on a fresh Debian
// machine with only Node 20 and npm the one command is all a person types. Four numbered steps, each doing
// only what is missing (a second run passes them in well under a second):
//   1. Debian packages: chromium (npm test), and the native-build packages when code-server is to be built
//   2. npm ci, when node_modules does not match package-lock.json
//   3. Node 24 into .tools/node24
//   4. code-server into .tools/code-server
// Node built-ins only: this runs before node_modules exists. Logs go to this run's folder (logs.mjs).
// Usage: node scripts/harness/setup.mjs   (`npm run setup`: everything both commands need)
import { pathToFileURL } from 'node:url';
import { hasCodeServer, hasNode24, installCodeServer, installNode24 } from './installTools.mjs';
import { logFile, runLogDir, shortPath } from './logs.mjs';
import { npmCi, npmCiReason } from './npmDependencies.mjs';
import { codeServerVersion, node24Version } from './paths.mjs';
import { Progress, ReportedFailure } from './progress.mjs';
import { cannotInstall, installPackages, missingPackages } from './systemPackages.mjs';

/** How many numbered steps `setUp` takes, for callers that number their own steps after it. */
export const SETUP_STEPS = 4;

/**
 * How long the slow steps took on the project's 2-core build machine, from fresh clones with an empty npm
 * cache (measured 2026-11-30 in three runs and 2026-12-01 in two: apt-get 4-15 s with Chromium's libraries
 * already there, about 30 s on a bare Debian per HARNESS.md; npm ci 22-42 s; Node 24 4-15 s; code-server
 * 1.7-4 min, most of it building native modules).
 */
const ESTIMATES = {
  packages: '30 s',
  npmCi: '1 min',
  node24: '15 s',
  codeServer: '2-4 min on 2 cores',
};

/**
 * Runs the set-up for `purpose` ('start' needs no browser; 'test' and 'setup' need everything) as the first
 * `SETUP_STEPS` steps of `progress`. Throws a `ReportedFailure` (already explained on the console) when a
 * step fails or needs a person.
 */
export async function setUp(purpose, progress) {
  const packages = missingPackages({ browser: purpose !== 'start', nativeBuild: !hasCodeServer() });
  if (packages.length === 0) {
    progress.skip('Debian packages', 'already installed');
  } else {
    const advice = cannotInstall(packages, `npm ${purpose === 'setup' ? 'run setup' : purpose} again`);
    if (advice) {
      console.error(`${progress.next()} Missing Debian packages: ${packages.join(', ')}. ${advice}`);
      throw new ReportedFailure('Debian packages are missing');
    }
    const log = logFile('apt-get.log');
    await progress.run(`Installing Debian packages with apt-get: ${packages.join(' ')}`, { estimate: ESTIMATES.packages, log },
      () => installPackages(packages, { logFile: log }));
  }

  const reason = npmCiReason();
  if (!reason) {
    progress.skip('npm packages', 'node_modules matches package-lock.json');
  } else {
    const log = logFile('npm-ci.log');
    await progress.run(`Installing npm packages with npm ci: ${reason}`, { estimate: ESTIMATES.npmCi, log }, () => npmCi({ logFile: log }));
  }

  if (hasNode24()) {
    progress.skip(`Node ${node24Version}`, 'already in .tools/node24');
  } else {
    const log = logFile('node24.log');
    await progress.run(`Installing Node ${node24Version} into .tools/node24 (for code-server)`, { estimate: ESTIMATES.node24, log },
      () => installNode24({ logFile: log }));
  }

  if (hasCodeServer()) {
    progress.skip(`code-server ${codeServerVersion}`, 'already in .tools/code-server');
  } else {
    const log = logFile('code-server-install.log');
    await progress.run(`Installing code-server ${codeServerVersion} into .tools/code-server (builds native modules)`,
      { estimate: ESTIMATES.codeServer, log }, () => installCodeServer({ logFile: log }));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Paper Scout set-up; logs in ${shortPath(runLogDir('setup'))}`);
  try {
    await setUp('setup', new Progress(SETUP_STEPS));
  } catch (error) {
    if (!(error instanceof ReportedFailure)) console.error(error.message);
    process.exit(1);
  }
}
