import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Issue 13, item 8: the command line on hostile input and hostile surroundings.
describe('command line on hostile input (dist/cli.js)', function () {
  this.timeout(120000);
  const dir = mkdtempSync(join(tmpdir(), 'paper-scout-cli-hostile-'));
  const good = join(dir, 'good.txt');
  writeFileSync(good, `My Paper Title\n\n${'An abstract sentence. '.repeat(30)}\n\n  • 2 authors\n·\nMar 3, 2024 5\n`);

  it('refuses unknown options with exit code 2 instead of searching for them', () => {
    const typo = run('search', 'quantization', '--limt', '3');
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /--limt/);
    assert.equal(typo.stdout, '');
    assert.equal(run('search', 'x', '--limit').code, 2);
    assert.equal(JSON.parse(run('search', 'quantization', '--limit=2', '--json').stdout).length, 2);
  });

  it('names every file it cannot read, refuses directories, FIFOs and devices, and still reads the rest', () => {
    const sub = join(dir, 'somedir');
    mkdirSync(sub, { recursive: true });
    const fifo = join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const result = run('parse', good, sub, fifo, '/dev/zero', join(dir, 'gone.txt'), '--json');
    assert.notEqual(result.code, null, 'did not hang');
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout).papers.map((paper: { title: string }) => paper.title), ['My Paper Title']);
    assert.match(result.stderr, /somedir: not a regular file \(a directory\)/);
    assert.match(result.stderr, /pipe\.txt: not a regular file \(a named pipe\)/);
    assert.match(result.stderr, /\/dev\/zero: not a regular file \(a device\)/);
    assert.match(result.stderr, /gone\.txt: no such file/);
  });

  it('reports text that is not UTF-8 with its file and line, and reads the papers anyway', () => {
    const latin = join(dir, 'latin.txt');
    writeFileSync(latin, Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(` Paper\n\n${'An abstract. '.repeat(40)}\n`)]));
    const result = run('parse', latin, '--json');
    assert.equal(result.code, 0);
    assert.equal(JSON.parse(result.stdout).papers[0].title, 'Caf\uFFFD Paper');
    assert.match(result.stderr, /latin\.txt:1: warning: the text is not valid UTF-8/);
  });

  it('prints no terminal control characters, whatever the files and their names hold', () => {
    const evil = join(dir, 'evil.txt');
    writeFileSync(evil, `Evil \u001b]0;pwned\u0007 Title \u009b31m\n\n${'An abstract \u001b[2J with escapes. '.repeat(20)}\n\n  \u001b[31morg\n·\nMar 3, 2024 5\n`);
    for (const args of [['parse', evil], ['parse', evil, '--json'], ['parse', join(dir, 'no\u001b[2Jsuch\u0007.txt')]]) {
      const result = run(...args);
      assert.doesNotMatch(result.stdout, TERMINAL_CONTROL, args.join(' '));
      assert.doesNotMatch(result.stderr, TERMINAL_CONTROL, args.join(' '));
    }
    assert.match(run('parse', evil).stdout, /Evil \]0;pwned Title 31m/);
  });

  it('prints no bidirectional controls: a title with a right-to-left override reads in its own order', () => {
    const bidi = join(dir, 'bidi.txt');
    writeFileSync(bidi, `Sneaky \u202Etxt.exe\u202C and \u2067isolated\u2069 Title\n\n${'An abstract \u200Fwith marks. '.repeat(20)}\n\n  • 2 authors\n·\nMar 3, 2024 5\n`);
    for (const args of [['parse', bidi], ['parse', bidi, '--json']]) {
      const result = run(...args);
      assert.doesNotMatch(result.stdout, /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/, args.join(' '));
    }
    assert.match(run('parse', bidi).stdout, /Sneaky txt\.exe and isolated Title/);
    assert.match(run('parse', bidi, '--json').stdout, /Sneaky \\u202etxt\.exe\\u202c/, 'JSON keeps the text, escaped');
  });

  it('exits quietly when the reader closes the pipe', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, Array.from({ length: 3000 }, (_, i) => `Paper ${i}\n\n${'Text. '.repeat(80)}\n`).join('\n'));
    const errors = join(dir, 'stderr.txt');
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" parse "${big}" --json 2>"${errors}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60000 });
    assert.equal(piped.stdout.trim(), '0');
    assert.equal(readFileSync(errors, 'utf8'), '');
  });

  it('exits with the status it would have had when stdout or stderr is closed early, and says nothing of it', () => {
    // refs --strict over many citations of unknown keys: a long listing on stdout, exit status 1.
    const folder = join(dir, 'unknown-keys');
    mkdirSync(folder, { recursive: true });
    for (let file = 0; file < 40; file++) writeFileSync(join(folder, `notes${file}.md`), Array.from({ length: 400 }, (_, at) => `See [@missing${at}].`).join('\n'));
    const errors = join(dir, 'refs-stderr.txt');
    const stdoutClosed = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" refs "${folder}" --strict 2>"${errors}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60000 });
    assert.equal(stdoutClosed.stdout.trim(), '1', 'refs --strict with unknown keys exits 1, whoever reads its output');
    assert.match(readFileSync(errors, 'utf8'), /^paper-scout: 400 unknown citation key\(s\)/, 'the unknown keys are still reported on stderr');
    assert.doesNotMatch(readFileSync(errors, 'utf8'), /EPIPE|Error/);
    // parse of a page with one good paper and thousands of problems: its stderr closed after the first bytes.
    const problems = join(dir, 'problems.txt');
    const good = `A Good Paper\n\n${'We study it. '.repeat(60)}\n\n  • 2 authors\n·\nMar 3, 2024 5\n`;
    writeFileSync(problems, [good, ...Array.from({ length: 3000 }, (_, i) => `Title without abstract ${i}\n\n  • 2 authors\n·\nMar 3, 2024 5\n`)].join('\n'));
    const read = run('parse', problems);
    assert.equal(read.code, 0, 'the good paper is read: exit 0');
    assert.ok(read.stderr.length > 100_000, 'the problems fill stderr');
    const stderrClosed = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" parse "${problems}" 2>&1 >/dev/null | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60000 });
    assert.equal(stderrClosed.stdout.trim(), '0', 'closing stderr early changed the exit status');
    const missing = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" parse "${problems}" "${join(dir, 'missing.txt')}" 2>&1 >/dev/null | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60000 });
    assert.equal(missing.stdout.trim(), '1', 'a file it cannot read makes parse exit 1, stderr closed or not');
  });

  it('gives the whole help for names that are not commands, toString included', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'nope']) {
      const result = run('help', name);
      assert.equal(result.code, 0, name);
      assert.match(result.stdout, /^Paper Scout: look up/, name);
    }
  });
});
