// Child processes for the harness: run a step with a log, start a server on a free port, wait for it,
// and make sure every server started here dies when this process exits.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

const started = new Set();

/** Kills one process group started by `startServer`. */
export function killTree(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
  timer.unref();
}

function killAll() {
  for (const child of started) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { killAll(); process.exit(130); });
}

/** Prints one progress line, prefixed so it stands out among tool output. */
export function step(message) {
  console.log(`[harness] ${message}`);
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs a command to completion, output appended to `logFile` (or inherited when none), failing after
 * `timeoutMs`. Resolves on exit code 0, rejects otherwise with the log's path in the message and in the
 * error's `logFile`.
 */
export function run(command, args, { cwd, env, logFile, timeoutMs = 10 * 60_000 } = {}) {
  return new Promise((resolveRun, reject) => {
    let out = 'inherit';
    let log;
    if (logFile) {
      mkdirSync(dirname(logFile), { recursive: true });
      log = createWriteStream(logFile, { flags: 'a' });
      out = 'pipe';
    }
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', out, out], detached: true });
    started.add(child);
    // Both streams write to one log, so neither may end it; it ends on 'close', once all output is in.
    if (log) { child.stdout.pipe(log, { end: false }); child.stderr.pipe(log, { end: false }); }
    const timer = setTimeout(() => {
      killTree(child);
      const failure = new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs / 1000}s${logFile ? ` (log: ${logFile})` : ''}`);
      failure.logFile = logFile;
      reject(failure);
    }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); started.delete(child); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      started.delete(child);
      log?.end();
      if (code === 0) { resolveRun(); return; }
      const failure = new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}${logFile ? ` (log: ${logFile})` : ''}`);
      failure.logFile = logFile;
      reject(failure);
    });
  });
}

/** Starts a long-running server in its own process group, output to `logFile`. Killed when we exit. */
export function startServer(command, args, { cwd, env, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.add(child);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('exit', () => started.delete(child));
  child.on('close', () => log.end());
  return child;
}

/** Polls `url` until it answers (any HTTP status), the server exits, or `timeoutMs` passes. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
