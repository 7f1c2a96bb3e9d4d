// The Debian packages the harness needs: Chromium for anything that drives VS Code in a browser, and what
// code-server's npm install needs to build its native modules (a C++ toolchain, make, python3, pkg-config,
// libkrb5-dev for `kerberos`). Installed with apt-get as root or through password-less sudo; otherwise the
// caller stops with the exact command to run. Node built-ins only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromiumPath } from './paths.mjs';
import { run } from './proc.mjs';

/** True when `name` is an executable somewhere on PATH. */
function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    try { accessSync(join(dir, name), constants.X_OK); return true; } catch { return false; }
  });
}

/** Each package, and how to tell it is there without asking dpkg (what the build or the tests really use). */
const CHECKS = {
  chromium: () => existsSync(chromiumPath),
  'build-essential': () => onPath('g++') && onPath('make'),
  python3: () => onPath('python3'),
  'pkg-config': () => onPath('pkg-config'),
  'libkrb5-dev': () => existsSync('/usr/include/gssapi/gssapi.h'),
};

/**
 * The Debian packages missing for a run: `browser` when it starts Chromium, `nativeBuild` when it has to
 * install code-server (which builds native modules).
 */
export function missingPackages({ browser, nativeBuild }) {
  if (browser && process.env.CHROMIUM && !existsSync(chromiumPath)) {
    throw new Error(`CHROMIUM=${chromiumPath} does not exist: unset CHROMIUM to use Debian's chromium, or point it at a Chromium binary`);
  }
  const wanted = [...(browser ? ['chromium'] : []), ...(nativeBuild ? ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev'] : [])];
  return wanted.filter((name) => !CHECKS[name]());
}

/**
 * How apt-get can be run here: [] as root, ['sudo', '-n'] with password-less sudo, null when it cannot.
 * PAPER_SCOUT_SUDO=none pretends there is neither (to try the message a user without root sees).
 */
function privilege() {
  if (process.env.PAPER_SCOUT_SUDO === 'none') return null;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return null;
}

/**
 * What a person must do to install `packages`, in one sentence ending with "then <`rerun`>" (and the exact
 * command), or null when `installPackages` can do it here (as root or with password-less sudo).
 */
export function cannotInstall(packages, rerun) {
  if (!onPath('apt-get')) {
    return `This is not a Debian-like system (no apt-get): install them with its package manager, then ${rerun}.`;
  }
  if (privilege()) return null;
  return `Installing them needs root; run this, then ${rerun}: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/** Installs `packages` with apt-get, non-interactively, output to `logFile`; checks they are there after. */
export async function installPackages(packages, { logFile }) {
  const prefix = privilege();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (args, timeoutMs) => {
    const [command, ...rest] = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    return run(command, rest, { env, logFile, timeoutMs });
  };
  await aptGet(['update', '-q'], 5 * 60_000);
  await aptGet(['install', '-y', '-q', '-o', 'DPkg::Lock::Timeout=300', ...packages], 20 * 60_000);
  const still = packages.filter((name) => !CHECKS[name]());
  if (still.length > 0) {
    const failure = new Error(`apt-get finished but ${still.join(', ')} still look missing`);
    failure.logFile = logFile;
    throw failure;
  }
}
